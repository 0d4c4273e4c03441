/**
 * Set-based seed of B3's cases: one INSERT … SELECT generate_series per town, with the app's
 * triggers and indexes all in place (the search words of `case_search_terms` are written by the
 * trigger of migration 0008, as for a real submission), and each case's first rule evaluation in
 * the same statement. Towns are seeded on two owner sessions at once (the machine has two cores).
 *
 * What a case looks like, and why:
 * - submitted over four years, with volume growing linearly (density ∝ age⁻¹ … a platform grows):
 *   `now − span·(1 − √u)`;
 * - services: Gewerbe-Anmeldung 45 %, -Ummeldung 15 %, -Abmeldung 20 %, traffic orders 20 %;
 * - open or closed by age (60 % open under two days, 30 % under two weeks, 8 % under two months,
 *   0.4 % of the older ones: the backlog every office has), the states of each workflow with
 *   their deadlines (§ 15 GewO three days; traffic orders in working days, approximated);
 * - reference numbers in the platform's format `WUR-GEW-2026-000123`, counted per town, code and
 *   Berlin year in submission order, and `reference_counters` left where the app would continue;
 * - applicant name, e-mail and data as the packages' `applicant()` reads them (company name and
 *   summary stay empty, as the packages leave them today); 3 % English;
 * - three quarters of the open cases past "submitted" and 40 % of the closed ones assigned;
 * - findings: 3 % blocking, 15 % warnings, the rest information or nothing.
 */
import type { Database, SqlSession } from '../../src/platform/db/database.js';
import { FAMILY_NAMES, GIVEN_NAMES, MAIL_DOMAINS } from './b3-names.js';
import { prepareBenchPlatform, seedCaseworkers, unusablePasswordHash, type BenchPlatform, type BenchService, type BenchTenant } from './b3-platform.js';
import { zipfShares } from './b3-tenants.js';

export interface CaseSeed {
  tenant: BenchTenant;
  count: number;
  now: Date;
  spanDays: number;
  staffIds: string[];
  services: Map<string, BenchService>;
}

const GEWERBE = ['gewerbe-anmeldung', 'gewerbe-ummeldung', 'gewerbe-abmeldung'];
const TRAFFIC = 'verkehrsrechtliche-anordnung';

