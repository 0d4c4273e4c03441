import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { formatReference, nextReference } from './reference-numbers.js';

describe('reference numbers', () => {
  let t: TestDatabase;
  let wurzen: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    wurzen = await tenantIdOf(t.db, 'wurzen');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('formats the pattern with padding', () => {
    expect(formatReference('{TENANT}-{SERVICE}-{YYYY}-{NNNNNN}', { tenant: 'WUR', service: 'GEW', year: 2026, counter: 123 })).toBe('WUR-GEW-2026-000123');
    expect(formatReference('{SERVICE}/{NNN}/{YYYY}', { tenant: 'X', service: 'VRA', year: 2027, counter: 7 })).toBe('VRA/007/2027');
  });

  it('counts per tenant, service and Berlin year, without duplicates under concurrency', async () => {
    const tenant = { id: wurzen, referenceCode: 'WUR', referencePattern: '{TENANT}-{SERVICE}-{YYYY}-{NNNNNN}' };
    const at = new Date('2026-06-01T10:00:00Z');
    const refs = await Promise.all(Array.from({ length: 10 }, () => t.db.withTenant(wurzen, (trx) => nextReference(trx, tenant, 'GEW', at))));
    expect(new Set(refs).size).toBe(10);
    expect(refs.sort()[0]).toBe('WUR-GEW-2026-000001');
    // 23:30 UTC on New Year's Eve is already the next year in Berlin: the counter starts again
    const newYear = await t.db.withTenant(wurzen, (trx) => nextReference(trx, tenant, 'GEW', new Date('2026-12-31T23:30:00Z')));
    expect(newYear).toBe('WUR-GEW-2027-000001');
    const other = await t.db.withTenant(wurzen, (trx) => nextReference(trx, tenant, 'VRA', at));
    expect(other).toBe('WUR-VRA-2026-000001');
  });
});
