/**
 * The transitions an actor can take on a case now — the buttons of the case page and the status
 * page. Transitions whose guard does not hold are listed too, marked not allowed with the reasons,
 * so the page can explain why a step is not possible yet instead of hiding it silently.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { GuardFacts } from '../../definitions/workflow/guard.js';
import type { ActorKind, TransitionInputField, Workflow } from '../../definitions/workflow/workflow-schema.js';
import { guardRefusals } from './workflow-step.js';
import { loadCase, runtimeOf, type CaseEngineDeps } from './case-engine.js';
import { loadGuardFacts } from './case-facts.js';

export interface AvailableTransition {
  id: string;
  name: Localized;
  /** Text for the confirmation step, if the definition asks for one. */
  confirm?: Localized;
  /** The inputs to ask for (reason, date). */
  input: TransitionInputField[];
  /** False when the guard does not hold; `reasons` says why. */
  allowed: boolean;
  reasons: Localized[];
}

/** The transitions from the case's state for an actor kind, with whether each is allowed now. */
export function availableTransitions(workflow: Workflow, current: { state: string }, actor: ActorKind, facts: GuardFacts): AvailableTransition[] {
  return workflow.transitions
    .filter((t) => t.actor === actor && t.from.includes(current.state))
    .map((t) => {
      const reasons = guardRefusals(t, facts);
      return { id: t.id, name: t.name, ...(t.confirm ? { confirm: t.confirm } : {}), input: t.input, allowed: reasons.length === 0, reasons };
    });
}

/** Loads a case of the tenant and lists what the actor can do; the version goes into the form as `expectedVersion`. */
export async function findAvailableTransitions(
  deps: CaseEngineDeps,
  query: { tenantId: string; caseId: string; actor: ActorKind },
): Promise<{ state: string; version: number; transitions: AvailableTransition[] }> {
  return deps.db.withTenant(query.tenantId, async (trx) => {
    const row = await loadCase(trx, query.tenantId, query.caseId, { forUpdate: false });
    const { workflow } = runtimeOf(deps, row);
    const { facts } = await loadGuardFacts(trx, deps, query.tenantId, workflow, row);
    return { state: row.state, version: row.version, transitions: availableTransitions(workflow, row, query.actor, facts) };
  });
}
