/**
 * Builds the case engine the application runs with: the procedures' workflows and rule sets,
 * and the effect sink that turns a transition's effects into queued work in the transition's own
 * transaction — timers and messages here, documents and exports by the modules that own them.
 */
import type { Trx } from '../../platform/db/database.js';
import type { JobServices } from '../../platform/jobs/job.js';
import type { EffectInvocation, EffectName, EffectSink } from '../../definitions/workflow/effects.js';
import { exportEffectHandlers } from '../deliveries/export-effects.js';
import { documentEffectHandlers } from '../documents/document-effects.js';
import type { CaseEngineDeps } from './case-engine.js';
import { caseMessageJob, fireTimerJob } from './case-jobs.js';

/** Carries out one kind of effect inside the transition's transaction. */
export type EffectHandler = (trx: Trx, invocation: EffectInvocation) => Promise<void>;
export type EffectHandlers = Partial<Record<EffectName, EffectHandler>>;

type EngineServices = Pick<JobServices, 'db' | 'queue' | 'packages' | 'storage'>;

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

/** The procedures' own steps (`procedureStep`); an unknown step fails its transition loudly. */
export function procedureStepHandlers(services: Pick<JobServices, 'packages' | 'queue'>): EffectHandlers {
  return {
    async procedureStep(trx, inv) {
      if (inv.effect.effect !== 'procedureStep') return;
      const step = services.packages.steps.get(inv.effect.params.step);
      if (!step) throw new Error(`procedureStep: no procedure step "${inv.effect.params.step}" is registered`);
      await step.run(trx, inv, { queue: services.queue });
    },
  };
}

/** Every effect the application carries out: timers and messages, documents, exports, procedure steps. */
export function applicationEffectHandlers(services: Omit<EngineServices, 'db'>): EffectHandlers {
  return {
    ...platformEffectHandlers(services),
    ...procedureStepHandlers(services),
    ...documentEffectHandlers({ queue: services.queue, templates: services.packages.documentTemplates }),
    ...exportEffectHandlers({ queue: services.queue, storage: services.storage, exporters: services.packages.exporters }),
  };
}

/** The engine for commands run by the web process or a job. */
export function buildCaseEngine(services: EngineServices, extraHandlers: EffectHandlers = {}): CaseEngineDeps {
  return {
    db: services.db,
    services: services.packages.runtimes,
    effects: createEffectSink({ ...applicationEffectHandlers(services), ...extraHandlers }),
    lookups: services.packages.lookups,
    tenantSettings: services.packages.tenantSettings,
  };
}
