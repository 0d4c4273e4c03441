/**
 * Findings that arise after the decision — signs set up too late, an order's end overrun — are
 * added to the case's current findings, so the caseworker meets them where findings show: the
 * case page, the traffic panel's classification and the inbox's findings filter.
 *
 * They are not found by running the rules again: the rule set judges an application on the day it
 * is checked (lead times, competence), and run after the decision it would report the order's own
 * start as too late. So the newest evaluation is carried forward as a new one with the finding
 * added (earlier evaluations stay as history), in the caller's transaction with the case locked.
 */
import type { Trx } from '../../../platform/db/database.js';
import { findLatestEvaluation, type StoredFinding } from '../../../modules/cases/case-facts.js';
import { storeEvaluation } from '../../../modules/cases/evaluate-rules.js';

/** Adds a finding to the case's current findings as a new evaluation; the same finding (code and text) already there is not added twice. */
export async function addFinding(trx: Trx, tenantId: string, caseRow: { id: string; data: Record<string, unknown> }, finding: StoredFinding, now: Date): Promise<void> {
  const latest = await findLatestEvaluation(trx, tenantId, caseRow);
  const previous = latest?.findings ?? [];
  if (previous.some((f) => f.code === finding.code && f.message.de === finding.message.de)) return;
  const ran = latest
    ? ((await trx.selectFrom('case_rule_evaluations').select('rules').where('tenant_id', '=', tenantId).where('case_id', '=', caseRow.id).where('evaluation', '=', latest.evaluation).executeTakeFirst())?.rules ?? [])
    : [];
  await storeEvaluation(trx, tenantId, caseRow, { findings: [...previous, finding], rules: [...new Set([...ran, finding.ruleId])], now, event: { skipped: [], failed: [], added: finding.code } });
}
