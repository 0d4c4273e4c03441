/**
 * A municipality's area for traffic orders (tables `traffic_areas`, `traffic_streets`): its role
 * as road traffic authority, who is competent for the rest, its boundary and its classified
 * roads. Typed street names are matched by a key that ignores case, spaces, dashes, dots and the
 * spelling of "Straße" ("Bahnhofstr." = "Bahnhof-Straße" = "bahnhofstrasse").
 */
import type { Trx } from '../../platform/db/database.js';
import type { RoadClass } from '../../platform/db/schema.js';

/** Who applicants are sent to for what the municipality does not decide. */
export interface HigherAuthority {
  name: string;
  unit?: string;
  street: string;
  postalCode: string;
  town: string;
  phone?: string;
  website?: string;
}

export interface StreetEntry {
  name: string;
  locality: string | null;
  roadClass: RoadClass;
  roadRef: string | null;
  carriagewayWidthM: number | null;
  busRoute: boolean;
  confirmed: boolean;
}

export interface TrafficArea {
  /** 'local': § 45 StVO on municipal roads only; 'lower': all roads in the area (Große Kreisstadt). */
  authorityRole: 'local' | 'lower';
  higherAuthority: HigherAuthority;
  boundary: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } | null;
  boundaryConfirmed: boolean;
  unconfirmedFacts: string[];
}

/** The key a street name is matched by. */
export function streetKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFC')
    .replace(/ß/g, 'ss')
    .replace(/str\.(?=\s|$|-)/g, 'strasse')
    .replace(/str$/g, 'strasse')
    .replace(/[\s.\-–'’]/g, '');
}

/** A road number such as "B 6", "S11", "K 8310" in one spelling ("b6", "s11", "k8310"), or undefined. */
export function roadRefKey(text: string): string | undefined {
  const m = /^\s*([BSKbsk])\s*(\d{1,5})\s*$/.exec(text);
  return m ? `${m[1]!.toLowerCase()}${m[2]}` : undefined;
}

/** The tenant's area, or undefined when none is recorded (then every street is presumed the tenant's). */
export async function loadTrafficArea(trx: Trx, tenantId: string): Promise<TrafficArea | undefined> {
  const row = await trx.selectFrom('traffic_areas').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return undefined;
  return {
    authorityRole: row.authority_role,
    higherAuthority: row.higher_authority as unknown as HigherAuthority,
    boundary: (row.boundary as TrafficArea['boundary']) ?? null,
    boundaryConfirmed: row.boundary_confirmed,
    unconfirmedFacts: row.unconfirmed_facts,
  };
}

/** The road-list entries a typed street name (or road number) matches. */
export async function findStreets(trx: Trx, tenantId: string, typed: string): Promise<StreetEntry[]> {
  const refKey = roadRefKey(typed);
  const rows = await trx
    .selectFrom('traffic_streets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('name_key', 'in', refKey ? [streetKey(typed), refKey] : [streetKey(typed)])
    .execute();
  return rows.map((r) => ({
    name: r.name,
    locality: r.locality,
    roadClass: r.road_class,
    roadRef: r.road_ref,
    carriagewayWidthM: r.carriageway_width_m === null ? null : Number(r.carriageway_width_m),
    busRoute: r.bus_route,
    confirmed: r.confirmed,
  }));
}
