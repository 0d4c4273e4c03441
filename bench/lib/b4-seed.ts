/**
 * Set-based seed of B4: `count` approved traffic-order cases in one town with their footprints
 * in `traffic_orders`, in one INSERT … SELECT generate_series statement (the cases and the
 * footprints as two data-modifying CTEs over the same generated rows; the foreign key is checked
 * at the end of the statement).
 *
 * The town is a set of streets, each a straight line somewhere around the centre (normal
 * spread, σ = 1.2 km) with house numbers every 6 m; main streets get more orders. An order lies
 * on its street at its house numbers: 60 % drawn (a line along the street, with box and shape
 * in UTM metres and the WGS84 geometry) and 40 % typed only, as applicants use the form.
 * Types and durations: HVZ 55 % (1–2 days, 15–30 m, signs up four days before), works 25 %
 * (up to 60 days, 20–220 m), cranes 5 %, containers 10 %, events 5 % (80–480 m). First days run
 * uniformly from three years ago to three months ahead, so about one order in thirteen lies
 * ahead of today — the ones a check for the coming weeks has to look at.
 */
import type { Database } from '../../src/platform/db/database.js';
import { streetKey } from '../../src/services/verkehr/traffic-area.js';
import type { BenchService, BenchTenant } from './b3-platform.js';
import { localGrid, STREETS, TOWN_CENTRE, type LocalGrid } from './b4-places.js';

/** A street of the seeded town: where it starts (metres from the centre), its direction and length. */
export interface BenchStreet {
  name: string;
  key: string;
  x: number;
  y: number;
  dirX: number;
  dirY: number;
  length: number;
}

