/**
 * What B3 times and EXPLAINs: the back office's own reads, built by its own code
 * (`parseInboxQuery` from URL parameters as the inbox route reads them, `findInboxPage`,
 * `countOpenByState`, `inboxPageQuery`, `openByStateQuery`) and run as the app runs them — on
 * the app's pool as the role `rathaus_app`, inside `db.withTenant`, so row-level security and
 * its leakproof rule shape the plans exactly as in production.
 */
import { CompiledQuery, sql, type Compilable } from 'kysely';
import type { Database, Trx } from '../../src/platform/db/database.js';
import { encodeCursor } from '../../src/modules/backoffice/inbox-cursor.js';
import { parseInboxQuery, type InboxRequest } from '../../src/modules/backoffice/inbox-filters.js';
import { countOpenByState, findInboxPage, inboxPageQuery, openByStateQuery, type InboxViewer } from '../../src/modules/backoffice/inbox-queries.js';

/** The back office's page size (BackOfficeOptions.pageSize default). */
export const PAGE_SIZE = 50;

/** One timed read: `run` is one request's database work; `plans` are the statements it sends (for EXPLAIN). */
export interface BackOfficeRead {
  key: string;
  label: string;
  run(trx: Trx, i: number): Promise<unknown>;
  plans: { name: string; build(trx: Trx): Compilable }[];
}

/** Values sampled from the seeded town, so each iteration asks for another case, name or depth. */
export interface ReadSamples {
  viewer: InboxViewer;
  /** Cursors (sort key as PostgreSQL prints it, id) deep in "all cases, newest first". */
  deepCursors: { key: string; id: string }[];
  references: string[];
  names: string[];
  caseIds: string[];
}

