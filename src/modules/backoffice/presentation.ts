/**
 * Small view helpers shared by the back office pages: file sizes, severity badges, and the
 * table rows of case lists (inbox and "my tasks").
 */
import { formatDate, formatDateTime, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import type { Severity, SeverityCounts } from '../../definitions/rules/finding.js';
import type { CaseLabels } from './case-labels.js';
import { caseUrl } from './backoffice-paths.js';
import type { InboxRow } from './inbox-queries.js';

export type BadgeTone = 'danger' | 'warning' | 'info' | 'success';

export interface SeverityView {
  severity: Severity;
  severityLabel: string;
  tone: BadgeTone;
}

const TONES: Record<Severity, BadgeTone> = { blocking: 'danger', warning: 'warning', info: 'info' };

/** A finding severity as a labelled badge. */
export function severityView(severity: Severity, t: Translate): SeverityView {
  return { severity, severityLabel: t(`backoffice.severity.${severity}`), tone: TONES[severity] };
}

/** Bytes as "12,3 KB" / "12.3 KB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

export interface CaseListRow {
  id: string;
  url: string;
  reference: string;
  service: string;
  /** Applicant and company, as lines. */
  who: string[];
  summary?: string;
  state: string;
  submitted: string;
  due?: string;
  overdue: boolean;
  assignee?: string;
  assignedToMe: boolean;
  findings: { label: string; tone: BadgeTone }[];
  /** An answer to an information request arrived and is not acknowledged yet. */
  answered: boolean;
}

/** Badges for the non-zero finding counts of a case, most severe first. */
export function findingBadges(counts: SeverityCounts | null, t: Translate): CaseListRow['findings'] {
  if (!counts) return [];
  return (['blocking', 'warning', 'info'] as const)
    .filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => ({ label: t(`backoffice.severityCount.${s}`, { count: counts[s] }), tone: TONES[s] }));
}

/** The rows of a case list for the template. */
export function caseListRows(rows: readonly InboxRow[], ctx: { tenantSlug: string; staffId: string; now: Date; labels: CaseLabels; staffNames: Map<string, string>; t: Translate }): CaseListRow[] {
  const locale = ctx.labels.locale;
  return rows.map((r) => ({
    id: r.id,
    url: caseUrl(ctx.tenantSlug, r.id),
    reference: r.reference,
    service: ctx.labels.serviceName(r.serviceId),
    who: [r.applicantName, r.companyName].filter((s): s is string => Boolean(s)),
    ...(r.summary ? { summary: r.summary } : {}),
    state: ctx.labels.stateName(r.serviceId, r.serviceVersion, r.state),
    submitted: formatDateTime(r.submittedAt, locale),
    ...(r.dueAt ? { due: formatDate(r.dueAt, locale) } : {}),
    overdue: r.closedAt === null && r.dueAt !== null && r.dueAt < ctx.now,
    ...(r.assigneeId ? { assignee: ctx.staffNames.get(r.assigneeId) ?? ctx.t('backoffice.actor.formerStaff') } : {}),
    assignedToMe: r.assigneeId === ctx.staffId,
    findings: findingBadges(r.counts, ctx.t),
    answered: r.answeredAt !== null,
  }));
}
