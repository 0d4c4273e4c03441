/**
 * GeoJSON geometry checks for the `geometry` field: WGS84 positions ([longitude, latitude],
 * RFC 7946 order), the shapes a traffic order needs (Point, LineString, Polygon), vertex limits
 * and an optional bounding box (the municipality's area), plus a length estimate for lines.
 */
import { isPlainObject, type JsonObject } from './json.js';

/** The geometry kinds the field supports. */
export type GeometryKind = 'Point' | 'LineString' | 'Polygon';

/** A GeoJSON geometry of a supported kind. */
export interface GeoJsonGeometry extends JsonObject {
  type: GeometryKind;
}

/** What is wrong with a geometry, if anything. */
export type GeometryProblem = 'invalid' | 'kind' | 'vertices' | 'bounds';

/** Limits a geometry must keep. */
export interface GeometryLimits {
  kinds: readonly GeometryKind[];
  maxVertices: number;
  /** [west, south, east, north] in degrees. */
  bounds?: readonly [number, number, number, number];
}

type Position = [number, number] | [number, number, number];

function isPosition(value: unknown): value is Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) return false;
  const [lon, lat] = value as number[];
  return lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90;
}

function positionsOf(type: GeometryKind, coordinates: unknown): Position[] | undefined {
  if (type === 'Point') return isPosition(coordinates) ? [coordinates] : undefined;
  if (!Array.isArray(coordinates)) return undefined;
  if (type === 'LineString') return coordinates.length >= 2 && coordinates.every(isPosition) ? (coordinates as Position[]) : undefined;
  const rings = coordinates as unknown[];
  if (rings.length === 0) return undefined;
  const all: Position[] = [];
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return undefined;
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) return undefined;
    all.push(...(ring as Position[]));
  }
  return all;
}

/** Checks a geometry; returns the first problem or the typed geometry. */
export function checkGeometry(value: unknown, limits: GeometryLimits): { geometry?: GeoJsonGeometry; problem?: GeometryProblem } {
  if (!isPlainObject(value) || Object.keys(value).some((k) => k !== 'type' && k !== 'coordinates')) return { problem: 'invalid' };
  const type = value.type;
  if (type !== 'Point' && type !== 'LineString' && type !== 'Polygon') return { problem: 'invalid' };
  if (!limits.kinds.includes(type)) return { problem: 'kind' };
  const positions = positionsOf(type, value.coordinates);
  if (!positions) return { problem: 'invalid' };
  if (positions.length > limits.maxVertices) return { problem: 'vertices' };
  const b = limits.bounds;
  if (b && positions.some(([lon, lat]) => lon < b[0] || lat < b[1] || lon > b[2] || lat > b[3])) return { problem: 'bounds' };
  return { geometry: value as GeoJsonGeometry };
}

/** Great-circle distance in metres between two WGS84 positions. */
export function distanceMetres(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Length of a line in metres (0 for other kinds). */
export function lineLengthMetres(geometry: GeoJsonGeometry): number {
  if (geometry.type !== 'LineString' || !Array.isArray(geometry.coordinates)) return 0;
  const points = geometry.coordinates as number[][];
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distanceMetres(points[i - 1]!, points[i]!);
  return total;
}

/** The JSON Schema of the allowed geometries (vertex total and bounds are checked by validation). */
export function geometrySchema(kinds: readonly GeometryKind[], maxVertices: number): JsonObject {
  const position: JsonObject = {
    type: 'array',
    minItems: 2,
    maxItems: 3,
    prefixItems: [
      { type: 'number', minimum: -180, maximum: 180 },
      { type: 'number', minimum: -90, maximum: 90 },
    ],
    // An optional third number is the altitude.
    items: { type: 'number' },
  };
  const shapes: Record<GeometryKind, JsonObject> = {
    Point: { type: 'object', properties: { type: { const: 'Point' }, coordinates: position }, required: ['type', 'coordinates'], additionalProperties: false },
    LineString: {
      type: 'object',
      properties: { type: { const: 'LineString' }, coordinates: { type: 'array', minItems: 2, maxItems: maxVertices, items: position } },
      required: ['type', 'coordinates'],
      additionalProperties: false,
    },
    Polygon: {
      type: 'object',
      properties: {
        type: { const: 'Polygon' },
        coordinates: { type: 'array', minItems: 1, items: { type: 'array', minItems: 4, maxItems: maxVertices, items: position } },
      },
      required: ['type', 'coordinates'],
      additionalProperties: false,
    },
  };
  return { oneOf: kinds.map((k) => shapes[k]) };
}
