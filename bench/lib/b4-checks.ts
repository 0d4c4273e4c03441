/**
 * What B4 times: `findConflicts` (src/services/verkehr/conflicts.ts), the query and exact test the
 * conflict rules run for every application, in the town's `withTenant` transaction as the app
 * role. The footprints checked are new applications as the seed's orders are (same streets, types
 * and lengths), for periods starting one to eight weeks ahead — when people apply. Drawn places
 * are projected by the app's own `projectGeometry`; typed ones carry street, numbers and side.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { addDays, berlinDateOf } from '../../src/platform/calendar/calendar-date.js';
import type { Database } from '../../src/platform/db/database.js';
import { conflictCandidatesQuery, findConflicts, type Footprint } from '../../src/services/verkehr/conflicts.js';
import { projectGeometry } from '../../src/services/verkehr/geo/planar.js';
import type { TrafficApplication } from '../../src/services/verkehr/traffic-application.js';
import { degreesAt, localGrid, TOWN_CENTRE } from './b4-places.js';
import { seededRandom, type BenchStreet } from './b4-seed.js';

type CaseType = TrafficApplication['caseType'];

const TYPES: readonly [CaseType, number, number, number][] = [
  // type, share, longest extra days, length range (m)
  ['HVZ', 0.55, 1, 15],
  ['BAU', 0.25, 59, 200],
  ['HUB', 0.05, 3, 20],
  ['CON', 0.1, 13, 6],
  ['VER', 0.05, 2, 400],
];

/** `count` new applications' footprints, half drawn and half typed, placed on the town's streets. */
export function checkFootprints(streets: readonly BenchStreet[], count: number, now: Date, drawn: boolean, seed: number): Footprint[] {
  const random = seededRandom(seed);
  const grid = localGrid(TOWN_CENTRE);
  const today = berlinDateOf(now);
  return Array.from({ length: count }, () => {
    let u = random();
    const [caseType, , longest, spread] = TYPES.find(([, share]) => (u -= share) < 0) ?? TYPES[0]!;
    const street = streets[Math.floor(random() ** 1.5 * streets.length)]!;
    const length = 10 + random() * spread;
    const houseFrom = 1 + Math.floor((random() * (street.length - 30)) / 6);
    const from = addDays(today, 7 + Math.floor(random() * 49));
    const to = addDays(from, Math.floor(random() * (longest + 1)));
    const at = (d: number): [number, number] => degreesAt(grid, TOWN_CENTRE, street.x + street.dirX * d, street.y + street.dirY * d);
    const geometry = drawn ? { type: 'LineString' as const, coordinates: [at(houseFrom * 6), at(houseFrom * 6 + length)] } : null;
    return {
      caseType,
      street: street.name,
      streetKey: street.key,
      houseFrom,
      houseTo: houseFrom + Math.floor(length / 6),
      side: random() < 0.5 ? 'even' : 'odd',
      occupied: { from: caseType === 'HVZ' ? addDays(from, -4) : from, to: addDays(to, 1) },
      valid: { from, to },
      shape: geometry ? projectGeometry(geometry) : null,
      geometry,
    };
  });
}

/** Times one conflict check per footprint, each in its own withTenant transaction as a rule evaluation runs it; milliseconds and conflicts found. */
export async function timeChecks(db: Database, tenantId: string, footprints: readonly Footprint[], bufferMeters: number): Promise<{ times: number[]; conflicts: number }> {
  const times: number[] = [];
  let conflicts = 0;
  for (const fp of footprints) {
    const start = process.hrtime.bigint();
    const found = await db.withTenant(tenantId, (trx) => findConflicts(trx, tenantId, randomUUID(), fp, bufferMeters));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    conflicts += found.length;
  }
  return { times, conflicts };
}

/** The bare indexed query under the check: the orders of one street ending after a day, by the (tenant, street, end) index. */
export async function timeStreetLookups(db: Database, tenantId: string, footprints: readonly Footprint[]): Promise<number[]> {
  const times: number[] = [];
  for (const fp of footprints) {
    const start = process.hrtime.bigint();
    await db.withTenant(tenantId, (trx) =>
      trx.selectFrom('traffic_orders').select(['case_id', 'occupied_from']).where('tenant_id', '=', tenantId).where('street_key', '=', fp.streetKey).where('occupied_to', '>=', fp.occupied.from).execute(),
    );
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the conflict check's query (`conflictCandidatesQuery`, what findConflicts sends), as the app role in the town's transaction. */
export async function explainCheck(db: Database, tenantId: string, fp: Footprint, bufferMeters: number): Promise<string> {
  return db.withTenant(tenantId, async (trx) => {
    const query = conflictCandidatesQuery(trx, tenantId, randomUUID(), fp, bufferMeters).compile();
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]));
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}
