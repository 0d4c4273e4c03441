/**
 * The inbox's reads. Every listing is a keyset page over (sort key, id) — never OFFSET, which
 * reads and throws away every earlier row and drifts when cases arrive while someone pages.
 * Each filter is written so one of the indexes of migrations 0007/0008 can serve it (see
 * inbox-plans.test.ts). Row-level security lets a condition become an index condition only
 * when it is leakproof, so conditions compare plain columns with =, <, >=: `closed_at IS NULL`
 * matches the partial "open" indexes, the deadline order uses the generated `due_key`, the
 * reference search is a byte-wise range on the generated `reference_key`, and names are found
 * by word-prefix ranges in `case_search_terms`.
 */
import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Trx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { SeverityCounts } from '../../definitions/rules/finding.js';
import type { InboxCursor } from './inbox-cursor.js';
import type { InboxFilters, InboxRequest, InboxSort } from './inbox-filters.js';
import { prefixRange, referencePrefix, searchWords } from './search-terms.js';

export interface InboxRow {
  id: string;
  reference: string;
  serviceId: string;
  serviceVersion: number;
  state: string;
  applicantName: string | null;
  companyName: string | null;
  summary: string | null;
  assigneeId: string | null;
  submittedAt: Date;
  dueAt: Date | null;
  closedAt: Date | null;
  /** Findings per severity of the latest rule evaluation; null when the rules never ran. */
  counts: SeverityCounts | null;
  /** When the applicant's answer to an information request arrived, until a caseworker acknowledged it. */
  answeredAt: Date | null;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Cursor of the next page (after the last row), if there is one. */
  next?: InboxCursor;
  /** Cursor of the previous page (before the first row), if there is one. */
  previous?: InboxCursor;
}

/** Who is asking and when ("mir zugewiesen", "überfällig"). */
export interface InboxViewer {
  tenantId: string;
  staffId: string;
  now: Date;
}

type CaseQuery = SelectQueryBuilder<DB & { c: DB['cases'] } & { ev: { counts: SeverityCounts } }, 'c' | 'ev', object>;

interface SortSpec {
  key: RawBuilder<Date>;
  direction: 'asc' | 'desc';
}

const DUE_KEY = sql<Date>`c.due_key`;
const SUBMITTED_KEY = sql<Date>`c.submitted_at`;

function sortSpec(sort: InboxSort): SortSpec {
  if (sort === 'frist') return { key: DUE_KEY, direction: 'asc' };
  return { key: SUBMITTED_KEY, direction: sort === 'eingang-alt' ? 'asc' : 'desc' };
}

/** Cases of the tenant having a stored word that starts with `word` (a range on the terms' primary key). */
function withWord(tenantId: string, word: string) {
  const { from, to } = prefixRange(word);
  return sql<string>`select t.case_id from case_search_terms t where t.tenant_id = ${tenantId} and t.term >= ${from} and t.term < ${to}`;
}

/** The case has a stored word that starts with `word` (probed through the terms' (tenant, case) index). */
function hasWord(word: string) {
  const { from, to } = prefixRange(word);
  return sql<boolean>`exists (select 1 from case_search_terms t where t.tenant_id = c.tenant_id and t.case_id = c.id and t.term >= ${from} and t.term < ${to})`;
}

/**
 * Cases having a stored word starting with each of `words`: the first word's range, every further
 * word an EXISTS on that term row's case. The words meet inside the terms table, so only cases
 * matching all of them are read — an EXISTS per word on the case itself has to fetch every case
 * of one word before it can test the next (a semi join needs the rows its condition names).
 */
function withAllWords(tenantId: string, words: readonly string[]) {
  const [first, ...rest] = words.map(prefixRange);
  const probes = rest.map(({ from, to }, i) => {
    const alias = sql.raw(`t${i + 1}`);
    return sql`and exists (select 1 from case_search_terms ${alias} where ${alias}.tenant_id = t0.tenant_id and ${alias}.case_id = t0.case_id and ${alias}.term >= ${from} and ${alias}.term < ${to})`;
  });
  return sql<string>`select t0.case_id from case_search_terms t0 where t0.tenant_id = ${tenantId} and t0.term >= ${first!.from} and t0.term < ${first!.to} ${sql.join(probes, sql` `)}`;
}

/** Cases whose reference number starts with `prefix` (upper-cased). */
function withReference(tenantId: string, prefix: string) {
  const { from, to } = prefixRange(prefix);
  return sql<string>`select r.id from cases r where r.tenant_id = ${tenantId} and r.reference_key >= ${from} and r.reference_key < ${to}`;
}

