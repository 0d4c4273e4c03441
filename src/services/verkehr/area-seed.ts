/**
 * Seed data for the traffic-order areas of the five founding municipalities (tenants.md § 2.4,
 * verkehr.md § 1.3) and the step that switches the procedure online for them.
 *
 * What is certain is marked so; everything else is listed in `unconfirmed_facts` for the office to
 * confirm: the boundaries are rough boxes around each municipality (places outside them are only
 * flagged, never refused), and the road lists hold only the classified roads known from public
 * sources. Streets not listed are presumed municipal.
 */
import type { Database } from '../../platform/db/database.js';
import type { RoadClass } from '../../platform/db/schema.js';
import type { HigherAuthority } from './traffic-area.js';
import { streetKey } from './traffic-area.js';
import { TRAFFIC_SERVICE_ID } from './traffic-settings.js';

const LRA_LEIPZIG: HigherAuthority = {
  name: 'Landratsamt Landkreis Leipzig',
  unit: 'Sachgebiet Straßenverkehrsbehörde',
  street: 'Stauffenbergstraße 4 (Haus 6)',
  postalCode: '04552',
  town: 'Borna',
  phone: '03433 241-2040',
};

const LRA_MITTELSACHSEN: HigherAuthority = {
  name: 'Landratsamt Mittelsachsen',
  unit: 'Referat Straßenverkehr und Sport',
  street: 'Frauensteiner Straße 43',
  postalCode: '09599',
  town: 'Freiberg',
};

interface StreetSeed {
  name: string;
  roadClass: RoadClass;
  roadRef: string | null;
  confirmed: boolean;
  source: string;
}

export interface TrafficAreaSeed {
  slug: string;
  authorityRole: 'local' | 'lower';
  higherAuthority: HigherAuthority;
  /** [west, south, east, north], a rough box around the municipality. */
  box: [number, number, number, number];
  streets: StreetSeed[];
  unconfirmedFacts: string[];
}

const numbered = (ref: string, roadClass: RoadClass, source: string): StreetSeed => ({ name: ref, roadClass, roadRef: ref, confirmed: true, source });
const PRESS_B6 = 'medienportal-grimma.de/42255 (LASuV, B 6 / S 11 Wurzen, detour via B 107, S 20, K 8310)';

export const TRAFFIC_AREA_SEEDS: readonly TrafficAreaSeed[] = [
  {
    slug: 'wurzen',
    authorityRole: 'lower',
    higherAuthority: LRA_LEIPZIG,
    box: [12.62, 51.3, 12.88, 51.45],
    streets: [
      numbered('B 6', 'bundesstrasse', PRESS_B6),
      numbered('S 11', 'staatsstrasse', PRESS_B6),
      numbered('S 23', 'staatsstrasse', PRESS_B6),
      { name: 'Beethovenstraße', roadClass: 'bundesstrasse', roadRef: 'B 6', confirmed: false, source: PRESS_B6 },
      { name: 'Bahnhofstraße', roadClass: 'staatsstrasse', roadRef: 'S 11', confirmed: false, source: PRESS_B6 },
      { name: 'Goethestraße', roadClass: 'staatsstrasse', roadRef: 'S 23', confirmed: false, source: PRESS_B6 },
    ],
    unconfirmedFacts: ['boundary', 'streets', 'department'],
  },
  {
    slug: 'bennewitz',
    authorityRole: 'local',
    higherAuthority: LRA_LEIPZIG,
    box: [12.6, 51.3, 12.8, 51.42],
    streets: [numbered('B 6', 'bundesstrasse', 'lvz.de 2017-11-07 (B 6 in Deuben, Gemeinde Bennewitz)'), numbered('B 107', 'bundesstrasse', PRESS_B6)],
    unconfirmedFacts: ['boundary', 'streets'],
  },
  {
    slug: 'lossatal',
    authorityRole: 'local',
    higherAuthority: LRA_LEIPZIG,
    box: [12.76, 51.33, 13.02, 51.48],
    streets: [],
    unconfirmedFacts: ['boundary', 'streets'],
  },
  {
    slug: 'thallwitz',
    authorityRole: 'local',
    higherAuthority: LRA_LEIPZIG,
    box: [12.58, 51.39, 12.78, 51.49],
    streets: [numbered('S 20', 'staatsstrasse', PRESS_B6), numbered('K 8310', 'kreisstrasse', PRESS_B6)],
    unconfirmedFacts: ['boundary', 'streets'],
  },
  {
    slug: 'augustusburg',
    authorityRole: 'local',
    higherAuthority: LRA_MITTELSACHSEN,
    box: [13.02, 50.77, 13.2, 50.86],
    streets: [],
    unconfirmedFacts: ['boundary', 'streets', 'higherAuthority.phone'],
  },
];

/** A box as a GeoJSON polygon. */
export function boxPolygon([w, s, e, n]: readonly number[]): { type: 'Polygon'; coordinates: number[][][] } {
  return { type: 'Polygon', coordinates: [[[w!, s!], [e!, s!], [e!, n!], [w!, n!], [w!, s!]]] };
}

/**
 * Records the area of each founding municipality that has none yet and, for exactly those, switches
 * the procedure online (so an office that later sets it back to planned is not overruled by the
 * next start). Runs on every seed; returns the slugs it set up.
 */
export async function seedTrafficAreas(db: Database, seeds: readonly TrafficAreaSeed[] = TRAFFIC_AREA_SEEDS): Promise<string[]> {
  const done: string[] = [];
  for (const seed of seeds) {
    const tenant = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', seed.slug).executeTakeFirst();
    if (!tenant) continue;
    const created = await db.withTenant(tenant.id, async (trx) => {
      const row = await trx
        .insertInto('traffic_areas')
        .values({
          tenant_id: tenant.id,
          authority_role: seed.authorityRole,
          higher_authority: JSON.stringify(seed.higherAuthority),
          boundary: JSON.stringify(boxPolygon(seed.box)),
          boundary_confirmed: false,
          unconfirmed_facts: seed.unconfirmedFacts,
          source: 'tenants.md § 2.4, verkehr.md § 1.3 (seed)',
        })
        .onConflict((oc) => oc.column('tenant_id').doNothing())
        .returning('tenant_id')
        .executeTakeFirst();
      if (!row) return false;
      for (const s of seed.streets) {
        await trx
          .insertInto('traffic_streets')
          .values({ tenant_id: tenant.id, name: s.name, name_key: streetKey(s.name), road_class: s.roadClass, road_ref: s.roadRef, confirmed: s.confirmed, source: s.source })
          .execute();
      }
      await trx
        .updateTable('tenant_services')
        .set({ status: 'online', planned_for: null })
        .where('tenant_id', '=', tenant.id)
        .where('service_id', '=', TRAFFIC_SERVICE_ID)
        .execute();
      return true;
    });
    if (created) done.push(seed.slug);
  }
  return done;
}
