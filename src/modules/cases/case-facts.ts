/**
 * The facts a workflow decision rests on, loaded inside the deciding transaction: the tenant's
 * calendar, settings and switches, and the findings of the latest rule evaluation — current only
 * while the case data is still what the rules saw.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import { loadTenantCalendar } from '../../platform/calendar/tenant-calendar.js';
import type { WorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import type { Trx } from '../../platform/db/database.js';
import type { Finding } from '../../definitions/rules/finding.js';
import type { GuardFacts } from '../../definitions/workflow/guard.js';
import type { Workflow } from '../../definitions/workflow/workflow-schema.js';
import type { CaseEngineDeps, CaseRow } from './case-engine.js';
import { loadSwitches, type Switches } from './rule-switches.js';

/** A stored finding with the rule that produced it. */
export interface StoredFinding extends Finding {
  ruleId: string;
}

/** The latest rule evaluation of a case. */
export interface CaseEvaluation {
  evaluation: number;
  evaluatedAt: Date;
  /** True when the case data changed after this evaluation (its findings no longer feed guards). */
  stale: boolean;
  findings: StoredFinding[];
}

/** SHA-256 of the canonical JSON of the case data: what an evaluation is about. */
export function caseDataHash(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

/** The latest evaluation of a case with its findings, or undefined if the rules never ran. */
export async function findLatestEvaluation(trx: Trx, tenantId: string, row: Pick<CaseRow, 'id' | 'data'>): Promise<CaseEvaluation | undefined> {
  const evaluation = await trx
    .selectFrom('case_rule_evaluations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', row.id)
    .orderBy('evaluation', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!evaluation) return undefined;
  const rows = await trx
    .selectFrom('case_findings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', row.id)
    .where('evaluation', '=', evaluation.evaluation)
    .orderBy('position')
    .execute();
  return {
    evaluation: evaluation.evaluation,
    evaluatedAt: evaluation.evaluated_at,
    stale: evaluation.data_hash !== caseDataHash(row.data),
    findings: rows.map((f) => ({
      ruleId: f.rule_id,
      code: f.code,
      severity: f.severity,
      message: f.message,
      ...(f.field_path ? { fieldPath: f.field_path } : {}),
      ...(f.legal_source ? { legalSource: f.legal_source } : {}),
    })),
  };
}

/** The tenant-side facts of a decision. */
export interface TenantFacts {
  calendar: WorkingDayCalendar;
  settings: Record<string, unknown>;
  switches: Switches;
}

/** Loads the calendar, settings and switches of a tenant for a service. */
export async function loadTenantFacts(trx: Trx, deps: CaseEngineDeps, tenantId: string, serviceId: string): Promise<TenantFacts> {
  return {
    calendar: await (deps.calendar ?? loadTenantCalendar)(trx, tenantId),
    settings: deps.tenantSettings ? await deps.tenantSettings(trx, tenantId, serviceId) : {},
    switches: await loadSwitches(trx, tenantId, serviceId),
  };
}

/** The facts guards see for a case. */
export function guardFactsFor(workflow: Workflow, row: Pick<CaseRow, 'data'>, evaluation: CaseEvaluation | undefined, tenant: TenantFacts): GuardFacts {
  const defaults = new Map(workflow.automations.map((a) => [a.id, a.enabledByDefault]));
  return {
    data: row.data,
    findings: evaluation && !evaluation.stale ? evaluation.findings : undefined,
    settings: tenant.settings,
    automationEnabled: (id) => tenant.switches.isEnabled('automation', id, defaults.get(id) ?? false),
  };
}

/** Loads everything guards need for a case, inside the deciding transaction. */
export async function loadGuardFacts(trx: Trx, deps: CaseEngineDeps, tenantId: string, workflow: Workflow, row: CaseRow): Promise<{ facts: GuardFacts; tenant: TenantFacts }> {
  const tenant = await loadTenantFacts(trx, deps, tenantId, row.service_id);
  const evaluation = await findLatestEvaluation(trx, tenantId, row);
  return { facts: guardFactsFor(workflow, row, evaluation, tenant), tenant };
}
