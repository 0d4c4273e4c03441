/**
 * Where a municipality's maps open: its boundary when the procedure knows it, as the box around
 * it and the outline to draw. Handed to the page as JSON in a data attribute (no inline script).
 */

/** [west, south, east, north] in degrees (WGS84). */
export type Bounds = [number, number, number, number];

/** A municipality's area on the map. */
export interface MapArea {
  bounds: Bounds;
  /** The boundary (GeoJSON Polygon or MultiPolygon), drawn as an outline. */
  boundary?: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** The box around every position of a GeoJSON geometry, or undefined when it has none. */
export function boundsOf(geometry: { coordinates: unknown }): Bounds | undefined {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (node: unknown): void => {
    if (!Array.isArray(node)) return;
    if (typeof node[0] === 'number' && typeof node[1] === 'number') {
      box[0] = Math.min(box[0], node[0]);
      box[1] = Math.min(box[1], node[1]);
      box[2] = Math.max(box[2], node[0]);
      box[3] = Math.max(box[3], node[1]);
      return;
    }
    node.forEach(visit);
  };
  visit(geometry.coordinates);
  return Number.isFinite(box[0]) ? box : undefined;
}
