/**
 * Firing workflow timers. A `startTimer` effect arms a row in `case_timers` and asks the effect
 * sink to schedule a job for its due time; the job calls {@link fireTimer}. Firing is idempotent:
 * a timer fires once, and a timer whose state was left in the meantime (which cancels it) or that
 * is not due yet does nothing — a repeated, late or early job is harmless.
 */
import type { Trx } from '../../platform/db/database.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { resultOf, type TransitionResult } from './apply-transition.js';
import { isUuid, loadCase, type CaseEngineDeps } from './case-engine.js';
import { guardFactsFor } from './case-facts.js';
import { advanceAutomatically, guardRefusals, performStep, prepareSteps } from './workflow-step.js';

export interface FireTimerCommand {
  tenantId: string;
  timerId: string;
  now: Date;
}

/** Why a timer did nothing: unknown (or another tenant's), already fired or cancelled, not due, its state left, or its transition refused. */
export type TimerSkipReason = 'not-found' | 'settled' | 'not-due' | 'state-left' | 'refused';

export type FireTimerOutcome = { fired: true; result: TransitionResult } | { fired: false; reason: TimerSkipReason };

async function settle(trx: Trx, tenantId: string, timerId: string, status: 'fired' | 'skipped' | 'cancelled', now: Date): Promise<void> {
  await trx.updateTable('case_timers').set({ status, settled_at: now }).where('tenant_id', '=', tenantId).where('id', '=', timerId).execute();
}

/** Fires a timer's transition if the timer is still armed, due and in its state; otherwise does nothing. */
export async function fireTimer(deps: CaseEngineDeps, cmd: FireTimerCommand): Promise<FireTimerOutcome> {
  if (!isUuid(cmd.timerId)) return { fired: false, reason: 'not-found' };
  return deps.db.withTenant(cmd.tenantId, async (trx): Promise<FireTimerOutcome> => {
    const probe = await trx.selectFrom('case_timers').select('case_id').where('tenant_id', '=', cmd.tenantId).where('id', '=', cmd.timerId).executeTakeFirst();
    if (!probe) return { fired: false, reason: 'not-found' };
    // Lock the case before the timer, in the order transitions take them, so the two never deadlock.
    const row = await loadCase(trx, cmd.tenantId, probe.case_id, { forUpdate: true });
    const timer = await trx.selectFrom('case_timers').selectAll().where('tenant_id', '=', cmd.tenantId).where('id', '=', cmd.timerId).forUpdate().executeTakeFirstOrThrow();
    if (timer.status !== 'armed') return { fired: false, reason: 'settled' };
    if (cmd.now < timer.due_at) return { fired: false, reason: 'not-due' };
    if (row.state !== timer.state) {
      await settle(trx, cmd.tenantId, timer.id, 'cancelled', cmd.now);
      return { fired: false, reason: 'state-left' };
    }
    const { ctx, evaluation } = await prepareSteps(trx, deps, cmd.tenantId, row, cmd.now);
    const transition = ctx.workflow.transitions.find((t) => t.actor === 'timer' && t.timer === timer.name && t.from.includes(row.state));
    const refusals = transition ? guardRefusals(transition, guardFactsFor(ctx.workflow, row, evaluation, ctx.tenant)) : [];
    if (!transition || refusals.length > 0) {
      await settle(trx, cmd.tenantId, timer.id, 'skipped', cmd.now);
      await appendCaseEvent(trx, cmd.tenantId, {
        caseId: row.id,
        at: cmd.now,
        actorKind: 'timer',
        type: 'timer.skipped',
        data: { timer: timer.name, timerId: timer.id, reasons: refusals },
      });
      return { fired: false, reason: 'refused' };
    }
    // Settled first: the step cancels the armed timers of the state it leaves.
    await settle(trx, cmd.tenantId, timer.id, 'fired', cmd.now);
    const first = await performStep(ctx, row, transition, { kind: 'timer' }, {}, { timer: timer.name, timerId: timer.id });
    const rest = await advanceAutomatically(ctx, first.row, evaluation);
    return { fired: true, result: resultOf(rest.row, [first.step, ...rest.steps], rest.limitReached) };
  });
}
