/**
 * The workflow interpreter's commands. `applyTransition` is what a caseworker's or citizen's button
 * does: in one tenant transaction it locks the case, refuses a stale version, checks state, actor,
 * guard and input, takes the step (event, deadline, timers, effects), then lets the system take
 * the automatic steps that follow. `runAutomaticTransitions` does the latter alone, after a
 * submission, a rule evaluation or a data change: this is how a standard case finishes without a
 * human.
 */
import { AppError } from '../../platform/errors/app-error.js';
import type { WorkflowActor, WorkflowTransition } from '../../definitions/workflow/workflow-schema.js';
import { ConcurrentModificationError, loadCase, type CaseEngineDeps, type CaseRow } from './case-engine.js';
import { guardFactsFor } from './case-facts.js';
import { checkTransitionInput } from './transition-input.js';
import { advanceAutomatically, guardRefusals, performStep, prepareSteps, type StepRecord } from './workflow-step.js';
import type { Trx } from '../../platform/db/database.js';

export interface ApplyTransitionCommand {
  tenantId: string;
  caseId: string;
  transitionId: string;
  actor: WorkflowActor;
  /** The case version the actor saw; a different current version is a concurrent change. */
  expectedVersion: number;
  /** Values of the transition's declared inputs, by input id. */
  input?: Readonly<Record<string, unknown>>;
  now: Date;
}

/** Where a command left the case, and every step it took (the first one is the requested step). */
export interface TransitionResult {
  caseId: string;
  state: string;
  version: number;
  dueAt: Date | null;
  closedAt: Date | null;
  steps: StepRecord[];
  /** True when automatic steps stopped at the step limit (a loop in the definition). */
  automationLimitReached: boolean;
}

/** The result of a command from the case row it left and the steps it took. */
export function resultOf(row: CaseRow, steps: StepRecord[], limitReached: boolean): TransitionResult {
  return { caseId: row.id, state: row.state, version: row.version, dueAt: row.due_at, closedAt: row.closed_at, steps, automationLimitReached: limitReached };
}

async function openSteps(trx: Trx, deps: CaseEngineDeps, tenantId: string, caseId: string, now: Date) {
  const row = await loadCase(trx, tenantId, caseId, { forUpdate: true });
  return { row, ...(await prepareSteps(trx, deps, tenantId, row, now)) };
}

/** Applies one transition for an actor, then the automatic steps that follow; all in one transaction. */
export async function applyTransition(deps: CaseEngineDeps, cmd: ApplyTransitionCommand): Promise<TransitionResult> {
  return deps.db.withTenant(cmd.tenantId, (trx) => applyTransitionIn(trx, deps, cmd));
}

/** {@link applyTransition} inside the caller's tenant transaction, for commands that take a step as part of a larger act (e.g. an information request). */
export async function applyTransitionIn(trx: Trx, deps: CaseEngineDeps, cmd: ApplyTransitionCommand): Promise<TransitionResult> {
  const { row, ctx, evaluation } = await openSteps(trx, deps, cmd.tenantId, cmd.caseId, cmd.now);
  if (row.version !== cmd.expectedVersion) throw new ConcurrentModificationError(row.id, cmd.expectedVersion, row.version);
  const transition = ctx.workflow.transitions.find((t) => t.id === cmd.transitionId);
  if (!transition) throw new AppError('case.transition_unknown');
  if (transition.actor !== cmd.actor.kind) throw new AppError('case.transition_forbidden');
  if (!transition.from.includes(row.state)) throw new AppError('case.transition_not_available');
  const refusals = guardRefusals(transition, guardFactsFor(ctx.workflow, row, evaluation, ctx.tenant));
  if (refusals.length > 0) throw new AppError('case.transition_guard_failed', refusals.map((message) => ({ path: '', message })));
  const input = checkTransitionInput(transition, cmd.input ?? {});
  const first = await performStep(ctx, row, transition, cmd.actor, input);
  const rest = await advanceAutomatically(ctx, first.row, evaluation);
  return resultOf(rest.row, [first.step, ...rest.steps], rest.limitReached);
}

export interface AutomaticTransitionsCommand {
  tenantId: string;
  caseId: string;
  now: Date;
}

/** Fires the system transitions whose guards hold, repeatedly (bounded); the result's steps may be empty. */
export async function runAutomaticTransitions(deps: CaseEngineDeps, cmd: AutomaticTransitionsCommand): Promise<TransitionResult> {
  return deps.db.withTenant(cmd.tenantId, async (trx) => {
    const { row, ctx, evaluation } = await openSteps(trx, deps, cmd.tenantId, cmd.caseId, cmd.now);
    const done = await advanceAutomatically(ctx, row, evaluation);
    return resultOf(done.row, done.steps, done.limitReached);
  });
}