// $1 tenant, $2 count, $3 now, $4 span in seconds, $5 tenant code, $6 service versions (jsonb),
// $7 staff ids, $8 given names, $9 family names, $10 mail domains, $11 Gewerbe rules, $12 traffic rules.
const INSERT_CASES = `
WITH base AS MATERIALIZED (
  SELECT i,
    $3::timestamptz - make_interval(secs => $4::float8 * (1 - sqrt(random()))) AS submitted_at,
    random() AS r_service, random() AS r_open, random() AS r_state, random() AS r_given, random() AS r_family,
    random() AS r_mail, random() AS r_assign, random() AS r_duration, random() AS r_locale
  FROM generate_series(1, $2::int) AS i
), shaped AS (
  SELECT b.*,
    CASE WHEN r_service < 0.45 THEN 'gewerbe-anmeldung' WHEN r_service < 0.60 THEN 'gewerbe-ummeldung'
         WHEN r_service < 0.80 THEN 'gewerbe-abmeldung' ELSE '${TRAFFIC}' END AS service_id,
    extract(epoch FROM $3::timestamptz - submitted_at) / 86400 AS age_days,
    extract(year FROM submitted_at AT TIME ZONE 'Europe/Berlin')::int AS year,
    ($8::text[])[1 + floor(r_given * cardinality($8::text[]))::int] AS given,
    -- low ranks more often: the rank's share falls with the power 1.6 of u
    ($9::text[])[1 + floor(power(r_family, 1.6) * cardinality($9::text[]))::int] AS family
  FROM base b
), opened AS (
  SELECT s.*,
    r_open < CASE WHEN age_days < 2 THEN 0.6 WHEN age_days < 14 THEN 0.3 WHEN age_days < 60 THEN 0.08 ELSE 0.004 END AS is_open
  FROM shaped s
), stated AS (
  SELECT o.*,
    CASE WHEN service_id = '${TRAFFIC}' THEN
      CASE WHEN is_open THEN CASE WHEN r_state < 0.2 THEN 'submitted' WHEN r_state < 0.35 THEN 'decision-draft'
                                  WHEN r_state < 0.55 THEN 'in-review' WHEN r_state < 0.6 THEN 'information-requested' ELSE 'approved' END
           ELSE CASE WHEN r_state < 0.82 THEN 'completed' WHEN r_state < 0.9 THEN 'rejected' WHEN r_state < 0.95 THEN 'withdrawn'
                     WHEN r_state < 0.98 THEN 'referred' ELSE 'revoked' END END
    ELSE
      CASE WHEN is_open THEN CASE WHEN r_state < 0.25 THEN 'submitted' WHEN r_state < 0.75 THEN 'in-review'
                                  WHEN r_state < 0.9 THEN 'information-requested' ELSE 'confirmed' END
           ELSE CASE WHEN r_state < 0.93 THEN 'closed' WHEN r_state < 0.97 THEN 'withdrawn' ELSE 'not-competent' END END
    END AS state,
    CASE WHEN service_id = '${TRAFFIC}' THEN 'VRA' ELSE 'GEW' END AS code,
    translate(replace(replace(replace(replace(lower(given || '.' || family), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'ıłéëó'' -', 'ileeo') AS mail_name
  FROM opened o
), timed AS (
  SELECT s.*,
    CASE WHEN is_open THEN NULL
         -- most Gewerbe notices finish without a person within minutes; the rest take days to weeks
         WHEN service_id <> '${TRAFFIC}' AND r_duration < 0.65 THEN LEAST($3::timestamptz, submitted_at + make_interval(secs => 20 + r_duration * 300))
         ELSE LEAST($3::timestamptz, submitted_at + make_interval(secs => 86400 * (1 + power(r_duration, 2) * 40))) END AS closed_at,
    CASE WHEN NOT is_open THEN NULL
         WHEN state IN ('submitted', 'in-review') AND service_id <> '${TRAFFIC}' THEN submitted_at + interval '3 days'
         WHEN state = 'submitted' THEN submitted_at + interval '5 days'
         WHEN state = 'decision-draft' THEN submitted_at + interval '6 days'
         WHEN state = 'in-review' THEN submitted_at + interval '10 days' END AS due_at,
    CASE WHEN (is_open AND state <> 'submitted' AND r_assign < 0.75) OR (NOT is_open AND r_assign < 0.4)
         -- a few colleagues do most of the work: the square of u picks low indexes more often
         THEN ($7::uuid[])[1 + floor(power(r_assign / 0.75, 2) * cardinality($7::uuid[]))::int % cardinality($7::uuid[])] END AS assignee_id
  FROM stated s
), numbered AS (
  SELECT t.*, row_number() OVER (PARTITION BY code, year ORDER BY submitted_at, i) AS counter FROM timed t
), inserted AS (
  INSERT INTO cases (tenant_id, reference, service_id, service_version, state, version, data, applicant_name, applicant_email,
                     locale, status_token_hash, assignee_id, submitted_at, updated_at, due_at, closed_at)
  SELECT $1::uuid, $5 || '-' || code || '-' || year || '-' || lpad(counter::text, 6, '0'), service_id, ($6::jsonb ->> service_id)::int,
         state, CASE WHEN is_open THEN 2 ELSE 4 END,
         jsonb_build_object('name', jsonb_build_object('given', given, 'family', family), 'email', email), given || ' ' || family, email,
         CASE WHEN r_locale < 0.03 THEN 'en' ELSE 'de' END, sha256(uuid_send(gen_random_uuid())), assignee_id,
         submitted_at, coalesce(closed_at, submitted_at + interval '1 minute'), due_at, closed_at
  -- some add a year of birth to the address (anna.mueller84@…)
  FROM (SELECT n.*, mail_name || CASE WHEN r_mail < 0.3 THEN (60 + floor(r_mail * 1000)::int % 40)::text ELSE '' END
                    || '@' || ($10::text[])[1 + floor(r_mail * cardinality($10::text[]))::int] AS email FROM numbered n) AS n
  -- in submission order, as a real table fills: the heap follows the time indexes
  ORDER BY submitted_at
  RETURNING tenant_id, id, service_id, submitted_at
)
INSERT INTO case_rule_evaluations (tenant_id, case_id, evaluation, evaluated_at, data_hash, rules, counts)
SELECT tenant_id, id, 1, submitted_at + interval '2 seconds', encode(sha256(uuid_send(id)), 'hex'),
       CASE WHEN service_id = '${TRAFFIC}' THEN $12::text[] ELSE $11::text[] END,
       jsonb_build_object('blocking', (r < 0.03)::int, 'warning', (r < 0.18)::int + (r < 0.05)::int, 'info', floor(r * 10)::int % 3)
FROM (SELECT ins.*, random() AS r FROM inserted ins) AS e`;

