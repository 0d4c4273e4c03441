import { describe, expect, it } from 'vitest';
import { decideCompetence, extraPermitsFor } from './competence.js';
import { roadRefKey, streetKey, type StreetEntry, type TrafficArea } from './traffic-area.js';

const lra = { name: 'Landratsamt Landkreis Leipzig', street: 'Stauffenbergstraße 4', postalCode: '04552', town: 'Borna' };
const area = (role: 'local' | 'lower'): TrafficArea => ({ authorityRole: role, higherAuthority: lra, boundary: { type: 'Polygon', coordinates: [[[12.6, 51.3], [12.8, 51.3], [12.8, 51.42], [12.6, 51.42], [12.6, 51.3]]] }, boundaryConfirmed: true, unconfirmedFacts: [] });
const road = (roadClass: StreetEntry['roadClass'], roadRef: string | null = null): StreetEntry => ({ name: 'X', locality: null, roadClass, roadRef, carriagewayWidthM: null, busRoute: false, confirmed: true });

describe('competence for traffic orders (SächsStrVRG §§ 2, 3)', () => {
  it('keeps municipal and unlisted streets, refers classified roads of a Gemeinde, keeps them for a Große Kreisstadt', () => {
    expect(decideCompetence(area('local'), [road('gemeindestrasse')], undefined)).toMatchObject({ kind: 'own', basis: 'listed' });
    expect(decideCompetence(area('local'), [], undefined)).toMatchObject({ kind: 'own', basis: 'presumed' });
    expect(decideCompetence(area('local'), [road('bundesstrasse', 'B 6')], undefined)).toMatchObject({ kind: 'not-competent', authority: lra });
    expect(decideCompetence(area('lower'), [road('bundesstrasse', 'B 6')], undefined)).toMatchObject({ kind: 'own', basis: 'lower-authority' });
    expect(decideCompetence(area('local'), [road('gemeindestrasse'), road('kreisstrasse', 'K 8310')], undefined)).toMatchObject({ kind: 'mixed' });
  });

  it('refers a drawing outside the boundary', () => {
    expect(decideCompetence(area('local'), [], { type: 'Point', coordinates: [13.1, 50.8] })).toMatchObject({ kind: 'outside-area', boundaryConfirmed: true });
  });

  it('names the Landratsamt permits a Gemeinde applicant needs besides the order', () => {
    expect(extraPermitsFor(area('local'), 'VER')).toEqual(['event-permit']);
    expect(extraPermitsFor(area('local'), 'CON')).toEqual(['exemption']);
    expect(extraPermitsFor(area('lower'), 'VER')).toEqual([]);
  });

  it('matches typed street names and road numbers in any usual spelling', () => {
    expect(streetKey('Bahnhofstr.')).toBe(streetKey('Bahnhof-Straße'));
    expect(streetKey('Karl-Marx-Str')).toBe(streetKey('Karl Marx Strasse'));
    expect(roadRefKey('B6')).toBe(roadRefKey(' b 6 '));
    expect(roadRefKey('Teichweg')).toBeUndefined();
  });
});
