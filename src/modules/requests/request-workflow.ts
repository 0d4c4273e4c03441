/**
 * How an information request meets the case's workflow, where the workflow has a say: a workflow
 * with a state `information-requested` enters it when a caseworker asks (through its caseworker
 * transition into that state, with the message and date as the step's input) and leaves it when
 * the applicant has answered every open request (through its citizen transition out of it).
 * A workflow without such a state or step is left alone: requests work on every case.
 */
import type { Trx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Workflow, WorkflowActor, WorkflowTransition } from '../../definitions/workflow/workflow-schema.js';
import { applyTransitionIn } from '../cases/apply-transition.js';
import type { CaseEngineDeps, CaseRow } from '../cases/case-engine.js';
import { checkTransitionInput } from '../cases/transition-input.js';

/** The state id a workflow uses for "waiting for the applicant's answer". */
export const REQUESTED_STATE = 'information-requested';

/** The caseworker transition from the case's state into the requested state, if the workflow has one. */
export function requestTransitionOf(workflow: Workflow, state: string): WorkflowTransition | undefined {
  return workflow.transitions.find((t) => t.actor === 'caseworker' && t.to === REQUESTED_STATE && t.from.includes(state));
}

/** The citizen transition out of the requested state that answers (the first one to a state that does not end the case and asks for no input). */
export function answerTransitionOf(workflow: Workflow, state: string): WorkflowTransition | undefined {
  if (state !== REQUESTED_STATE) return undefined;
  return workflow.transitions.find(
    (t) => t.actor === 'citizen' && t.from.includes(state) && t.to !== state && !workflow.states.find((s) => s.id === t.to)?.terminal && t.input.every((f) => !f.required),
  );
}

/** True when the transition itself mails the applicant the "information requested" message. */
export function mailsApplicantTheRequest(transition: WorkflowTransition): boolean {
  return transition.effects.some((e) => e.effect === 'sendMessage' && e.params.template === 'information-requested' && e.params.to === 'applicant');
}

/** The step's input from the request: text inputs get the message, date inputs the deadline; refusals name the form's fields. */
export function requestStepInput(transition: WorkflowTransition, request: { message: string; dueDate: string }): Record<string, string> {
  const input = Object.fromEntries(transition.input.map((f) => [f.id, f.type === 'date' ? request.dueDate : request.message]));
  try {
    return checkTransitionInput(transition, input);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const fieldOf = (id: string) => (transition.input.find((f) => f.id === id)?.type === 'date' ? 'dueDate' : 'message');
    throw new AppError(e.code, e.fieldErrors.map((f) => ({ ...f, path: fieldOf(f.path) })));
  }
}

/**
 * Takes the workflow step on the locked case inside the caller's transaction; returns the step
 * taken, or undefined when there is none or its guard refuses (the request stands either way).
 */
export async function takeStepIfAny(
  trx: Trx,
  engine: CaseEngineDeps,
  row: CaseRow,
  step: { transition: WorkflowTransition | undefined; actor: WorkflowActor; input: Record<string, string>; now: Date },
): Promise<WorkflowTransition | undefined> {
  if (!step.transition) return undefined;
  try {
    await applyTransitionIn(trx, engine, {
      tenantId: row.tenant_id,
      caseId: row.id,
      transitionId: step.transition.id,
      actor: step.actor,
      expectedVersion: row.version,
      input: step.input,
      now: step.now,
    });
  } catch (e) {
    // A refusing guard is checked before anything is written, so the transaction goes on unharmed.
    if (e instanceof AppError && e.code === 'case.transition_guard_failed') return undefined;
    throw e;
  }
  return step.transition;
}
