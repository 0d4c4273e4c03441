/**
 * Builds the case engine the application runs with: the procedures' workflows and rule sets,
 * and the effect sink that turns a transition's effects into queued work in the transition's own
 * transaction — timers and messages here, documents and exports by the modules that own them.
 */
import type { Trx } from '../../platform/db/database.js';
import type { JobServices } from '../../platform/jobs/job.js';
import type { EffectInvocation, EffectName, EffectSink } from '../../definitions/workflow/effects.js';
import type { CaseEngineDeps } from './case-engine.js';
import { caseMessageJob, fireTimerJob } from './case-jobs.js';

/** Carries out one kind of effect inside the transition's transaction. */
export type EffectHandler = (trx: Trx, invocation: EffectInvocation) => Promise<void>;
export type EffectHandlers = Partial<Record<EffectName, EffectHandler>>;

type EngineServices = Pick<JobServices, 'db' | 'queue' | 'packages'>;

/** The platform's own effect handlers: timers become delayed jobs, messages become mail jobs. */
export function platformEffectHandlers(services: Pick<JobServices, 'queue'>): EffectHandlers {
  return {
    async startTimer(trx, inv) {
      if (!inv.timer) throw new Error('startTimer without an armed timer');
      await services.queue.enqueue(fireTimerJob, { tenantId: inv.tenantId, timerId: inv.timer.id }, { trx, startAfter: inv.timer.dueAt });
    },
    // The engine settles the timer row itself; a job still queued for it finds it settled.
    async cancelTimer() {},
    async sendMessage(trx, inv) {
      if (inv.effect.effect !== 'sendMessage') return;
      const template = inv.effect.params.template;
      if (!['received', 'decided', 'information-requested', 'reminder', 'status-changed'].includes(template)) {
        throw new Error(`sendMessage: unknown message template "${template}"`);
      }
      await services.queue.enqueue(
        caseMessageJob,
        {
          tenantId: inv.tenantId,
          caseId: inv.caseId,
          eventKey: `${inv.transitionId}@${inv.caseVersion}`,
          template: template as 'received',
          to: inv.effect.params.to,
        },
        { trx },
      );
    },
  };
}

/** An effect sink over handlers; an effect nobody handles fails its transition loudly. */
export function createEffectSink(handlers: EffectHandlers): EffectSink {
  return {
    async run(trx, invocation) {
      const handler = handlers[invocation.effect.effect];
      if (!handler) throw new Error(`No handler is configured for the workflow effect "${invocation.effect.effect}"`);
      await handler(trx, invocation);
    },
  };
}

/** The engine for commands run by the web process or a job. */
export function buildCaseEngine(services: EngineServices, extraHandlers: EffectHandlers = {}): CaseEngineDeps {
  return {
    db: services.db,
    services: services.packages.runtimes,
    effects: createEffectSink({ ...platformEffectHandlers(services), ...extraHandlers }),
  };
}
