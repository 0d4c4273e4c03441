/**
 * Runs a case's rules and stores the findings as a new evaluation, in one tenant transaction with
 * the case locked (so a transition cannot slip between reading the data and storing what was
 * found about it). Earlier evaluations stay as history; the newest one is current while the case
 * data is unchanged. Each evaluation writes a `rules.evaluated` event with the counts.
 *
 * After a submission or a data change the caller runs this, then `runAutomaticTransitions`.
 */
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { countBySeverity, type SeverityCounts } from '../../definitions/rules/finding.js';
import { runRules, type RuleRunResult } from '../../definitions/rules/run-rules.js';
import type { Trx } from '../../platform/db/database.js';
import { loadCase, runtimeOf, type CaseEngineDeps, type CaseRow } from './case-engine.js';
import { caseDataHash, findLatestEvaluation, loadTenantFacts, type CaseEvaluation, type StoredFinding } from './case-facts.js';

export interface EvaluateRulesCommand {
  tenantId: string;
  caseId: string;
  now: Date;
}

export interface EvaluationResult {
  evaluation: number;
  counts: SeverityCounts;
  findings: StoredFinding[];
  /** Rule ids that ran, were switched off, or failed (a failure also yields a blocking finding). */
  ran: string[];
  skipped: string[];
  failures: RuleRunResult['failures'];
}

/** Evaluates the rules of a case and stores the findings as its current evaluation. */
export async function evaluateRules(deps: CaseEngineDeps, cmd: EvaluateRulesCommand): Promise<EvaluationResult> {
  return deps.db.withTenant(cmd.tenantId, async (trx) => {
    const row = await loadCase(trx, cmd.tenantId, cmd.caseId, { forUpdate: true });
    const runtime = runtimeOf(deps, row);
    const tenant = await loadTenantFacts(trx, deps, cmd.tenantId, row.service_id);
    const run = await runRules(runtime.ruleSet ?? { rules: [] }, {
      data: row.data,
      now: cmd.now,
      calendar: tenant.calendar,
      settings: tenant.settings,
      isEnabled: (ruleId, enabledByDefault) => tenant.switches.isEnabled('rule', ruleId, enabledByDefault),
      env: {
        tenantId: cmd.tenantId,
        caseId: row.id,
        serviceId: row.service_id,
        async lookup<T>(name: string, args: Readonly<Record<string, unknown>>): Promise<T> {
          const lookup = deps.lookups?.[name];
          if (!lookup) throw new Error(`No rule lookup "${name}" is wired`);
          return (await lookup(args, { trx, tenantId: cmd.tenantId })) as T;
        },
      },
    });

    const { evaluation, counts } = await storeEvaluation(trx, cmd.tenantId, row, {
      findings: run.findings,
      rules: run.ran,
      now: cmd.now,
      event: { skipped: run.skipped, failed: run.failures.map((f) => f.ruleId) },
    });
    return { evaluation, counts, findings: run.findings, ran: run.ran, skipped: run.skipped, failures: run.failures };
  });
}

/**
 * Stores findings as the case's next evaluation (earlier ones stay as history) with a
 * `rules.evaluated` event, in the caller's transaction with the case locked. Also used by
 * procedures that add a finding after the decision without running their rules again.
 */
export async function storeEvaluation(
  trx: Trx,
  tenantId: string,
  row: Pick<CaseRow, 'id' | 'data'>,
  what: { findings: readonly StoredFinding[]; rules: readonly string[]; now: Date; event: Record<string, unknown> },
): Promise<{ evaluation: number; counts: SeverityCounts }> {
  const last = await trx
    .selectFrom('case_rule_evaluations')
    .select((eb) => eb.fn.max('evaluation').as('last'))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', row.id)
    .executeTakeFirst();
  const evaluation = Number(last?.last ?? 0) + 1;
  const counts = countBySeverity(what.findings);
  await trx
    .insertInto('case_rule_evaluations')
    .values({ tenant_id: tenantId, case_id: row.id, evaluation, evaluated_at: what.now, data_hash: caseDataHash(row.data), rules: [...what.rules], counts: JSON.stringify(counts) })
    .execute();
  if (what.findings.length > 0) {
    await trx
      .insertInto('case_findings')
      .values(
        what.findings.map((f, position) => ({
          tenant_id: tenantId,
          case_id: row.id,
          evaluation,
          position,
          rule_id: f.ruleId,
          code: f.code,
          severity: f.severity,
          message: JSON.stringify(f.message),
          field_path: f.fieldPath ?? null,
          legal_source: f.legalSource ?? null,
          created_at: what.now,
        })),
      )
      .execute();
  }
  await appendCaseEvent(trx, tenantId, {
    caseId: row.id,
    at: what.now,
    actorKind: 'system',
    type: 'rules.evaluated',
    data: { evaluation, counts, rules: what.rules.length, ...what.event },
  });
  return { evaluation, counts };
}

/** The latest evaluation of a case with its findings (for the case page), or undefined if the rules never ran. */
export async function findCaseFindings(deps: Pick<CaseEngineDeps, 'db'>, tenantId: string, caseId: string): Promise<CaseEvaluation | undefined> {
  return deps.db.withTenant(tenantId, async (trx) => findLatestEvaluation(trx, tenantId, await loadCase(trx, tenantId, caseId, { forUpdate: false })));
}