/** Applies every filter except the state (shared by the list and the counts per state). */
function applyCommonFilters(query: CaseQuery, f: InboxFilters, viewer: InboxViewer): CaseQuery {
  let q = query.where('c.tenant_id', '=', viewer.tenantId);
  if (f.service) q = q.where('c.service_id', '=', f.service);
  if (f.assignee.kind === 'me') q = q.where('c.assignee_id', '=', viewer.staffId);
  else if (f.assignee.kind === 'none') q = q.where('c.assignee_id', 'is', null);
  else if (f.assignee.kind === 'user') q = q.where('c.assignee_id', '=', f.assignee.userId);
  if (f.due === 'ueberfaellig') q = q.where('c.closed_at', 'is', null).where(sql<boolean>`${DUE_KEY} < ${viewer.now}`);
  if (f.due === 'bald') {
    const inAWeek = new Date(viewer.now.getTime() + 7 * 24 * 3600 * 1000);
    q = q.where('c.closed_at', 'is', null).where(sql<boolean>`${DUE_KEY} >= ${viewer.now}`).where(sql<boolean>`${DUE_KEY} < ${inAWeek}`);
  }
  const blocking = sql<number>`coalesce((ev.counts->>'blocking')::int, 0)`;
  const warning = sql<number>`coalesce((ev.counts->>'warning')::int, 0)`;
  const info = sql<number>`coalesce((ev.counts->>'info')::int, 0)`;
  if (f.severity === 'blockierend') q = q.where(sql<boolean>`${blocking} > 0`);
  if (f.severity === 'warnung') q = q.where(sql<boolean>`${blocking} = 0 and ${warning} > 0`);
  if (f.severity === 'info') q = q.where(sql<boolean>`${blocking} = 0 and ${warning} = 0 and ${info} > 0`);
  if (f.severity === 'keine') q = q.where(sql<boolean>`${blocking} = 0 and ${warning} = 0 and ${info} = 0`);
  if (f.q) {
    // Every word must start a word of the case. One token that may be a reference number (its
    // words, or the reference's beginning) is one set of ids — an OR would defeat the indexes.
    // One word is an EXISTS per case, so a common name walks the page's own index and stops
    // after a page of matches. Several words meet in the terms table first (withAllWords) and
    // the few cases having all of them are fetched by primary key (`= any(array(…))`, an index
    // condition): an EXISTS per word fetched every case of one word before testing the next, and
    // an IN let the planner walk the whole tenant's cases against the matches (B3 at a million
    // cases: "Anna Müller" took 130 ms at the median, up to seconds; now about 1,000 buffers).
    const words = searchWords(f.q);
    const ref = referencePrefix(f.q);
    if (ref) {
      const byWords = words.length > 0 ? [sql.join(words.map((word) => sql`(${withWord(viewer.tenantId, word)})`), sql` intersect `)] : [];
      q = q.where(sql<boolean>`c.id in (${sql.join([...byWords, sql`(${withReference(viewer.tenantId, ref)})`], sql` union `)})`);
    } else if (words.length === 1) {
      q = q.where(hasWord(words[0]!));
    } else if (words.length > 1) {
      q = q.where(sql<boolean>`c.id = any(array(${withAllWords(viewer.tenantId, words)}))`);
    } else {
      q = q.where(sql<boolean>`false`);
    }
  }
  return q;
}

function applyStateFilter(query: CaseQuery, f: InboxFilters): CaseQuery {
  if (f.state.kind === 'open') return query.where('c.closed_at', 'is', null);
  if (f.state.kind === 'closed') return query.where('c.closed_at', 'is not', null);
  if (f.state.kind === 'state') return query.where('c.state', '=', f.state.state);
  return query;
}

/** The latest evaluation's counts of the case in `c` (`ev`, a lateral lookup by primary key). */
function latestCounts(eb: ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>) {
  return eb
    .selectFrom('case_rule_evaluations as e')
    .select('e.counts')
    .whereRef('e.tenant_id', '=', 'c.tenant_id')
    .whereRef('e.case_id', '=', 'c.id')
    .orderBy('e.evaluation', 'desc')
    .limit(1)
    .as('ev');
}

/** The cases table (`c`) joined with each case's latest evaluation counts (`ev`, a lateral lookup by primary key). */
export function casesWithCounts(trx: Trx): CaseQuery {
  return trx.selectFrom('cases as c').leftJoinLateral(latestCounts, (join) => join.onTrue()) as unknown as CaseQuery;
}

