/**
 * Seeds the Gewerbe settings of the founding municipalities (their area for the competence
 * check, from `data/founding-areas.json`) where a municipality has none yet, and offers the three
 * services online in a municipality the seed has just created. Safe to run on every start: what
 * exists is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../platform/db/database.js';
import { GEWERBE_SERVICE_IDS } from './service-ids.js';
import { saveGewerbeSettings } from './settings.js';

interface FoundingAreas {
  areas: Record<string, [string, string][]>;
}

function foundingAreas(): FoundingAreas {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'data', 'founding-areas.json'), 'utf8')) as FoundingAreas;
}

/** Stores the seed area of each founding municipality that has no Gewerbe settings yet. */
export async function seedGewerbeSettings(db: Database, now: Date): Promise<void> {
  const { areas } = foundingAreas();
  const tenants = await db.kysely.selectFrom('tenants').select(['id', 'slug']).where('slug', 'in', Object.keys(areas)).execute();
  for (const t of tenants) {
    await db.withTenant(t.id, async (trx) => {
      const existing = await trx.selectFrom('gewerbe_settings').select('tenant_id').where('tenant_id', '=', t.id).executeTakeFirst();
      if (existing) return;
      await saveGewerbeSettings(trx, t.id, { area: { places: areas[t.slug]!.map(([postalCode, town]) => ({ postalCode, town })) } }, now);
    });
  }
}

/** Offers the Gewerbe services online in a municipality (the seed calls it for founding municipalities it creates). */
export async function offerGewerbeOnline(db: Database, tenantId: string): Promise<void> {
  await db.kysely
    .updateTable('tenant_services')
    .set({ status: 'online', planned_for: null })
    .where('tenant_id', '=', tenantId)
    .where('service_id', 'in', [...GEWERBE_SERVICE_IDS])
    .execute();
}
