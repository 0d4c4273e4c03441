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
import { loadCase, runtimeOf, type CaseEngineDeps } from './case-engine.js';
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

    const last = await trx
      .selectFrom('case_rule_evaluations')
      .select((eb) => eb.fn.max('evaluation').as('last'))
      .where('tenant_id', '=', cmd.tenantId)
      .where('case_id', '=', row.id)
      .executeTakeFirst();
    const evaluation = Number(last?.last ?? 0) + 1;
    const counts = countBySeverity(run.findings);
    await trx
      .insertInto('case_rule_evaluations')
      .values({ tenant_id: cmd.tenantId, case_id: row.id, evaluation, evaluated_at: cmd.now, data_hash: caseDataHash(row.data), rules: run.ran, counts: JSON.stringify(counts) })
      .execute();
    if (run.findings.length > 0) {
      await trx
        .insertInto('case_findings')
        .values(
          run.findings.map((f, position) => ({
            tenant_id: cmd.tenantId,
            case_id: row.id,
            evaluation,
            position,
            rule_id: f.ruleId,
            code: f.code,
            severity: f.severity,
            message: JSON.stringify(f.message),
            field_path: f.fieldPath ?? null,
            legal_source: f.legalSource ?? null,
            created_at: cmd.now,
          })),
        )
        .execute();
    }
    await appendCaseEvent(trx, cmd.tenantId, {
      caseId: row.id,
      at: cmd.now,
      actorKind: 'system',
      type: 'rules.evaluated',
      data: { evaluation, counts, rules: run.ran.length, skipped: run.skipped, failed: run.failures.map((f) => f.ruleId) },
    });
    return { evaluation, counts, findings: run.findings, ran: run.ran, skipped: run.skipped, failures: run.failures };
  });
}

/** The latest evaluation of a case with its findings (for the case page), or undefined if the rules never ran. */
export async function findCaseFindings(deps: Pick<CaseEngineDeps, 'db'>, tenantId: string, caseId: string): Promise<CaseEvaluation | undefined> {
  return deps.db.withTenant(tenantId, async (trx) => findLatestEvaluation(trx, tenantId, await loadCase(trx, tenantId, caseId, { forUpdate: false })));
}
