import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'geometry', required: true, geometryTypes: ['Point', 'LineString'], maxVertices: 4, bounds: [12.6, 51.2, 12.9, 51.5] };
const line = { type: 'LineString', coordinates: [[12.7400, 51.3660], [12.7402, 51.3661]] };

describe('geometry field', () => {
  it('reads the map drawing from its hidden input and the typed description', () => {
    expect(fromForm(field, { 'f.geometry': JSON.stringify(line), 'f.street': 'Markt', 'f.houseNumberFrom': '2', 'f.houseNumberTo': '6', 'f.side': 'even', 'f.lengthMeters': '15,5 m' })).toEqual({
      geometry: line,
      street: 'Markt',
      houseNumberFrom: '2',
      houseNumberTo: '6',
      side: 'even',
      lengthMeters: 15.5,
    });
  });

  it('works without JavaScript: the description alone is enough', () => {
    expect(checkForm(field, { 'f.geometry': '', 'f.street': 'Markt', 'f.side': 'both', 'f.lengthMeters': '15' })).toMatchObject({ ok: true, value: { street: 'Markt', side: 'both', lengthMeters: 15 } });
  });

  it('always needs the street; the drawing only when the definition says so', () => {
    expect(checkForm(field, {}).errors).toMatchObject([{ path: 'f.street', code: 'streetMissing' }]);
    expect(checkJson(field, { geometry: line }).errors[0]?.path).toBe('f.street');
    expect(checkJson({ ...field, requireGeometry: true }, { street: 'Markt' }).errors[0]).toMatchObject({ path: 'f.geometry', code: 'geometryMissing' });
  });

  it('checks WGS84 ranges, shape, vertex count and the municipal area', () => {
    const street = { street: 'Markt' };
    expect(checkJson(field, { ...street, geometry: { type: 'Point', coordinates: [200, 51] } }).errors[0]?.code).toBe('geometryInvalid');
    expect(checkJson(field, { ...street, geometry: { type: 'Point', coordinates: [12.7, 'x'] } }).errors[0]?.code).toBe('geometryInvalid');
    expect(checkJson(field, { ...street, geometry: { type: 'LineString', coordinates: [[12.7, 51.3]] } }).errors[0]?.code).toBe('geometryInvalid');
    expect(checkJson(field, { ...street, geometry: { type: 'Polygon', coordinates: [] } }).errors[0]).toMatchObject({ code: 'geometryKind', de: 'Bei „Testfeld“ sind nur diese Kartenangaben möglich: Punkt, Linie.' });
    const five = { type: 'LineString', coordinates: Array.from({ length: 5 }, (_, i) => [12.7 + i / 1000, 51.3]) };
    expect(checkJson(field, { ...street, geometry: five }).errors[0]?.code).toBe('geometryVertices');
    expect(checkJson(field, { ...street, geometry: { type: 'Point', coordinates: [13.4, 52.5] } }).errors[0]).toMatchObject({ code: 'geometryBounds', de: 'Die eingezeichnete Stelle bei „Testfeld“ liegt außerhalb des Gemeindegebiets.' });
    expect(checkForm(field, { 'f.geometry': '{kaputt', 'f.street': 'Markt' }).errors[0]?.code).toBe('geometryInvalid');
  });

  it('checks polygons are closed rings', () => {
    const polygon = { type: 'geometry', maxVertices: 10 };
    const ring = [[12.7, 51.3], [12.71, 51.3], [12.71, 51.31], [12.7, 51.3]];
    expect(checkJson(polygon, { street: 'Markt', geometry: { type: 'Polygon', coordinates: [ring] } }).ok).toBe(true);
    expect(checkJson(polygon, { street: 'Markt', geometry: { type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[12.6, 51.3]])] } }).errors[0]?.code).toBe('geometryInvalid');
  });

  it('checks the typed description', () => {
    expect(checkJson(field, { street: 'Markt', houseNumberFrom: '10', houseNumberTo: '4' }).errors[0]?.code).toBe('houseNumberOrder');
    expect(checkJson(field, { street: 'Markt', side: 'left' }).errors[0]?.code).toBe('sideInvalid');
    expect(checkForm(field, { 'f.street': 'Markt', 'f.lengthMeters': 'lang' }).errors[0]).toMatchObject({ path: 'f.lengthMeters', code: 'lengthFormat' });
    expect(checkJson(field, { street: 'Markt', lengthMeters: 0 }).errors[0]?.code).toBe('lengthRange');
  });

  it('renders the hidden drawing input and the typed fallback', () => {
    const view = viewOf(field, { street: 'Markt', geometry: line, lengthMeters: 15.5 });
    expect(view.inputs.map((i) => [i.control, i.name])).toEqual([
      ['hidden', 'f.geometry'],
      ['text', 'f.street'],
      ['text', 'f.houseNumberFrom'],
      ['text', 'f.houseNumberTo'],
      ['radios', 'f.side'],
      ['text', 'f.lengthMeters'],
    ]);
    expect(JSON.parse(view.inputs[0]!.value)).toEqual(line);
    expect(view.inputs[5]?.value).toBe('15,5');
    expect(view.focusId).toBe('field-f-street');
  });

  it('offers a drawing map over the hidden input with the allowed shapes, the area and texts in the visitor language', () => {
    const map = viewOf(field, undefined).map;
    expect(map).toMatchObject({ id: 'field-f-geometry', input: 'f.geometry', kinds: ['Point', 'LineString'], bounds: [12.6, 51.2, 12.9, 51.5] });
    expect(map?.texts).toMatchObject({ mapLabel: 'Karte: Testfeld', toolPoint: 'Punkt setzen', toolLineString: 'Linie zeichnen', undo: 'Letzten Punkt entfernen', clear: 'Zeichnung löschen', statusLine: 'Linie mit {count} Punkten eingezeichnet, etwa {metres} m lang.' });
    expect(map?.texts.mapNote).toContain('Straße, Hausnummern, Straßenseite und Länge genügen');
    expect(viewOf(field, undefined, { locale: 'en' }).map?.texts).toMatchObject({ mapLabel: 'Map: Test field', toolLineString: 'Draw a line', noTiles: 'No background map is set up for this map: streets and buildings are not shown on it.' });
    expect(viewOf({ type: 'geometry', required: true }, undefined).map?.kinds).toEqual(['Point', 'LineString', 'Polygon']);
  });

  it('formats the description and the drawing with its length', () => {
    expect(formatOf(field, { street: 'Markt', houseNumberFrom: '2', houseNumberTo: '6', side: 'even', lengthMeters: 15, geometry: line })).toEqual([
      'Markt, Hausnummern 2–6, Seite mit geraden Hausnummern, 15 m',
      'Kartenangabe: Linie mit 2 Punkt(en), ca. 18 m',
    ]);
  });
});
