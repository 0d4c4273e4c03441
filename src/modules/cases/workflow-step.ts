/**
 * One step of the workflow inside the caller's transaction: move the case (optimistically, on its
 * version), compute the new state's deadline, cancel the timers of the state left, append the
 * transition event, arm or cancel timers and hand every effect to the sink. Followed by
 * {@link advanceAutomatically}, which takes system steps while their guards hold.
 */
import { periodEnd } from '../../platform/calendar/period.js';
import type { Trx } from '../../platform/db/database.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import type { EffectInvocation } from '../../definitions/workflow/effects.js';
import { explainGuardFailure, type GuardFacts } from '../../definitions/workflow/guard.js';
import type { Localized } from '../../platform/db/schema.js';
import { stateOf, type ActorKind, type Workflow, type WorkflowActor, type WorkflowTransition } from '../../definitions/workflow/workflow-schema.js';
import { ConcurrentModificationError, MAX_AUTOMATIC_STEPS, runtimeOf, type CaseEngineDeps, type CaseRow } from './case-engine.js';
import { stateDeadline } from './case-deadlines.js';
import { findLatestEvaluation, guardFactsFor, loadTenantFacts, type CaseEvaluation, type TenantFacts } from './case-facts.js';

/** What one step did, as returned to callers and shown in results. */
export interface StepRecord {
  transition: string;
  from: string;
  to: string;
  actor: ActorKind;
  /** The case version after the step. */
  version: number;
  /** The sequence number of the transition event. */
  eventSeq: number;
}

/** What every step of one command shares. */
export interface StepContext {
  trx: Trx;
  deps: CaseEngineDeps;
  tenantId: string;
  workflow: Workflow;
  tenant: TenantFacts;
  now: Date;
}

/** Loads what the steps on a locked case need: its workflow, the tenant's facts and the current findings. */
export async function prepareSteps(trx: Trx, deps: CaseEngineDeps, tenantId: string, row: CaseRow, now: Date): Promise<{ ctx: StepContext; evaluation: CaseEvaluation | undefined }> {
  const { workflow } = runtimeOf(deps, row);
  const tenant = await loadTenantFacts(trx, deps, tenantId, row.service_id);
  const evaluation = await findLatestEvaluation(trx, tenantId, row);
  return { ctx: { trx, deps, tenantId, workflow, tenant, now }, evaluation };
}

function dueAtOf(ctx: StepContext, row: CaseRow, transition: WorkflowTransition): Date | null {
  if (transition.to === row.state) return row.due_at; // staying in a state keeps its deadline
  return stateDeadline(ctx.workflow, transition.to, ctx.tenant.calendar, { enteredAt: ctx.now, submittedAt: row.submitted_at });
}

async function cancelTimers(ctx: StepContext, caseId: string, where: { state?: string; name?: string }): Promise<void> {
  let q = ctx.trx
    .updateTable('case_timers')
    .set({ status: 'cancelled', settled_at: ctx.now })
    .where('tenant_id', '=', ctx.tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'armed');
  if (where.state !== undefined) q = q.where('state', '=', where.state);
  if (where.name !== undefined) q = q.where('name', '=', where.name);
  await q.execute();
}

