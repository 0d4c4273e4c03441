/**
 * WGS84 longitude/latitude → ETRS89 / UTM zone 33N (EPSG:25833) in metres, the official grid in
 * Saxony. ETRS89 and WGS84 differ by well under a metre, far below what a traffic order needs.
 * The series is the usual Krüger/Snyder form of the transverse Mercator projection (accurate to
 * millimetres within the zone), so distances and buffers can be computed in plain metres.
 */
const A = 6_378_137; // GRS80 semi-major axis
const F = 1 / 298.257222101;
const K0 = 0.9996;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const FALSE_EASTING = 500_000;
const ZONE_33_MERIDIAN = 15;

/** Easting and northing in metres. */
export type Metres = [number, number];

/** Projects a WGS84 position ([lon, lat] in degrees) onto UTM zone 33N. */
export function toUtm33([lon, lat]: readonly number[]): Metres {
  const phi = ((lat ?? 0) * Math.PI) / 180;
  const dLambda = (((lon ?? 0) - ZONE_33_MERIDIAN) * Math.PI) / 180;
  const sin = Math.sin(phi);
  const cos = Math.cos(phi);
  const tan = Math.tan(phi);
  const n = A / Math.sqrt(1 - E2 * sin * sin);
  const t = tan * tan;
  const c = EP2 * cos * cos;
  const a = cos * dLambda;
  const e4 = E2 * E2;
  const e6 = e4 * E2;
  const m =
    A *
    ((1 - E2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi -
      ((3 * E2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * phi) +
      ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * phi) -
      ((35 * e6) / 3072) * Math.sin(6 * phi));
  const easting = FALSE_EASTING + K0 * n * (a + ((1 - t + c) * a ** 3) / 6 + ((5 - 18 * t + t * t + 72 * c - 58 * EP2) * a ** 5) / 120);
  const northing = K0 * (m + n * tan * ((a * a) / 2 + ((5 - t + 9 * c + 4 * c * c) * a ** 4) / 24 + ((61 - 58 * t + t * t + 600 * c - 330 * EP2) * a ** 6) / 720));
  return [easting, northing];
}
