/**
 * The platform part of the benchmark seeds (B3, B4): the founding municipalities as the app seeds
 * them (`seedPlatform`), optionally the thirteen extra towns of B3 (`createTenant`, the same
 * function `rathaus tenant create` uses), the published service versions (`publishServiceVersions`,
 * as `createApp` does at start) and staff accounts inserted in one statement per town.
 */
import { randomBytes } from 'node:crypto';
import { publishServiceVersions } from '../../src/definitions/service-package.js';
import { createTenant, seedPlatform } from '../../src/modules/tenants/seed.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import type { Database } from '../../src/platform/db/database.js';
import { allServicePackages } from '../../src/service-packages.js';
import { extraBenchTowns } from './b3-tenants.js';

export interface BenchTenant {
  id: string;
  slug: string;
  referenceCode: string;
}

/** A service as the seeds need it: its current version, reference code and rule ids. */
export interface BenchService {
  id: string;
  version: number;
  referenceCode: string;
  rules: string[];
}

export interface BenchPlatform {
  /** Wurzen first (the largest town of the seeds, the one measured), then the others. */
  tenants: BenchTenant[];
  services: Map<string, BenchService>;
}

/** Seeds the platform as the app does and returns its tenants and services. */
export async function prepareBenchPlatform(db: Database, options: { extraTowns: boolean }): Promise<BenchPlatform> {
  await seedPlatform(db, { demoStaff: false });
  if (options.extraTowns) for (const town of extraBenchTowns()) await createTenant(db, town);
  const packages = allServicePackages();
  await db.transaction((trx) => publishServiceVersions(trx, packages));

  const rows = await db.kysely.selectFrom('tenants').select(['id', 'slug', 'reference_code']).orderBy('created_at').orderBy('slug').execute();
  const tenants = rows.map((r) => ({ id: r.id, slug: r.slug, referenceCode: r.reference_code ?? r.slug.slice(0, 3).toUpperCase() }));
  tenants.sort((a, b) => Number(b.slug === 'wurzen') - Number(a.slug === 'wurzen'));

  const services = new Map<string, BenchService>();
  for (const p of packages.list()) {
    const version = Math.max(...p.definitions.map((d) => d.version));
    const rules = p.ruleSetFor?.(version)?.rules.map((e) => e.rule.id) ?? [];
    services.set(p.id, { id: p.id, version, referenceCode: p.referenceCode, rules });
  }
  return { tenants, services };
}

/**
 * Adds `count` caseworkers to a town in one statement and returns their ids. They share one
 * argon2 hash of a random password nobody knows: the benchmark never signs in, and hashing
 * dozens of passwords would cost more than the rest of the seed.
 */
export async function seedCaseworkers(db: Database, tenant: BenchTenant, count: number, passwordHash: string): Promise<string[]> {
  return db.asOwner(async (owner) => {
    const { rows } = await owner.query<{ id: string }>(
      `WITH users AS (
         INSERT INTO staff_users (email, display_name, password_hash)
         SELECT 'sachbearbeitung' || i || '@' || $1 || '.example', 'Sachbearbeitung ' || i || ' ' || $2, $3
         FROM generate_series(1, $4::int) AS i
         RETURNING id
       ), memberships AS (
         INSERT INTO staff_memberships (tenant_id, user_id, role) SELECT $5::uuid, id, 'caseworker' FROM users
       )
       SELECT id FROM users`,
      [tenant.slug, tenant.referenceCode, passwordHash, count, tenant.id],
    );
    return rows.map((r) => r.id);
  });
}

/** One argon2 hash of a random password, for {@link seedCaseworkers}. */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(24).toString('base64url'));
}