/** A small deterministic generator, so the streets (and the checks placed on them) are the same in every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The streets of the town: a straight line each, 300–1,500 m long, around the centre. */
export function benchStreets(): BenchStreet[] {
  const random = seededRandom(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return STREETS.map((name) => {
    const angle = random() * Math.PI;
    return { name, key: streetKey(name), x: normal() * 1200, y: normal() * 1200, dirX: Math.cos(angle), dirY: Math.sin(angle), length: 300 + random() * 1200 };
  });
}

// $1 tenant, $2 count, $3 today (date), $4 reference code, $5 service version, $6 street names, $7 street keys,
// $8 x, $9 y, $10 dirX, $11 dirY, $12 length, $13 UTM origin [x, y], $14 degrees per metre (2×2), $15 centre [lon, lat],
// $16 now (timestamptz).
const INSERT_ORDERS = `
WITH base AS MATERIALIZED (
  SELECT i, gen_random_uuid() AS case_id,
    random() AS r_type, random() AS r_start, random() AS r_duration, random() AS r_length, random() AS r_street,
    random() AS r_house, random() AS r_side, random() AS r_drawn, random() AS r_lead
  FROM generate_series(1, $2::int) AS i
), typed AS (
  SELECT b.*,
    CASE WHEN r_type < 0.55 THEN 'HVZ' WHEN r_type < 0.80 THEN 'BAU' WHEN r_type < 0.85 THEN 'HUB' WHEN r_type < 0.95 THEN 'CON' ELSE 'VER' END AS case_type,
    $3::date - 1095 + floor(r_start * 1185)::int AS valid_from,
    -- main streets (low indexes) more often
    1 + floor(power(r_street, 1.5) * cardinality($6::text[]))::int AS s
  FROM base b
), sized AS (
  SELECT t.*,
    valid_from + CASE case_type WHEN 'HVZ' THEN floor(r_duration * 2) WHEN 'BAU' THEN floor(power(r_duration, 2) * 60)
                   WHEN 'HUB' THEN floor(r_duration * 4) WHEN 'CON' THEN floor(r_duration * 14) ELSE floor(r_duration * 3) END::int AS valid_to,
    CASE case_type WHEN 'HVZ' THEN 15 + r_length * 15 WHEN 'BAU' THEN 20 + power(r_length, 2) * 200 WHEN 'HUB' THEN 10 + r_length * 20
                   WHEN 'CON' THEN 8 + r_length * 6 ELSE 80 + r_length * 400 END AS length_m,
    1 + floor(r_house * (($12::float8[])[s] - 30) / 6)::int AS house_from
  FROM typed t
), placed AS (
  SELECT z.*,
    ($6::text[])[s] AS street, ($7::text[])[s] AS street_key,
    house_from + floor(length_m / 6)::int AS house_to,
    CASE WHEN r_side < 0.45 THEN 'even' WHEN r_side < 0.9 THEN 'odd' ELSE 'both' END AS side,
    -- signs for a no-parking zone stand from the fourth day before (§ 45 StVO, three full days)
    CASE WHEN case_type = 'HVZ' THEN valid_from - 4 ELSE valid_from END AS occupied_from,
    ($8::float8[])[s] + ($10::float8[])[s] * house_from * 6 AS x1,
    ($9::float8[])[s] + ($11::float8[])[s] * house_from * 6 AS y1,
    ($8::float8[])[s] + ($10::float8[])[s] * (house_from * 6 + length_m) AS x2,
    ($9::float8[])[s] + ($11::float8[])[s] * (house_from * 6 + length_m) AS y2,
    r_drawn < 0.6 AS drawn,
    LEAST($16::timestamptz, (valid_from - 14 - floor(r_lead * 28)::int)::timestamptz + interval '9 hours') AS submitted_at
  FROM sized z
), numbered AS (
  SELECT p.*, extract(year FROM submitted_at AT TIME ZONE 'Europe/Berlin')::int AS year,
         row_number() OVER (PARTITION BY extract(year FROM submitted_at AT TIME ZONE 'Europe/Berlin') ORDER BY submitted_at, i) AS counter
  FROM placed p
), cases_in AS (
  INSERT INTO cases (tenant_id, id, reference, service_id, service_version, state, version, data, applicant_name, applicant_email,
                     status_token_hash, submitted_at, updated_at)
  SELECT $1::uuid, case_id, $4 || '-VRA-' || year || '-' || lpad(counter::text, 6, '0'), 'verkehrsrechtliche-anordnung', $5::int, 'approved', 4,
         jsonb_build_object('caseType', case_type, 'location', jsonb_build_object('street', street, 'houseNumberFrom', house_from::text, 'houseNumberTo', house_to::text, 'side', side),
                            'period', jsonb_build_object('from', valid_from, 'to', valid_to)),
         'Antragsteller ' || i, 'antrag' || i || '@example.org', sha256(uuid_send(gen_random_uuid())), submitted_at, submitted_at + interval '2 days'
  FROM numbered
  ORDER BY submitted_at
)
INSERT INTO traffic_orders (tenant_id, case_id, reference, case_type, street, street_key, house_from, house_to, side,
                            occupied, occupied_from, occupied_to, valid, footprint, shape, geometry, updated_at)
SELECT $1::uuid, case_id, $4 || '-VRA-' || year || '-' || lpad(counter::text, 6, '0'), case_type, street, street_key, house_from, house_to, side,
       daterange(occupied_from, valid_to + 1, '[]'), occupied_from, valid_to + 1, daterange(valid_from, valid_to, '[]'),
       CASE WHEN drawn THEN box(point(o[1] + x1, o[2] + y1), point(o[1] + x2, o[2] + y2)) END,
       CASE WHEN drawn THEN jsonb_build_object('points', '[]'::jsonb, 'rings', '[]'::jsonb,
              'chains', jsonb_build_array(jsonb_build_array(jsonb_build_array(o[1] + x1, o[2] + y1), jsonb_build_array(o[1] + x2, o[2] + y2)))) END,
       CASE WHEN drawn THEN jsonb_build_object('type', 'LineString', 'coordinates', jsonb_build_array(
              jsonb_build_array(c[1] + m[1] * x1 + m[2] * y1, c[2] + m[3] * x1 + m[4] * y1),
              jsonb_build_array(c[1] + m[1] * x2 + m[2] * y2, c[2] + m[3] * x2 + m[4] * y2))) END,
       submitted_at + interval '2 days'
FROM numbered, (SELECT $13::float8[] AS o, $14::float8[] AS m, $15::float8[] AS c) AS grid
-- written as each case was approved, in submission order (cases_in runs to completion unreferenced)
ORDER BY submitted_at`;

/** Seeds `count` approved orders in one town (one statement, under the town's tenant setting); returns the streets used. */
export async function seedTrafficOrders(db: Database, tenant: BenchTenant, service: BenchService, count: number, now: Date): Promise<BenchStreet[]> {
  const streets = benchStreets();
  const grid: LocalGrid = localGrid(TOWN_CENTRE);
  const today = now.toISOString().slice(0, 10);
  await db.asOwner(async (owner) => {
    await owner.exec('BEGIN');
    try {
      await owner.exec(`SET LOCAL work_mem = '256MB'`);
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await owner.query(INSERT_ORDERS, [
        tenant.id,
        count,
        today,
        tenant.referenceCode,
        service.version,
        streets.map((s) => s.name),
        streets.map((s) => s.key),
        streets.map((s) => s.x),
        streets.map((s) => s.y),
        streets.map((s) => s.dirX),
        streets.map((s) => s.dirY),
        streets.map((s) => s.length),
        grid.origin,
        grid.toDegrees,
        [...TOWN_CENTRE],
        now,
      ]);
      await owner.exec('COMMIT');
    } catch (e) {
      await owner.exec('ROLLBACK');
      throw e;
    }
    await owner.exec('VACUUM ANALYZE cases, traffic_orders');
  });
  return streets;
}
