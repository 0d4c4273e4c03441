import { describe, expect, it } from 'vitest';
import { distanceMetres } from '../../../definitions/core/geo.js';
import { geometryInsideArea, projectGeometry, shapeDistance } from './planar.js';
import { toUtm33 } from './utm.js';

describe('UTM 33 projection and plane distances', () => {
  it('puts the zone meridian at easting 500 000 and keeps distances near Wurzen close to the great circle', () => {
    expect(toUtm33([15, 51])[0]).toBeCloseTo(500_000, 3);
    expect(toUtm33([15, 0])).toEqual([500_000, 0]);
    const a = [12.7, 51.36];
    const b = [12.75, 51.38];
    const [ax, ay] = toUtm33(a);
    const [bx, by] = toUtm33(b);
    const plane = Math.hypot(bx - ax, by - ay);
    // The great circle is on a sphere; the ellipsoid differs from it by a few tenths of a per cent here.
    expect(Math.abs(plane - distanceMetres(a, b)) / distanceMetres(a, b)).toBeLessThan(0.004);
  });

  it('measures line to line, point to polygon, and 0 for crossing or contained shapes', () => {
    const line = (lon: number) => projectGeometry({ type: 'LineString', coordinates: [[lon, 51.36], [lon + 0.0002, 51.36]] });
    const d = shapeDistance(line(12.7), line(12.701));
    expect(d).toBeGreaterThan(50);
    expect(d).toBeLessThan(60);
    const square = projectGeometry({ type: 'Polygon', coordinates: [[[12.7, 51.36], [12.702, 51.36], [12.702, 51.361], [12.7, 51.361], [12.7, 51.36]]] });
    expect(shapeDistance(square, projectGeometry({ type: 'Point', coordinates: [12.701, 51.3605] }))).toBe(0);
    const crossing = projectGeometry({ type: 'LineString', coordinates: [[12.701, 51.359], [12.701, 51.362]] });
    expect(shapeDistance(square, crossing)).toBe(0);
  });

  it('tests a drawing against a municipal boundary', () => {
    const area = { type: 'Polygon' as const, coordinates: [[[12.6, 51.3], [12.8, 51.3], [12.8, 51.42], [12.6, 51.42], [12.6, 51.3]]] };
    expect(geometryInsideArea({ type: 'Point', coordinates: [12.7, 51.36] }, area)).toBe(true);
    expect(geometryInsideArea({ type: 'LineString', coordinates: [[12.7, 51.36], [12.9, 51.36]] }, area)).toBe(false);
  });
});
