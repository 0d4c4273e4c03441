/**
 * A finding: what a rule found about a case, with a reason in both languages and, where it
 * applies, the field and the legal source. Findings are stored with the case, shown to the
 * caseworker and feed the workflow's guards (a blocking finding keeps a case from finishing
 * automatically).
 */
import type { Localized } from '../../platform/db/schema.js';

export const SEVERITIES = ['info', 'warning', 'blocking'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** Stable code, e.g. `gewerbe.permit-required`; guards and statistics refer to it. */
  code: string;
  severity: Severity;
  message: Localized;
  /** The data path the finding is about, e.g. `activity.description`. */
  fieldPath?: string;
  /** The norm behind the rule, e.g. `§ 34c GewO`. */
  legalSource?: string;
}

/** Counts per severity, as stored with an evaluation and its event. */
export type SeverityCounts = Record<Severity, number>;

/** Counts the findings per severity. */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { info: 0, warning: 0, blocking: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * The traffic-light class of a case from its findings (verkehr.md § 7.1): GREEN without warnings
 * or blocking findings, YELLOW with warnings only, RED with a blocking finding.
 */
export function classifyFindings(findings: readonly Pick<Finding, 'severity'>[]): 'GREEN' | 'YELLOW' | 'RED' {
  const counts = countBySeverity(findings);
  if (counts.blocking > 0) return 'RED';
  return counts.warning > 0 ? 'YELLOW' : 'GREEN';
}
