/**
 * The municipality's area on the traffic maps (the form's drawing map, the public map): its
 * boundary from `traffic_areas`. The seeded boundaries are rough, unconfirmed boxes, which is
 * still the right place to open a map on.
 */
import type { Trx } from '../../platform/db/database.js';
import { boundsOf, type MapArea } from '../../platform/maps/map-area.js';
import { loadTrafficArea } from './traffic-area.js';

/** The area, or undefined when the municipality has recorded no boundary. */
export async function trafficMapArea(trx: Trx, tenantId: string): Promise<MapArea | undefined> {
  const boundary = (await loadTrafficArea(trx, tenantId))?.boundary;
  const bounds = boundary ? boundsOf(boundary) : undefined;
  return boundary && bounds ? { bounds, boundary } : undefined;
}
