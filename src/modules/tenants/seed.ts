/**
 * First-start seed: the service catalogue, the five founding municipalities with their legal
 * pages, a welcome news item, and (outside production) demo staff accounts with random
 * passwords. Safe to run again: what exists is left alone.
 */
import type { Database } from '../../platform/db/database.js';
import { generatePassword } from '../../platform/auth/passwords.js';
import { createStaffUser } from '../../platform/auth/staff-users.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { CATALOG_SERVICES, FOUNDING_MUNICIPALITIES, type MunicipalitySeed } from './founding-municipalities.js';
import { legalPagesFor, platformLegalPages } from './legal-pages.js';
import { offerGewerbeOnline, seedGewerbeSettings } from '../../services/gewerbe/seed-settings.js';
import { seedTrafficAreas } from '../../services/verkehr/area-seed.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: StaffRole | 'operator';
  tenantSlug: string | null;
}

export interface SeedResult {
  createdTenants: string[];
  demoAccounts: DemoAccount[];
}

/** Creates a municipality with its catalogue entries and legal pages; returns its id. */
export async function createTenant(db: Database, m: MunicipalitySeed): Promise<string> {
  const id = await db.transaction(async (trx) => {
    const row = await trx
      .insertInto('tenants')
      .values({
        slug: m.slug,
        official_name: m.officialName,
        short_name: m.shortName,
        reference_code: m.referenceCode,
        register_name: m.registerName,
        status_kind: m.statusKind,
        ags: m.ags,
        ars: m.ars,
        district: m.district,
        street: m.street,
        postal_code: m.postalCode,
        town: m.town,
        phone: m.phone,
        website: m.website,
        unconfirmed_facts: m.unconfirmedFacts,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const s of CATALOG_SERVICES) {
      await trx.insertInto('tenant_services').values({ tenant_id: row.id, service_id: s.id, status: 'planned', planned_for: null }).execute();
    }
    return row.id;
  });
  const pages = legalPagesFor(m);
  await db.withTenant(id, async (trx) => {
    for (const kind of ['imprint', 'privacy', 'accessibility'] as const) {
      await trx.insertInto('tenant_pages').values({ tenant_id: id, kind, content: JSON.stringify(pages[kind]) }).execute();
    }
  });
  return id;
}

/** Seeds what is missing. `demoStaff` adds one caseworker and one admin per new municipality and an operator. */
export async function seedPlatform(db: Database, opts: { demoStaff: boolean }): Promise<SeedResult> {
  await db.transaction(async (trx) => {
    for (const s of CATALOG_SERVICES) {
      await trx
        .insertInto('catalog_services')
        .values({ id: s.id, leika_key: s.leikaKey, name: JSON.stringify(s.name), summary: JSON.stringify(s.summary), topic: s.topic, sort_order: s.sortOrder })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    const pages = platformLegalPages();
    for (const kind of ['imprint', 'privacy', 'accessibility'] as const) {
      await trx
        .insertInto('platform_pages')
        .values({ kind, content: JSON.stringify(pages[kind]) })
        .onConflict((oc) => oc.column('kind').doNothing())
        .execute();
    }
  });

  const existing = new Set((await db.kysely.selectFrom('tenants').select('slug').execute()).map((r) => r.slug));
  const result: SeedResult = { createdTenants: [], demoAccounts: [] };
  for (const m of FOUNDING_MUNICIPALITIES) {
    if (existing.has(m.slug)) continue;
    const tenantId = await createTenant(db, m);
    // The Gewerbe procedures ship: the founding municipalities offer them online from the start.
    await offerGewerbeOnline(db, tenantId);
    result.createdTenants.push(m.slug);
    if (opts.demoStaff) {
      for (const [local, role, name] of [
        ['sachbearbeitung', 'caseworker', `Sachbearbeitung ${m.shortName}`],
        ['verwaltung', 'tenant-admin', `Verwaltung ${m.shortName}`],
      ] as const) {
        const password = generatePassword();
        const email = `${local}@${m.slug}.example`;
        await createStaffUser(db, { email, displayName: name, password, memberships: [{ tenantId, role }] });
        result.demoAccounts.push({ email, password, role, tenantSlug: m.slug });
      }
    }
  }

  // Also for data dirs seeded before the traffic-order procedure shipped: its areas and the online switch, once per town.
  await seedTrafficAreas(db);

  if (result.createdTenants.length > 0) {
    const newsCount = await db.kysely.selectFrom('platform_news').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(newsCount.n) === 0) {
      await db.kysely
        .insertInto('platform_news')
        .values({
          published_on: '2026-11-02',
          title: JSON.stringify({ de: 'Fünf Kommunen starten mit Rathaus Cloud', en: 'Five municipalities start with Rathaus Cloud' }),
          body: JSON.stringify({
            de: 'Wurzen, Bennewitz, Lossatal, Thallwitz und Augustusburg bringen als erste Kommunen ihre Gewerbeanzeige und verkehrsrechtliche Anordnungen online.',
            en: 'Wurzen, Bennewitz, Lossatal, Thallwitz and Augustusburg are the first municipalities to bring trade notifications and traffic orders online.',
          }),
        })
        .execute();
    }
  }

  await seedGewerbeSettings(db, new Date());

  if (opts.demoStaff) {
    const operator = await db.kysely.selectFrom('staff_users').select('id').where('is_operator', '=', true).executeTakeFirst();
    if (!operator) {
      const password = generatePassword();
      const email = 'betrieb@rathaus.example';
      await createStaffUser(db, { email, displayName: 'Plattformbetrieb', password, isOperator: true });
      result.demoAccounts.push({ email, password, role: 'operator', tenantSlug: null });
    }
  }
  return result;
}
