/**
 * The case list of a period as CSV (`/{tenant}/staff/auswertung.csv`), streamed in keyset
 * batches so a large municipality's year does not sit in memory. Every cell goes through the
 * platform CSV writer, which neutralises spreadsheet formulas (a name typed as `=HYPERLINK(…)`
 * arrives as text) and quotes per RFC 4180.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Database, Trx } from '../../platform/db/database.js';
import { csvRecord, UTF8_BOM, type CsvValue } from '../../platform/csv/csv.js';
import type { Locale, Translate } from '../../platform/i18n/i18n.js';
import type { CaseLabels } from './case-labels.js';
import { casesWithCounts } from './inbox-queries.js';

const BATCH = 1000;

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** A point in time as `YYYY-MM-DD HH:MM` in Europe/Berlin: unambiguous and sortable in any spreadsheet. */
export function exportDateTime(value: Date | null): string {
  return value ? dateTimeFormat.format(value) : '';
}

export interface ExportScope {
  tenantId: string;
  from: Date;
  to: Date;
  locale: Locale;
  t: Translate;
  labels: CaseLabels;
  staffNames: Map<string, string>;
}

const COLUMNS = [
  'reference',
  'service',
  'serviceVersion',
  'state',
  'submitted',
  'due',
  'closed',
  'processingDays',
  'assignee',
  'applicant',
  'company',
  'summary',
  'blocking',
  'warnings',
] as const;

/** The CSV header in the request's language. */
export function exportHeader(t: Translate): string[] {
  return COLUMNS.map((c) => t(`backoffice.csv.${c}`));
}

/** The SQL of one export batch after a keyset position (exported for the plan test). */
export function exportBatchQuery(trx: Trx, scope: Pick<ExportScope, 'tenantId' | 'from' | 'to'>, after: { at: string; id: string } | undefined) {
  let q = casesWithCounts(trx)
    .select(['c.id', 'c.reference', 'c.service_id', 'c.service_version', 'c.state', 'c.submitted_at', 'c.due_at', 'c.closed_at', 'c.assignee_id', 'c.applicant_name', 'c.company_name', 'c.summary', 'ev.counts'])
    .select(sql<string>`c.submitted_at::text`.as('key'))
    .where('c.tenant_id', '=', scope.tenantId)
    .where('c.submitted_at', '>=', scope.from)
    .where('c.submitted_at', '<=', scope.to);
  if (after) q = q.where(sql<boolean>`(c.submitted_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('c.submitted_at').orderBy('c.id').limit(BATCH);
}

function days(from: Date, to: Date | null, locale: Locale): string {
  if (!to) return '';
  const value = (to.getTime() - from.getTime()) / 86_400_000;
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1, useGrouping: false }).format(value);
}

/** The CSV document as a stream of text (BOM, header, one record per case, oldest first). */
export function exportCases(db: Database, scope: ExportScope): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield UTF8_BOM + csvRecord(exportHeader(scope.t));
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const rows = await db.withTenant(scope.tenantId, (trx) => exportBatchQuery(trx, scope, after).execute());
      for (const r of rows) {
        const values: CsvValue[] = [
          r.reference,
          scope.labels.serviceName(r.service_id),
          r.service_version,
          scope.labels.stateName(r.service_id, r.service_version, r.state),
          exportDateTime(r.submitted_at),
          exportDateTime(r.due_at),
          exportDateTime(r.closed_at),
          days(r.submitted_at, r.closed_at, scope.locale),
          r.assignee_id ? (scope.staffNames.get(r.assignee_id) ?? '') : '',
          r.applicant_name,
          r.company_name,
          r.summary,
          r.counts?.blocking ?? '',
          r.counts?.warning ?? '',
        ];
        yield csvRecord(values);
      }
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1]!;
      after = { at: last.key, id: last.id };
    }
  }
  return Readable.from(lines());
}