const PAGE_COLUMNS = [
  'c.tenant_id',
  'c.id',
  'c.reference',
  'c.service_id',
  'c.service_version',
  'c.state',
  'c.applicant_name',
  'c.company_name',
  'c.summary',
  'c.assignee_id',
  'c.submitted_at',
  'c.due_at',
  'c.due_key',
  'c.closed_at',
  'c.information_answered_at',
] as const;

/** The SQL of one inbox page (exported so the plan test can EXPLAIN exactly what runs). */
export function inboxPageQuery(trx: Trx, request: InboxRequest, viewer: InboxViewer, pageSize: number) {
  const { key, direction } = sortSpec(request.sort);
  const forward = request.page?.direction !== 'before';
  const order = forward ? direction : direction === 'asc' ? 'desc' : 'asc';
  // The findings filter needs every candidate's counts. Without it the page is cut first and only
  // its rows look up their counts: a search that is sorted after the fact may match thousands of
  // cases, and each lookup before the sort cost as much as fetching the case (B3).
  const withFindings = request.severity !== 'alle';
  const from = withFindings ? casesWithCounts(trx) : (trx.selectFrom('cases as c') as unknown as CaseQuery);
  let q = applyStateFilter(applyCommonFilters(from, request, viewer), request);
  if (request.page) {
    const { cursor } = request.page;
    const op = sql.raw(order === 'desc' ? '<' : '>');
    q = q.where(sql<boolean>`(${key}, c.id) ${op} (${cursor.key}::timestamptz, ${cursor.id}::uuid)`);
  }
  const page = q
    .select(PAGE_COLUMNS)
    .select(sql<string>`${key}::text`.as('sort_key'))
    .orderBy(key, order)
    .orderBy('c.id', order)
    .limit(pageSize + 1);
  if (withFindings) return page.select('ev.counts');
  // The outer order is the inner one (same columns), so PostgreSQL keeps the rows as they come.
  return trx
    .selectFrom(page.as('c'))
    .leftJoinLateral((eb) => latestCounts(eb as unknown as ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>), (join) => join.onTrue())
    .selectAll('c')
    .select('ev.counts')
    .orderBy(key, order)
    .orderBy('c.id', order);
}

/** One page of the inbox for the filters, in the request's sort order. */
export async function findInboxPage(trx: Trx, request: InboxRequest, viewer: InboxViewer, pageSize: number): Promise<InboxPage> {
  const forward = request.page?.direction !== 'before';
  const rows = await inboxPageQuery(trx, request, viewer, pageSize).execute();
  const more = rows.length > pageSize;
  const shown = rows.slice(0, pageSize);
  if (!forward) shown.reverse();
  const cursorOf = (r: (typeof rows)[number]): InboxCursor => ({ sort: request.sort, key: r.sort_key, id: r.id });
  const first = shown[0];
  const last = shown[shown.length - 1];
  // Going forward there is a next page when a row was left over, and a previous one when we came
  // from a cursor; going back, the other way round.
  const hasNext = forward ? more : true;
  const hasPrevious = forward ? request.page !== undefined : more;
  return {
    rows: shown.map((r) => ({
      id: r.id,
      reference: r.reference,
      serviceId: r.service_id,
      serviceVersion: r.service_version,
      state: r.state,
      applicantName: r.applicant_name,
      companyName: r.company_name,
      summary: r.summary,
      assigneeId: r.assignee_id,
      submittedAt: r.submitted_at,
      dueAt: r.due_at,
      closedAt: r.closed_at,
      counts: r.counts ?? null,
      answeredAt: r.information_answered_at,
    })),
    ...(hasNext && last ? { next: cursorOf(last) } : {}),
    ...(hasPrevious && first ? { previous: cursorOf(first) } : {}),
  };
}

/** The SQL of the counts per state (exported for the plan test). */
export function openByStateQuery(trx: Trx, filters: InboxFilters, viewer: InboxViewer) {
  // The lateral lookup of findings only when the severity filter needs it: without it the count is index-only.
  const base = filters.severity !== 'alle' ? casesWithCounts(trx) : (trx.selectFrom('cases as c') as unknown as CaseQuery);
  return applyCommonFilters(base, filters, viewer)
    .where('c.closed_at', 'is', null)
    .select(['c.state', sql<number>`count(*)::int`.as('n')])
    .groupBy('c.state');
}

/** Open cases per state under the filters other than the state (the inbox's state tabs). */
export async function countOpenByState(trx: Trx, filters: InboxFilters, viewer: InboxViewer): Promise<Map<string, number>> {
  const rows = await openByStateQuery(trx, filters, viewer).execute();
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}
