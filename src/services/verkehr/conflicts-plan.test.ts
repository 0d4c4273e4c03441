/**
 * The conflict check's query can be served by migration 0014's indexes as the application role,
 * under row-level security, where only leakproof conditions become index conditions. The test
 * tables are tiny, so the plan is taken with sequential scans switched off (as in
 * inbox-plans.test.ts): the planner must then find the index that answers the query. Benchmark
 * B4 shows the plans at 100,000 orders.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { addDays } from '../../platform/calendar/calendar-date.js';
import { conflictCandidatesQuery, findConflicts, recordFootprint, type Footprint } from './conflicts.js';
import { projectGeometry } from './geo/planar.js';

const NOW = new Date('2026-11-16T09:00:00Z');

/** A footprint on the Teichweg in Bennewitz, `metres` east of its start, for `days` from `from`. */
function footprint(from: string, metres: number, drawn: boolean): Footprint {
  const lon = 12.7135 + metres / 69_600;
  const geometry = drawn ? { type: 'LineString' as const, coordinates: [[lon, 51.3608], [lon + 0.0003, 51.3608]] } : null;
  return {
    caseType: 'HVZ',
    street: 'Teichweg',
    streetKey: 'teichweg',
    houseFrom: 10,
    houseTo: 14,
    side: 'even',
    occupied: { from: addDays(from, -4), to: addDays(from, 1) },
    valid: { from, to: from },
    shape: geometry ? projectGeometry(geometry) : null,
    geometry,
  };
}

describe('the conflict check uses the indexes of migration 0014 under row-level security', () => {
  let testDb: TestDatabase;
  let tenantId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    tenantId = await tenantIdOf(testDb.db, 'bennewitz');
    // Forty approved orders, a week apart, drawn ones 500 m apart along the same line.
    for (let i = 0; i < 40; i++) {
      const caseId = await insertCase(testDb.db, tenantId, { state: 'approved' });
      const fp = footprint(addDays('2026-06-01', 7 * i), 500 * (i % 8), i % 2 === 0);
      await testDb.db.withTenant(tenantId, (trx) => recordFootprint(trx, tenantId, caseId, `BEN-VRA-2026-${String(i + 1).padStart(6, '0')}`, fp, NOW));
    }
    // Enough other orders that selective indexes win over reading one whole: 4,000 on fifty other
    // streets, a day apart from 2015 on, drawn ones spread over ten kilometres.
    await testDb.db.withTenant(tenantId, async (trx) => {
      await sql`insert into cases (tenant_id, reference, service_id, service_version, state, data, status_token_hash)
                select ${tenantId}, 'BEN-VRA-2015-' || lpad(i::text, 6, '0'), 'test-service', 1, 'approved', '{}', decode(md5(i::text), 'hex')
                from generate_series(1, 4000) as i`.execute(trx);
      await sql`insert into traffic_orders (tenant_id, case_id, reference, case_type, street, street_key, occupied, occupied_from, occupied_to, valid, footprint, updated_at)
                select c.tenant_id, c.id, c.reference, 'BAU', 'Weg ' || n % 50, 'weg' || n % 50,
                       daterange(d, d + 3, '[]'), d, d + 3, daterange(d, d + 2, '[]'),
                       case when n % 2 = 0 then box(point(330000 + n * 2.5, 5680000 + n % 97 * 100), point(330040 + n * 2.5, 5680010 + n % 97 * 100)) end, now()
                from (select id, tenant_id, reference, split_part(reference, '-', 4)::int as n, date '2015-01-01' + split_part(reference, '-', 4)::int as d
                      from cases where reference like 'BEN-VRA-2015-%') as c`.execute(trx);
    });
    await testDb.db.asOwner((owner) => owner.exec('ANALYZE traffic_orders; ANALYZE cases;'));
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  async function plan(fp: Footprint): Promise<string> {
    return testDb.db.withTenant(tenantId, async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const compiled = conflictCandidatesQuery(trx, tenantId, '00000000-0000-4000-8000-000000000000', fp, 50).compile();
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
      return result.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it('a drawn place: period and bounds are index conditions of the drawn-orders index, the street of the street index', async () => {
    const text = await plan(footprint('2026-09-07', 0, true));
    expect(text, text).not.toMatch(/Seq Scan on traffic_orders/);
    expect(text, text).toMatch(/traffic_orders_drawn[^\n]*\n\s*Index Cond: [^\n]*occupied_from <= [^\n]*footprint_min_x <= /);
    expect(text, text).toMatch(/traffic_orders_street[^\n]*\n\s*Index Cond: [^\n]*street_key = [^\n]*occupied_from <= /);
  });

  it('a typed place: street and period are index conditions', async () => {
    const text = await plan(footprint('2026-09-07', 0, false));
    expect(text, text).toMatch(/traffic_orders_street[^\n]*\n\s*Index Cond: [^\n]*street_key = [^\n]*occupied_to >= [^\n]*occupied_from <= /);
  });

  it('finds what the bounds say: the order drawn at the same place and week, not the one 500 m away', async () => {
    // Order 14 (i = 14) lies at 500·(14 % 8) = 3,000 m, drawn, in the week of 2026-09-07.
    const found = await testDb.db.withTenant(tenantId, (trx) => findConflicts(trx, tenantId, '00000000-0000-4000-8000-000000000000', footprint('2026-09-07', 3000, true), 50));
    expect(found.map((c) => c.reference)).toEqual(['BEN-VRA-2026-000015']);
    const away = await testDb.db.withTenant(tenantId, (trx) => findConflicts(trx, tenantId, '00000000-0000-4000-8000-000000000000', { ...footprint('2026-09-07', 3500, true), streetKey: 'anderer-weg' }, 50));
    expect(away).toEqual([]);
  });
});
