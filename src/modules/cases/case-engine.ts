/**
 * What the case workflow engine works with: the database, the definitions of each service
 * version (workflow and rule set), the effect sink the application wires to jobs and mail, and
 * the lookups rules may use. The composition root builds one {@link CaseEngineDeps}; the
 * commands (applyTransition, runAutomaticTransitions, fireTimer, evaluateRules) take it first.
 */
import type { Selectable } from 'kysely';
import type { WorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import type { Database, Trx } from '../../platform/db/database.js';
import type { CasesTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { RuleLookup } from '../../definitions/rules/rule.js';
import type { RuleSet } from '../../definitions/rules/rule-set.js';
import type { EffectSink } from '../../definitions/workflow/effects.js';
import type { Workflow } from '../../definitions/workflow/workflow-schema.js';

/** The engine-relevant parts of a service version. */
export interface ServiceRuntime {
  workflow: Workflow;
  /** The rule set; without one, an evaluation finds nothing (and says so in its event). */
  ruleSet?: RuleSet;
}

/** Finds the runtime of a service version (published versions are immutable, so it can be cached). */
export interface ServiceRuntimes {
  get(serviceId: string, version: number): ServiceRuntime | undefined;
}

export interface CaseEngineDeps {
  db: Database;
  services: ServiceRuntimes;
  effects: EffectSink;
  /** Lookups for the rules' prepare step (other cases, registers), by name. */
  lookups?: Readonly<Record<string, RuleLookup>>;
  /** A tenant's settings for a service, as guards (`setting`) and rules read them; default none. */
  tenantSettings?: (trx: Trx, tenantId: string, serviceId: string) => Promise<Record<string, unknown>>;
  /** A tenant's working-day calendar; default from its AGS and closing days. */
  calendar?: (trx: Trx, tenantId: string) => Promise<WorkingDayCalendar>;
}

/** The most automatic steps one command takes; more means a loop in the workflow's system transitions. */
export const MAX_AUTOMATIC_STEPS = 10;

export type CaseRow = Selectable<CasesTable>;

/** Someone else changed the case since the caller read it (stale `expectedVersion`). */
export class ConcurrentModificationError extends AppError {
  constructor(
    readonly caseId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super('case.concurrent_modification');
    this.name = 'ConcurrentModificationError';
  }
}

/** True for a UUID in text form (ids from URLs and job payloads are checked before they reach SQL). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Reads a case of the tenant, locked for the rest of the transaction if asked; another tenant's case is not found (404). */
export async function loadCase(trx: Trx, tenantId: string, caseId: string, options: { forUpdate: boolean }): Promise<CaseRow> {
  // A malformed id would make PostgreSQL raise instead of finding nothing.
  if (!isUuid(caseId)) throw new AppError('case.not_found');
  const query = trx.selectFrom('cases').selectAll().where('tenant_id', '=', tenantId).where('id', '=', caseId);
  const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  if (!row) throw new AppError('case.not_found');
  return row;
}

/** The runtime of the case's service version; a missing one is a deployment error, not a user error. */
export function runtimeOf(deps: CaseEngineDeps, row: Pick<CaseRow, 'service_id' | 'service_version'>): ServiceRuntime {
  const runtime = deps.services.get(row.service_id, row.service_version);
  if (!runtime) throw new Error(`No workflow is loaded for service ${row.service_id} version ${row.service_version}`);
  return runtime;
}
