/**
 * The back office's queries can be served by migration 0007's indexes. On a test database the
 * tables are tiny and a sequential scan is always cheapest, so each query is EXPLAINed with
 * `enable_seqscan = off` (and sorting discouraged): the planner must then find an index that
 * answers the query, in the order the page needs, without reading the table front to back.
 * The benchmark checks the real plans at a million cases.
 */
import { CompiledQuery, type Compilable, type RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../test/support/factories.js';
import { insertCase } from '../../../test/support/factories-backoffice.js';
import { ensureTestServiceVersion, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { Trx } from '../../platform/db/database.js';
import { exportBatchQuery } from './case-export.js';
import { dashboardQueries } from './dashboard-queries.js';
import { DEFAULT_FILTERS, type InboxRequest } from './inbox-filters.js';
import { inboxPageQuery, openByStateQuery, type InboxViewer } from './inbox-queries.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const CURSOR = { key: '2026-11-20 08:00:00.123456+00', id: '0b6f3a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b' };

describe('back office query plans use the inbox indexes', () => {
  let testDb: TestDatabase;
  let viewer: InboxViewer;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const tenantId = await tenantIdOf(testDb.db, 'wurzen');
    const staff = await createStaff(testDb.db, { tenantSlug: 'wurzen' });
    viewer = { tenantId, staffId: staff.id, now: NOW };
    await insertCase(testDb.db, tenantId, { applicantName: 'Anna Müller' });
    await ensureTestServiceVersion(testDb.db, 'plan-service');
    // Enough rows that selective indexes win over reading one index whole: 5,000 cases, one
    // every six hours over three and a half years, a tenth closed, a tenth of another service,
    // half with a deadline around today.
    await testDb.db.withTenant(tenantId, (trx) =>
      sql`insert into cases (tenant_id, reference, service_id, service_version, state, data, applicant_name, status_token_hash, submitted_at, due_at, closed_at)
          select ${tenantId}, 'WUR-GEN-2026-' || lpad(i::text, 6, '0'), case when i % 10 = 1 then 'plan-service' else 'test-service' end, 1,
                 case when i % 10 = 0 then 'closed' when i % 3 = 0 then 'in-review' else 'submitted' end,
                 '{}', 'Person ' || i, decode(md5(i::text), 'hex'),
                 ${NOW}::timestamptz - make_interval(hours => 6 * i),
                 case when i % 2 = 0 then ${NOW}::timestamptz + make_interval(days => i % 20 - 10) end,
                 case when i % 10 = 0 then ${NOW}::timestamptz - make_interval(hours => 6 * i - 48) end
          from generate_series(1, 5000) as i`.execute(trx),
    );
    await testDb.db.asOwner((owner) => owner.exec('ANALYZE cases; ANALYZE case_events; ANALYZE case_rule_evaluations;'));
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /**
   * The text plan of a query as the application role plans it (row-level security applies),
   * with sequential scans made (nearly) impossible and, unless `sort` is allowed, sorts too:
   * a listing's order must come from an index.
   */
  async function plan(build: (trx: Trx) => Compilable | RawBuilder<unknown>, options: { sort?: boolean } = {}): Promise<string> {
    return testDb.db.withTenant(viewer.tenantId, async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      if (!options.sort) await sql`set local enable_sort = off`.execute(trx);
      const compiled = build(trx).compile(trx);
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
      return result.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  /** Asserts the cases table is read through one of `indexes` and never scanned whole. */
  function expectIndex(text: string, indexes: string[], options: { ordered?: boolean; keyset?: boolean } = {}) {
    expect(text, text).not.toMatch(/Seq Scan on (cases|case_search_terms)/);
    // A keyset page starts inside the index (the row comparison is an index condition, not a filter).
    if (options.keyset) expect(text, text).toMatch(/Index Cond: \(.*ROW\(/);
    expect(indexes.some((i) => text.includes(` ${i} `) || text.includes(` ${i}\n`) || text.endsWith(` ${i}`)), `${indexes.join(' or ')} in\n${text}`).toBe(true);
    // The page's order comes from the index: no sort of the whole result.
    if (options.ordered) expect(text, text).not.toMatch(/^\s*(->\s*)?Sort\b/m);
  }

  const inbox = (request: Partial<InboxRequest>) => (trx: Trx) => inboxPageQuery(trx, { ...DEFAULT_FILTERS, ...request }, viewer, 50);

  it('default inbox (open, newest first) and its next page', async () => {
    expectIndex(await plan(inbox({})), ['cases_open_submitted'], { ordered: true });
    // Most cases are open, so reading all cases by submission and skipping the closed is as good.
    const open = ['cases_open_submitted', 'cases_submitted'];
    expectIndex(await plan(inbox({ page: { direction: 'after', cursor: { sort: 'eingang-neu', ...CURSOR } } })), open, { ordered: true, keyset: true });
    expectIndex(await plan(inbox({ page: { direction: 'before', cursor: { sort: 'eingang-neu', ...CURSOR } } })), open, { ordered: true, keyset: true });
  });

  it('by deadline, overdue, and my tasks', async () => {
    expectIndex(await plan(inbox({ sort: 'frist' })), ['cases_open_due'], { ordered: true });
    expectIndex(await plan(inbox({ sort: 'frist', page: { direction: 'after', cursor: { sort: 'frist', key: CURSOR.key, id: CURSOR.id } } })), ['cases_open_due'], { ordered: true, keyset: true });
    expectIndex(await plan(inbox({ assignee: { kind: 'me' }, sort: 'frist', page: { direction: 'after', cursor: { sort: 'frist', key: CURSOR.key, id: CURSOR.id } } })), ['cases_open_assignee_due'], { ordered: true, keyset: true });
    expectIndex(await plan(inbox({ due: 'ueberfaellig', sort: 'frist' })), ['cases_open_due', 'cases_open_assignee_due'], { ordered: true });
    expectIndex(await plan(inbox({ assignee: { kind: 'me' }, sort: 'frist' })), ['cases_open_assignee_due'], { ordered: true });
    expectIndex(await plan(inbox({ assignee: { kind: 'none' } })), ['cases_open_assignee_submitted', 'cases_open_submitted'], { ordered: true });
  });

  it('one state, one service, closed and all cases', async () => {
    expectIndex(await plan(inbox({ state: { kind: 'state', state: 'in-review' } })), ['cases_state_submitted'], { ordered: true });
    expectIndex(await plan(inbox({ state: { kind: 'all' }, service: 'plan-service' })), ['cases_service_submitted'], { ordered: true });
    expectIndex(await plan(inbox({ state: { kind: 'all' }, sort: 'eingang-alt' })), ['cases_submitted'], { ordered: true });
    expectIndex(await plan(inbox({ state: { kind: 'closed' } })), ['cases_submitted', 'cases_closed'], {});
  });

  it('search by reference prefix and by words of names', async () => {
    const reference = await plan(inbox({ state: { kind: 'all' }, q: 'WUR-GEW-2026' }), { sort: true });
    // One word may be a reference or a word of a name: both indexes.
    expectIndex(reference, ['cases_reference_key']);
    expectIndex(reference, ['case_search_terms_pkey']);
    const words = await plan(inbox({ state: { kind: 'all' }, q: 'müller bäck' }), { sort: true });
    expect(words).not.toMatch(/Seq Scan/);
    // The words meet in the terms table (a word's range in its primary key), then only the cases
    // having all of them are fetched, by primary key.
    expect(words).toMatch(/Index Only Scan using case_search_terms_pkey .*\n.*Index Cond: .*AND \(term >= '(müller|bäck)'::text\)/);
    expect(words).toMatch(/Index Scan using cases_pkey on cases c .*\n.*Index Cond: .*\(id = ANY /);
  });

  it('findings severity through the latest evaluation (primary key lookup per case)', async () => {
    const text = await plan(inbox({ severity: 'blockierend' }));
    expectIndex(text, ['cases_open_submitted'], { ordered: true });
    expect(text).toContain('case_rule_evaluations_pkey');
  });

  it('counts per state, index only', async () => {
    expectIndex(await plan((trx) => openByStateQuery(trx, DEFAULT_FILTERS, viewer)), ['cases_open_state']);
  });

  it('dashboard and CSV export', async () => {
    const from = new Date('2026-09-07T00:00:00Z');
    const q = dashboardQueries(viewer.tenantId, from, NOW);
    // PostgreSQL 18 (PGlite) may skip-scan the service index for the same range.
    expectIndex(await plan(() => q.weekly), ['cases_submitted', 'cases_service_submitted']);
    const processing = await plan(() => q.processing, { sort: true });
    expectIndex(processing, ['cases_closed']);
    expect(processing).toContain('case_events_human_acts');
    expectIndex(await plan(() => q.open), ['cases_open_due', 'cases_open_state', 'cases_open_submitted']);
    expectIndex(await plan((trx) => exportBatchQuery(trx, { tenantId: viewer.tenantId, from, to: NOW }, { at: CURSOR.key, id: CURSOR.id })), ['cases_submitted'], { ordered: true, keyset: true });
  });
});