// The app draws numbers with INSERT … ON CONFLICT on reference_counters; leave them where it would continue.
const SET_COUNTERS = `
INSERT INTO reference_counters (tenant_id, scope, year, last_value)
SELECT tenant_id, split_part(reference, '-', 2), split_part(reference, '-', 3)::int, max(split_part(reference, '-', 4)::int)
FROM cases WHERE tenant_id = $1::uuid GROUP BY 1, 2, 3
ON CONFLICT (tenant_id, scope, year) DO UPDATE SET last_value = excluded.last_value`;

/** Seeds one town's cases (and their first evaluations) on an owner session, in one transaction under that town's tenant setting. */
export async function seedTownCases(owner: SqlSession, seed: CaseSeed): Promise<void> {
  const service = (id: string) => {
    const s = seed.services.get(id);
    if (!s) throw new Error(`service ${id} is not loaded`);
    return s;
  };
  const versions = Object.fromEntries([...GEWERBE, TRAFFIC].map((id) => [id, service(id).version]));
  await owner.exec('BEGIN');
  try {
    // The sort for the reference counters and the hash of the evaluations fit in memory.
    await owner.exec(`SET LOCAL work_mem = '256MB'`);
    // The policies bind the owner too (FORCE ROW LEVEL SECURITY) unless it is a superuser.
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [seed.tenant.id]);
    await owner.query(INSERT_CASES, [
      seed.tenant.id,
      seed.count,
      seed.now,
      seed.spanDays * 86400,
      seed.tenant.referenceCode,
      JSON.stringify(versions),
      seed.staffIds,
      GIVEN_NAMES,
      FAMILY_NAMES,
      MAIL_DOMAINS,
      service('gewerbe-anmeldung').rules,
      service(TRAFFIC).rules,
    ]);
    await owner.query(SET_COUNTERS, [seed.tenant.id]);
    await owner.exec('COMMIT');
  } catch (e) {
    await owner.exec('ROLLBACK');
    throw e;
  }
}

export interface SeededBackOffice {
  platform: BenchPlatform;
  /** The measured town (the largest). */
  tenant: BenchTenant;
  /** Its caseworkers, busiest first. */
  staffIds: string[];
  /** Cases per town slug. */
  counts: Map<string, number>;
}

/** Seeds the platform, 18 towns' caseworkers and `total` cases (Zipf over the towns), then VACUUM ANALYZE. */
export async function seedBackOfficeScale(db: Database, options: { total: number; now: Date; spanDays: number; progress(message: string): void }): Promise<SeededBackOffice> {
  const platform = await prepareBenchPlatform(db, { extraTowns: true });
  const shares = zipfShares(options.total, platform.tenants.length);
  const hash = await unusablePasswordHash();
  const staff = new Map<string, string[]>();
  // About one caseworker per 8,000 cases a town has (at least two), as a town's office would.
  for (const [i, t] of platform.tenants.entries()) staff.set(t.id, await seedCaseworkers(db, t, Math.max(2, Math.round(shares[i]! / 8000)), hash));
  const queue = platform.tenants.map((tenant, i) => ({ tenant, count: shares[i]! }));
  let done = 0;
  // Two sessions, largest town first: the machine has two cores.
  await Promise.all(
    [0, 1].map(() =>
      db.asOwner(async (owner) => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          await seedTownCases(owner, { ...job, now: options.now, spanDays: options.spanDays, staffIds: staff.get(job.tenant.id)!, services: platform.services });
          done += job.count;
          options.progress(`B3: ${done.toLocaleString('en-US')} of ${options.total.toLocaleString('en-US')} cases seeded`);
        }
      }),
    ),
  );
  options.progress('B3: VACUUM ANALYZE');
  // Index-only scans need the visibility map, the planner needs statistics: as autovacuum would leave them.
  await db.asOwner((owner) => owner.exec('VACUUM ANALYZE'));
  const tenant = platform.tenants[0]!;
  return { platform, tenant, staffIds: staff.get(tenant.id)!, counts: new Map(platform.tenants.map((t, i) => [t.slug, shares[i]!])) };
}
