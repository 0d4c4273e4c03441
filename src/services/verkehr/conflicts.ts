/**
 * Conflicts in space and time between traffic orders (verkehr.md § 4.4). Every application's
 * footprint is kept in `traffic_orders`: the time from the set-up of the signs to their removal
 * (not only the validity) as a daterange, and the place as a box and shape in UTM metres when it
 * was drawn, else as street, house numbers and side. A new application conflicts with an order
 * in force when their times overlap and their places lie within the tenant's buffer of each other
 * (drawn) or share street, side and house numbers (typed).
 *
 * The search narrows by plain comparisons of dates and of the box's stored bounds (index
 * conditions under row-level security, migration 0014), then the exact distance in metres decides.
 */
import { sql } from 'kysely';
import type { GeoJsonGeometry } from '../../definitions/core/geo.js';
import { addDays, type CalendarDate } from '../../platform/calendar/calendar-date.js';
import type { WorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import type { Trx } from '../../platform/db/database.js';
import { boundsOf, projectGeometry, shapeDistance, type PlanarShape } from './geo/planar.js';
import { latestSetupDate } from './lead-times.js';
import { streetKey } from './traffic-area.js';
import { houseNumberValue, type TrafficApplication } from './traffic-application.js';
import type { TrafficSettings } from './traffic-settings.js';

/** Workflow states in which an order occupies the road (while an extension is decided or an overrun is flagged, the signs still stand). */
export const IN_FORCE_STATES = ['approved', 'extension-requested', 'overrun'] as const;

export interface Footprint {
  caseType: TrafficApplication['caseType'];
  street: string;
  streetKey: string;
  houseFrom: number | null;
  houseTo: number | null;
  side: 'even' | 'odd' | 'both' | null;
  /** From the set-up of the signs to their removal, both days included. */
  occupied: { from: CalendarDate; to: CalendarDate };
  valid: { from: CalendarDate; to: CalendarDate };
  shape: PlanarShape | null;
  /** The drawing in WGS84, for the public map and feeds. */
  geometry: GeoJsonGeometry | null;
}

/** A conflicting order: which case, where and when, and whether the overlap is certain or only possible. */
export interface Conflict {
  caseId: string;
  reference: string;
  street: string;
  houseFrom: number | null;
  houseTo: number | null;
  occupied: { from: CalendarDate; to: CalendarDate };
  certainty: 'overlap' | 'possible';
  distanceMeters?: number;
}

/** The footprint of an application with a period; the signs go up by the latest set-up day and come down the day after the end. */
export function footprintOf(app: TrafficApplication, settings: TrafficSettings, calendar: WorkingDayCalendar): Footprint | undefined {
  if (!app.period) return undefined;
  const from = app.includesNoParking ? latestSetupDate(app.period.from, settings, calendar) : app.period.from;
  const houseFrom = houseNumberValue(app.location.houseNumberFrom) ?? null;
  return {
    caseType: app.caseType,
    street: app.location.street,
    streetKey: streetKey(app.location.street),
    houseFrom,
    houseTo: houseNumberValue(app.location.houseNumberTo) ?? houseFrom,
    side: app.location.side ?? null,
    occupied: { from, to: addDays(app.period.to, 1) },
    valid: { ...app.period },
    shape: app.location.geometry ? projectGeometry(app.location.geometry) : null,
    geometry: app.location.geometry ?? null,
  };
}

const range = (r: { from: string; to: string }) => sql<string>`daterange(${r.from}::date, ${r.to}::date, '[]')`;
const box = (b: readonly number[]) => sql<string>`box(point(${b[0]}, ${b[1]}), point(${b[2]}, ${b[3]}))`;

/** Stores (or refreshes) the footprint of a case, so later applications are checked against it. */
export async function recordFootprint(trx: Trx, tenantId: string, caseId: string, reference: string, fp: Footprint, now: Date): Promise<void> {
  const values = {
    reference,
    case_type: fp.caseType,
    street: fp.street,
    street_key: fp.streetKey,
    house_from: fp.houseFrom,
    house_to: fp.houseTo,
    side: fp.side,
    occupied: range(fp.occupied),
    occupied_from: fp.occupied.from,
    occupied_to: fp.occupied.to,
    valid: range(fp.valid),
    footprint: fp.shape ? box(boundsOf(fp.shape)) : null,
    shape: fp.shape ? JSON.stringify(fp.shape) : null,
    geometry: fp.geometry ? JSON.stringify(fp.geometry) : null,
    updated_at: now,
  };
  await trx
    .insertInto('traffic_orders')
    .values({ tenant_id: tenantId, case_id: caseId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doUpdateSet(values))
    .execute();
}

const sidesMeet = (a: Footprint['side'], b: Footprint['side']) => a === null || b === null || a === 'both' || b === 'both' || a === b;

/** The exact test of one candidate: distance in metres when both were drawn, else street, side and house numbers. */
export function compareFootprints(fp: Footprint, other: Omit<Footprint, 'caseType' | 'valid' | 'geometry'>, bufferMeters: number): { certainty: 'overlap' | 'possible'; distanceMeters?: number } | undefined {
  if (fp.shape && other.shape) {
    const distance = shapeDistance(fp.shape, other.shape);
    return distance <= bufferMeters ? { certainty: 'overlap', distanceMeters: Math.round(distance) } : undefined;
  }
  if (fp.streetKey !== other.streetKey || !sidesMeet(fp.side, other.side)) return undefined;
  if (fp.houseFrom === null || other.houseFrom === null) return { certainty: 'possible' };
  const overlaps = fp.houseFrom <= (other.houseTo ?? other.houseFrom) && other.houseFrom <= (fp.houseTo ?? fp.houseFrom);
  return overlaps ? { certainty: 'overlap' } : undefined;
}

/** The SQL of the candidates for a footprint's conflicts (exported so the plan test and benchmark B4 can EXPLAIN exactly what runs). */
export function conflictCandidatesQuery(trx: Trx, tenantId: string, caseId: string, fp: Footprint, bufferMeters: number) {
  const b = fp.shape ? boundsOf(fp.shape) : null;
  const search = b ? [b[0] - bufferMeters, b[1] - bufferMeters, b[2] + bufferMeters, b[3] + bufferMeters] : null;
  return trx
    .selectFrom('traffic_orders as o')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'o.tenant_id').onRef('c.id', '=', 'o.case_id'))
    .select(['o.case_id', 'o.reference', 'o.street', 'o.street_key', 'o.house_from', 'o.house_to', 'o.side', 'o.occupied_from', 'o.occupied_to', 'o.shape'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.case_id', '!=', caseId)
    .where('c.state', 'in', [...IN_FORCE_STATES])
    .where('o.occupied_to', '>=', fp.occupied.from)
    .where('o.occupied_from', '<=', fp.occupied.to)
    .where(sql<boolean>`o.occupied && ${range(fp.occupied)}`)
    .where((eb) => {
      const sameStreet = eb('o.street_key', '=', fp.streetKey);
      if (!search) return sameStreet;
      // The box overlap as comparisons of the stored bounds: leakproof, so the index of
      // migration 0014 serves it under row-level security (`&&` would be a filter on every row).
      const [minX, minY, maxX, maxY] = search as [number, number, number, number];
      const boxesMeet = eb.and([eb('o.footprint_max_x', '>=', minX), eb('o.footprint_min_x', '<=', maxX), eb('o.footprint_max_y', '>=', minY), eb('o.footprint_min_y', '<=', maxY)]);
      return eb.or([sameStreet, boxesMeet]);
    })
    .orderBy('o.occupied_from');
}

/** Orders in force that conflict with a footprint (the case itself excluded). */
export async function findConflicts(trx: Trx, tenantId: string, caseId: string, fp: Footprint, bufferMeters: number): Promise<Conflict[]> {
  const rows = await conflictCandidatesQuery(trx, tenantId, caseId, fp, bufferMeters).execute();
  const conflicts: Conflict[] = [];
  for (const r of rows) {
    const other = {
      street: r.street,
      streetKey: r.street_key,
      houseFrom: r.house_from,
      houseTo: r.house_to,
      side: r.side,
      occupied: { from: r.occupied_from, to: r.occupied_to },
      shape: (r.shape as unknown as PlanarShape | null) ?? null,
    };
    const found = compareFootprints(fp, other, bufferMeters);
    if (found) conflicts.push({ caseId: r.case_id, reference: r.reference, street: r.street, houseFrom: r.house_from, houseTo: r.house_to, occupied: other.occupied, ...found });
  }
  return conflicts;
}