async function runEffects(ctx: StepContext, row: CaseRow, transition: WorkflowTransition, from: string, actor: WorkflowActor): Promise<void> {
  for (const effect of transition.effects) {
    const invocation: EffectInvocation = {
      tenantId: ctx.tenantId,
      caseId: row.id,
      caseVersion: row.version,
      transitionId: transition.id,
      from,
      to: row.state,
      actor,
      at: ctx.now,
      effect,
    };
    if (effect.effect === 'startTimer') {
      // Re-arming a timer replaces the one still running under the same name.
      await cancelTimers(ctx, row.id, { name: effect.params.timer });
      const dueAt = periodEnd(ctx.tenant.calendar, ctx.now, effect.params.after);
      const timer = await ctx.trx
        .insertInto('case_timers')
        .values({ tenant_id: ctx.tenantId, case_id: row.id, name: effect.params.timer, state: row.state, due_at: dueAt, armed_by: transition.id, created_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      invocation.timer = { id: timer.id, name: effect.params.timer, dueAt, after: effect.params.after };
    } else if (effect.effect === 'cancelTimer') {
      await cancelTimers(ctx, row.id, { name: effect.params.timer });
    }
    await ctx.deps.effects.run(ctx.trx, invocation);
  }
}

/** Takes one transition on a locked case; returns the updated case and what was done. */
export async function performStep(
  ctx: StepContext,
  row: CaseRow,
  transition: WorkflowTransition,
  actor: WorkflowActor,
  input: Readonly<Record<string, string>>,
  details: Readonly<Record<string, unknown>> = {},
): Promise<{ row: CaseRow; step: StepRecord }> {
  const from = row.state;
  const terminal = stateOf(ctx.workflow, transition.to).terminal === true;
  const updated = await ctx.trx
    .updateTable('cases')
    .set({ state: transition.to, version: row.version + 1, updated_at: ctx.now, due_at: dueAtOf(ctx, row, transition), closed_at: terminal ? ctx.now : null })
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  // Callers hold the row lock, so this only guards against a caller that forgot to take it.
  if (!updated) throw new ConcurrentModificationError(row.id, row.version, row.version + 1);
  if (from !== transition.to) await cancelTimers(ctx, row.id, { state: from });
  const eventSeq = await appendCaseEvent(ctx.trx, ctx.tenantId, {
    caseId: row.id,
    at: ctx.now,
    actorKind: actor.kind,
    actorId: actor.id ?? null,
    type: 'transition',
    data: { transition: transition.id, from, to: transition.to, version: updated.version, input, effects: transition.effects.map((e) => e.effect), ...details },
  });
  await runEffects(ctx, updated, transition, from, actor);
  return { row: updated, step: { transition: transition.id, from, to: transition.to, actor: actor.kind, version: updated.version, eventSeq } };
}

/** Reasons a transition's guard (including its automation switch) refuses; empty when it may go. */
export function guardRefusals(transition: WorkflowTransition, facts: GuardFacts): Localized[] {
  const reasons = transition.automation ? explainGuardFailure({ automation: transition.automation }, facts) : [];
  if (transition.guard && reasons.length === 0) {
    const failures = explainGuardFailure(transition.guard, facts);
    if (failures.length > 0) return transition.guardMessage ? [transition.guardMessage] : failures;
  }
  return reasons;
}

/** True when an automatic transition may fire: its automation is on and its guard holds. */
export function automaticTransitionFires(transition: WorkflowTransition, facts: GuardFacts): boolean {
  return guardRefusals(transition, facts).length === 0;
}

/**
 * Fires system transitions from the case's state while one's guard holds (the first in
 * definition order wins), at most {@link MAX_AUTOMATIC_STEPS} times: a longer chain means the
 * definition loops, and the case then stays where it is with `limitReached` set.
 */
export async function advanceAutomatically(
  ctx: StepContext,
  start: CaseRow,
  evaluation: CaseEvaluation | undefined,
): Promise<{ row: CaseRow; steps: StepRecord[]; limitReached: boolean }> {
  let row = start;
  const steps: StepRecord[] = [];
  const next = () => {
    const facts = guardFactsFor(ctx.workflow, row, evaluation, ctx.tenant);
    return ctx.workflow.transitions.find((t) => t.actor === 'system' && t.from.includes(row.state) && automaticTransitionFires(t, facts));
  };
  for (let transition = next(); transition; transition = next()) {
    if (steps.length >= MAX_AUTOMATIC_STEPS) return { row, steps, limitReached: true };
    const done = await performStep(ctx, row, transition, { kind: 'system' }, {}, { automatic: true });
    row = done.row;
    steps.push(done.step);
  }
  return { row, steps, limitReached: false };
}
