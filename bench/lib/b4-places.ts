/**
 * Where B4's traffic orders lie: streets of a small Saxon town (names as such towns have them;
 * not Wurzen's actual road list) and the town centre, with a local affine map between WGS84 and
 * UTM 33 metres so the seed can draw shapes in set-based SQL and still store both systems.
 *
 * The affine map is the projection's own derivative at the centre (toUtm33 of the centre and of
 * points 0.01° east and north): over the ±5 km a town spans, the terms it leaves out are below a
 * metre, and it keeps the grid convergence (≈ 1.8° here) that a plain degrees-to-metres scale
 * would lose.
 */
import { toUtm33 } from '../../src/services/verkehr/geo/utm.js';

/** Wurzen market square (WGS84). */
export const TOWN_CENTRE: readonly [number, number] = [12.7395, 51.3705];

export const STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Leipziger Straße', 'Dresdener Straße', 'Friedrich-Ebert-Straße', 'Jacobsplatz',
  'Markt', 'Domplatz', 'Wenceslaigasse', 'Badergasse', 'Schweizergartenstraße', 'Lüptitzer Straße', 'Eilenburger Straße',
  'Torgauer Straße', 'Walther-Rathenau-Straße', 'Straße des Friedens', 'Karl-Marx-Straße', 'Goethestraße', 'Schillerstraße',
  'Lessingstraße', 'Heinestraße', 'Bebelstraße', 'Gartenstraße', 'Mühlgasse', 'Am Wachtelberg', 'Am Stadtpark',
  'Albert-Kuntz-Straße', 'Dehnitzer Weg', 'Nischwitzer Straße', 'Roitzscher Weg', 'Bahnhofsplatz', 'Crostigall',
  'Dresdner Tor', 'Fabrikstraße', 'Feldstraße', 'Flurstraße', 'Fröbelstraße', 'Gerichtsstraße', 'Grimmaer Straße',
  'Hinterer Ring', 'Hospitalgasse', 'Jahnstraße', 'Käthe-Kollwitz-Straße', 'Kirchplatz', 'Lindenstraße', 'Magistralenweg',
  'Mozartstraße', 'Neue Straße', 'Obere Straße', 'Parkstraße', 'Querstraße', 'Ringstraße', 'Rosa-Luxemburg-Straße',
  'Sandstraße', 'Schulstraße', 'Sonnenweg', 'Südstraße', 'Thomas-Müntzer-Straße', 'Uferstraße', 'Wiesenweg',
];

/** The affine map at the town centre: UTM = origin + M·(lon − lon₀, lat − lat₀), and its inverse. */
export interface LocalGrid {
  origin: [number, number];
  /** Row-major 2×2: metres per degree. */
  toMetres: [number, number, number, number];
  /** Row-major 2×2: degrees per metre. */
  toDegrees: [number, number, number, number];
}

/** The local grid around `centre` from the projection's derivative there. */
export function localGrid(centre: readonly [number, number] = TOWN_CENTRE): LocalGrid {
  const step = 0.01;
  const o = toUtm33(centre);
  const east = toUtm33([centre[0] + step, centre[1]]);
  const north = toUtm33([centre[0], centre[1] + step]);
  const a = (east[0] - o[0]) / step;
  const b = (north[0] - o[0]) / step;
  const c = (east[1] - o[1]) / step;
  const d = (north[1] - o[1]) / step;
  const det = a * d - b * c;
  return { origin: o, toMetres: [a, b, c, d], toDegrees: [d / det, -b / det, -c / det, a / det] };
}

/** WGS84 of a point given in metres east and north of the centre's UTM position. */
export function degreesAt(grid: LocalGrid, centre: readonly [number, number], dx: number, dy: number): [number, number] {
  const [p, q, r, s] = grid.toDegrees;
  return [centre[0] + p * dx + q * dy, centre[1] + r * dx + s * dy];
}