/** Parses URL parameters exactly as `GET /{tenant}/staff/vorgaenge` does; a parameter it drops is a bench bug. */
export function inboxRequest(params: Record<string, string>): InboxRequest {
  const { request, errors } = parseInboxQuery(params);
  if (errors.length > 0) throw new Error(`inbox parameters refused: ${JSON.stringify(errors)}`);
  return request;
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** The reads B3 measures, in report order. */
export function backOfficeReads(s: ReadSamples): BackOfficeRead[] {
  const v = s.viewer;
  const firstPage = inboxRequest({});
  const myTasks = inboxRequest({ zustaendig: 'ich', sortierung: 'frist' });
  const deep = (i: number) => inboxRequest({ stand: 'alle', nach: encodeCursor({ sort: 'eingang-neu', ...pick(s.deepCursors, i) }) });
  const byReference = (i: number) => inboxRequest({ stand: 'alle', suche: pick(s.references, i) });
  const byName = (i: number) => inboxRequest({ stand: 'alle', suche: pick(s.names, i) });
  return [
    {
      key: 'inbox-first',
      label: 'Inbox, first page (open, newest first) with the counts per state',
      run: async (trx) => [await findInboxPage(trx, firstPage, v, PAGE_SIZE), await countOpenByState(trx, firstPage, v)],
      plans: [
        { name: 'page', build: (trx) => inboxPageQuery(trx, firstPage, v, PAGE_SIZE) },
        { name: 'counts per state', build: (trx) => openByStateQuery(trx, firstPage, v) },
      ],
    },
    {
      key: 'inbox-filtered',
      label: 'Filtered page: assigned to me, by deadline ("Meine Aufgaben")',
      run: (trx) => findInboxPage(trx, myTasks, v, PAGE_SIZE),
      plans: [{ name: 'page', build: (trx) => inboxPageQuery(trx, myTasks, v, PAGE_SIZE) }],
    },
    {
      key: 'inbox-deep',
      label: 'Deep page by keyset (all cases, newest first, 50–95 % down)',
      run: (trx, i) => findInboxPage(trx, deep(i), v, PAGE_SIZE),
      plans: [{ name: 'page', build: (trx) => inboxPageQuery(trx, deep(0), v, PAGE_SIZE) }],
    },
    {
      key: 'search-reference',
      label: 'Search by reference number (all cases)',
      run: (trx, i) => findInboxPage(trx, byReference(i), v, PAGE_SIZE),
      plans: [{ name: 'page', build: (trx) => inboxPageQuery(trx, byReference(0), v, PAGE_SIZE) }],
    },
    {
      key: 'search-name',
      label: "Search by applicant's given and family name (all cases)",
      run: (trx, i) => findInboxPage(trx, byName(i), v, PAGE_SIZE),
      plans: [{ name: 'page', build: (trx) => inboxPageQuery(trx, byName(0), v, PAGE_SIZE) }],
    },
  ];
}

/** The baseline in the same transaction shape: one case by primary key. */
export function primaryKeyRead(s: ReadSamples): BackOfficeRead {
  const build = (trx: Trx, i: number) =>
    trx.selectFrom('cases').selectAll().where('tenant_id', '=', s.viewer.tenantId).where('id', '=', pick(s.caseIds, i));
  return {
    key: 'primary-key',
    label: 'Baseline: one case by primary key, same transaction shape',
    run: (trx, i) => build(trx, i).executeTakeFirstOrThrow(),
    plans: [{ name: 'lookup', build: (trx) => build(trx, 0) }],
  };
}

/** Times `iterations` runs of a read, each in its own `withTenant` transaction as a request does; milliseconds. */
export async function timeRead(db: Database, tenantId: string, read: BackOfficeRead, iterations: number, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await db.withTenant(tenantId, (trx) => read.run(trx, offset + i));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

/** Times a bare `SELECT 1` on the app's pool: the round trip every figure contains. */
export async function timeRoundTrip(db: Database, iterations: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await db.sql.query('SELECT 1');
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement as the app sends it, as the app role in the tenant's transaction. */
export async function explainAnalyze(db: Database, tenantId: string, build: (trx: Trx) => Compilable): Promise<string> {
  return db.withTenant(tenantId, async (trx) => {
    const compiled = build(trx).compile();
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, [...compiled.parameters]));
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** Whether a plan reads the case tables through indexes only: no sequential scan of any of them, and an index used. */
export function usesIndexes(plan: string): { ok: boolean; detail: string } {
  const seq = plan.match(/Seq Scan on (cases|case_search_terms|case_rule_evaluations)\b/);
  if (seq) return { ok: false, detail: `sequential scan: ${seq[0]}` };
  const indexes = [...new Set([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1]!))];
  return indexes.length > 0 ? { ok: true, detail: `indexes: ${indexes.join(', ')}` } : { ok: false, detail: 'no index in the plan' };
}

/** Draws the samples from the seeded town, before and outside the timing. */
export async function drawSamples(db: Database, tenantId: string, viewer: InboxViewer, count: number): Promise<ReadSamples> {
  return db.withTenant(tenantId, async (trx) => {
    const total = Number((await trx.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const random = await sql<{ id: string; reference: string; applicant_name: string }>`
      select id, reference, applicant_name from cases tablesample bernoulli (${Math.min(100, (100 * count * 4) / Math.max(1, total))})
      order by random() limit ${count}`.execute(trx);
    const deepCursors: { key: string; id: string }[] = [];
    for (let k = 0; k < Math.min(count, 20); k++) {
      // OFFSET only to find where the deep pages start; the timed reads page by keyset from there.
      const depth = Math.floor(total * (0.5 + (0.45 * k) / 19));
      const row = await sql<{ key: string; id: string }>`
        select submitted_at::text as key, id from cases order by submitted_at desc, id desc offset ${depth} limit 1`.execute(trx);
      if (row.rows[0]) deepCursors.push(row.rows[0]);
    }
    const rows = random.rows;
    return {
      viewer,
      deepCursors,
      references: rows.map((r) => r.reference),
      names: rows.map((r) => r.applicant_name),
      caseIds: rows.map((r) => r.id),
    };
  });
}
