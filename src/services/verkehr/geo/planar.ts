/**
 * Plane geometry in metres for the conflict check and the area test: a shape is a list of parts,
 * each a point, a line (open chain) or a ring (closed polygon boundary). The distance of two
 * shapes is 0 when they touch, cross or one lies inside the other.
 */
import type { GeoJsonGeometry } from '../../../definitions/core/geo.js';
import { toUtm33, type Metres } from './utm.js';

/** A shape in metres: points, chains and rings (the first ring of a polygon is its outline). */
export interface PlanarShape {
  points: Metres[];
  chains: Metres[][];
  rings: Metres[][];
}

/** Projects a GeoJSON geometry (WGS84) onto UTM 33 metres. */
export function projectGeometry(geometry: GeoJsonGeometry): PlanarShape {
  const coords = geometry.coordinates as unknown;
  if (geometry.type === 'Point') return { points: [toUtm33(coords as number[])], chains: [], rings: [] };
  if (geometry.type === 'LineString') return { points: [], chains: [(coords as number[][]).map(toUtm33)], rings: [] };
  // Only the outline counts for a traffic order's footprint; holes would be a drawing mistake.
  return { points: [], chains: [], rings: [((coords as number[][][])[0] ?? []).map(toUtm33)] };
}

/** The bounding box [minX, minY, maxX, maxY] of a shape. */
export function boundsOf(shape: PlanarShape): [number, number, number, number] {
  const all = [...shape.points, ...shape.chains.flat(), ...shape.rings.flat()];
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function segmentsOf(shape: PlanarShape): [Metres, Metres][] {
  const segments: [Metres, Metres][] = shape.points.map((p) => [p, p]);
  for (const chain of [...shape.chains, ...shape.rings]) {
    for (let i = 1; i < chain.length; i++) segments.push([chain[i - 1]!, chain[i]!]);
    if (chain.length === 1) segments.push([chain[0]!, chain[0]!]);
  }
  return segments;
}

function pointSegmentDistance(p: Metres, [a, b]: [Metres, Metres]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function cross(o: Metres, a: Metres, b: Metres): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function segmentsCross([a, b]: [Metres, Metres], [c, d]: [Metres, Metres]): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function segmentDistance(s: [Metres, Metres], t: [Metres, Metres]): number {
  if (segmentsCross(s, t)) return 0;
  return Math.min(pointSegmentDistance(s[0], t), pointSegmentDistance(s[1], t), pointSegmentDistance(t[0], s), pointSegmentDistance(t[1], s));
}

/** True when a point lies inside a ring (even-odd rule; points on the edge count as inside by distance elsewhere). */
export function pointInRing(p: readonly number[], ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > p[1]! !== yj > p[1]! && p[0]! < ((xj - xi) * (p[1]! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function anyVertexInside(shape: PlanarShape, other: PlanarShape): boolean {
  const vertices = [...shape.points, ...shape.chains.flat(), ...shape.rings.flat()];
  return other.rings.some((ring) => vertices.some((v) => pointInRing(v, ring)));
}

/** The least distance in metres between two shapes (0 when they meet or one contains the other). */
export function shapeDistance(a: PlanarShape, b: PlanarShape): number {
  if (anyVertexInside(a, b) || anyVertexInside(b, a)) return 0;
  let best = Infinity;
  const sb = segmentsOf(b);
  for (const s of segmentsOf(a)) {
    for (const t of sb) {
      best = Math.min(best, segmentDistance(s, t));
      if (best === 0) return 0;
    }
  }
  return best;
}

/** True when every position of a WGS84 geometry lies inside a GeoJSON Polygon or MultiPolygon (its outlines). */
export function geometryInsideArea(geometry: GeoJsonGeometry, area: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }): boolean {
  const polygons = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates) as number[][][][];
  const coords = geometry.coordinates as unknown;
  const positions: number[][] =
    geometry.type === 'Point' ? [coords as number[]] : geometry.type === 'LineString' ? (coords as number[][]) : ((coords as number[][][])[0] ?? []);
  return positions.every((p) => polygons.some((polygon) => pointInRing(p, polygon[0] ?? []) && !polygon.slice(1).some((hole) => pointInRing(p, hole))));
}
