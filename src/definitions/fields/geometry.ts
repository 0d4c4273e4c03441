/**
 * `geometry`: where on the street something happens (a no-parking zone, a trench). With
 * JavaScript, a map writes GeoJSON (WGS84 Point, LineString or Polygon) into the hidden input
 * `<path>.geometry`; without it — and always as the text a caseworker and the sign crew read —
 * the typed description: street, house numbers from–to, side and length in metres. The street
 * is always needed (caseworkers and sign crews read it); the drawing only with `requireGeometry`.
 * Stored as `{ geometry?, street?, houseNumberFrom?, houseNumberTo?, side?, lengthMeters? }`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { choiceViews, choicesFromLabels } from '../core/choice-input.js';
import { partInput, readTextParts, unknownKeyIssues } from '../core/composite.js';
import { defineFieldType, type FieldContext, type FieldIssue } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { checkGeometry, geometrySchema, lineLengthMetres, type GeoJsonGeometry, type GeometryKind } from '../core/geo.js';
import { decimalToNumber, formatNumber, numberInputText, parseDecimalText } from '../core/german-numbers.js';
import { isPlainObject, type JsonObject } from '../core/json.js';
import { childPath, inputId } from '../core/paths.js';
import { normalizeLine } from '../core/text.js';
import { displayText } from '../core/text-input.js';
import { geometryMapMessages, geometryMapView } from './geometry-map.js';

const KindSchema = Type.Union([Type.Literal('Point'), Type.Literal('LineString'), Type.Literal('Polygon')]);

/** Options of a `geometry` field. */
export const GeometryOptionsSchema = Type.Object(
  {
    /** Allowed shapes (default all three). */
    geometryTypes: Type.Optional(Type.Array(KindSchema, { minItems: 1, uniqueItems: true })),
    /** Most positions in total (default 500). */
    maxVertices: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    /** Area the geometry must lie in: [west, south, east, north] in degrees. */
    bounds: Type.Optional(Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()])),
    /** Must a map drawing be given (default false: the typed description suffices). */
    requireGeometry: Type.Optional(Type.Boolean()),
    /** Longest length in metres (default 5000). */
    maxLengthMeters: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  },
  { additionalProperties: false },
);

/** Options of a `geometry` field. */
export type GeometryOptions = Static<typeof GeometryOptionsSchema>;

/** A place on the street: a drawing and/or its description. */
export type StreetLocation = JsonObject;

const TEXT_PARTS = ['street', 'houseNumberFrom', 'houseNumberTo', 'side'] as const;
const KEYS = ['geometry', ...TEXT_PARTS, 'lengthMeters'];
const SIDES = { both: { de: 'beide Straßenseiten', en: 'both sides' }, even: { de: 'Seite mit geraden Hausnummern', en: 'even-numbers side' }, odd: { de: 'Seite mit ungeraden Hausnummern', en: 'odd-numbers side' } };
const HOUSE_NUMBER = '^\\d+ ?[A-Za-z]?$';
const KIND_NAMES: Record<GeometryKind, { de: string; en: string }> = { Point: { de: 'Punkt', en: 'point' }, LineString: { de: 'Linie', en: 'line' }, Polygon: { de: 'Fläche', en: 'area' } };

const limitsOf = (o: GeometryOptions) => ({ kinds: o.geometryTypes ?? (['Point', 'LineString', 'Polygon'] as GeometryKind[]), maxVertices: o.maxVertices ?? 500, ...(o.bounds ? { bounds: o.bounds } : {}) });

const messages = defineMessages({
  geometry: { de: 'Kartenangabe', en: 'Map drawing' },
  street: { de: 'Straße', en: 'Street' },
  houseNumberFrom: { de: 'Hausnummer von', en: 'House number from' },
  houseNumberTo: { de: 'Hausnummer bis', en: 'House number to' },
  side: { de: 'Straßenseite', en: 'Side of the street' },
  lengthMeters: { de: 'Länge in Metern', en: 'Length in metres' },
  streetMissing: { de: 'Bitte geben Sie bei „{label}“ die Straße an.', en: 'Please enter the street for “{label}”.' },
  geometryMissing: { de: 'Bitte zeichnen Sie bei „{label}“ die Stelle in der Karte ein.', en: 'Please mark the place on the map for “{label}”.' },
  geometryInvalid: {
    de: 'Die Kartenangabe bei „{label}“ ist ungültig. Bitte zeichnen Sie die Stelle neu ein.',
    en: 'The map drawing for “{label}” is not valid. Please draw the place again.',
  },
  geometryKind: { de: 'Bei „{label}“ sind nur diese Kartenangaben möglich: {kinds}.', en: 'For “{label}” only these map drawings are possible: {kinds}.' },
  geometryVertices: { de: 'Die Kartenangabe bei „{label}“ hat zu viele Punkte (höchstens {max}).', en: 'The map drawing for “{label}” has too many points (at most {max}).' },
  geometryBounds: { de: 'Die eingezeichnete Stelle bei „{label}“ liegt außerhalb des Gemeindegebiets.', en: 'The place drawn for “{label}” lies outside the municipality.' },
  houseNumberFormat: { de: 'Die Hausnummer bei „{label}“ muss mit einer Ziffer beginnen, z. B. 12 oder 12a.', en: 'The house number for “{label}” must start with a digit, e.g. 12 or 12a.' },
  houseNumberOrder: { de: 'Bei „{label}“ darf die Hausnummer „bis“ nicht kleiner sein als „von“.', en: 'For “{label}”, the house number “to” must not be lower than “from”.' },
  sideInvalid: { de: 'Bitte wählen Sie bei „{label}“ eine Straßenseite aus der Liste aus.', en: 'Please choose a side of the street from the list for “{label}”.' },
  lengthFormat: { de: 'Bitte geben Sie bei „{label}“ die Länge in Metern als Zahl an, z. B. 15.', en: 'Please enter the length in metres for “{label}” as a number, e.g. 15.' },
  lengthRange: { de: 'Die Länge bei „{label}“ muss größer als 0 und höchstens {max} m sein.', en: 'The length for “{label}” must be more than 0 and at most {max} m.' },
  drawn: { de: 'Kartenangabe: {kind} mit {count} Punkt(en)', en: 'Map drawing: {kind} with {count} point(s)' },
  about: { de: 'ca. {metres} m', en: 'about {metres} m' },
  numbers: { de: 'Hausnummern {from}–{to}', en: 'house numbers {from}–{to}' },
});

function descriptionIssues(v: StreetLocation, ctx: FieldContext<GeometryOptions>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of ['houseNumberFrom', 'houseNumberTo'] as const) {
    const n = v[key];
    if (typeof n === 'string' && !new RegExp(HOUSE_NUMBER).test(n)) issues.push(ctx.issue('houseNumberFormat', {}, key));
  }
  if (issues.length === 0 && typeof v.houseNumberFrom === 'string' && typeof v.houseNumberTo === 'string' && parseInt(v.houseNumberTo, 10) < parseInt(v.houseNumberFrom, 10)) {
    issues.push(ctx.issue('houseNumberOrder', {}, 'houseNumberTo'));
  }
  if (v.side !== undefined && !(typeof v.side === 'string' && v.side in SIDES)) issues.push(ctx.issue('sideInvalid', {}, 'side'));
  const max = ctx.options.maxLengthMeters ?? 5000;
  if (v.lengthMeters !== undefined) {
    if (typeof v.lengthMeters !== 'number' || !Number.isFinite(v.lengthMeters)) issues.push(ctx.issue('lengthFormat', {}, 'lengthMeters'));
    else if (v.lengthMeters <= 0 || v.lengthMeters > max) issues.push(ctx.issue('lengthRange', { max }, 'lengthMeters'));
  }
  return issues;
}

/** The `geometry` field type. */
export const geometryField = defineFieldType<GeometryOptions, StreetLocation>({
  type: 'geometry',
  optionsSchema: GeometryOptionsSchema,
  valueKeys: KEYS,
  messages: { ...messages, ...geometryMapMessages },
  prepareOptions(options, env) {
    const b = options.bounds;
    if (b && (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)) env.report('bounds', 'must be [west, south, east, north] within WGS84 ranges');
    return options;
  },
  missing: (ctx) => [...(ctx.options.requireGeometry ? [ctx.issue('geometryMissing', {}, 'geometry')] : []), ctx.issue('streetMissing', {}, 'street')],
  parseForm(input, ctx) {
    const out: JsonObject = {};
    const drawn = readFormText(input, childPath(ctx.path, 'geometry'));
    if (drawn !== undefined) {
      try {
        out.geometry = JSON.parse(drawn) as JsonObject;
      } catch {
        out.geometry = drawn;
      }
    }
    for (const key of TEXT_PARTS) {
      const text = readFormText(input, childPath(ctx.path, key));
      if (text !== undefined) out[key] = text;
    }
    const length = readFormText(input, childPath(ctx.path, 'lengthMeters'));
    if (length !== undefined) {
      const decimal = parseDecimalText(length.replace(/\s*m$/i, ''));
      out.lengthMeters = decimal ? decimalToNumber(decimal) : length;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  },
  parseJson(value, ctx) {
    if (!isPlainObject(value)) return { issues: [ctx.issue('invalid')] };
    const unknown = unknownKeyIssues(value, KEYS, ctx);
    if (unknown.length > 0) return { issues: unknown };
    const { parts, issues } = readTextParts(value, TEXT_PARTS, ctx, normalizeLine);
    if (issues.length > 0) return { issues };
    const out: StreetLocation = { ...parts };
    if (value.lengthMeters !== undefined && value.lengthMeters !== null && value.lengthMeters !== '') out.lengthMeters = value.lengthMeters as number;
    if (value.geometry !== undefined && value.geometry !== null && value.geometry !== '') {
      const { geometry, problem } = checkGeometry(value.geometry, limitsOf(ctx.options));
      if (problem === 'kind') return { issues: [ctx.issue('geometryKind', { kinds: kindList(ctx.options) }, 'geometry')] };
      if (problem === 'vertices') return { issues: [ctx.issue('geometryVertices', { max: limitsOf(ctx.options).maxVertices }, 'geometry')] };
      if (problem === 'bounds') return { issues: [ctx.issue('geometryBounds', {}, 'geometry')] };
      if (!geometry) return { issues: [ctx.issue('geometryInvalid', {}, 'geometry')] };
      out.geometry = geometry;
    }
    if (Object.keys(out).length === 0) return { issues: [] };
    const problems = descriptionIssues(out, ctx);
    if (out.street === undefined) problems.unshift(ctx.issue('streetMissing', {}, 'street'));
    if (ctx.options.requireGeometry && out.geometry === undefined) problems.unshift(ctx.issue('geometryMissing', {}, 'geometry'));
    return problems.length > 0 ? { issues: problems } : { value: out, issues: [] };
  },
  validate: () => [],
  jsonSchema({ options }) {
    const { kinds, maxVertices } = limitsOf(options);
    const required = [...(options.requireGeometry ? ['geometry'] : []), 'street'];
    return {
      type: 'object',
      properties: {
        geometry: geometrySchema(kinds, maxVertices),
        street: { type: 'string', minLength: 1, maxLength: 200 },
        houseNumberFrom: { type: 'string', pattern: HOUSE_NUMBER },
        houseNumberTo: { type: 'string', pattern: HOUSE_NUMBER },
        side: { enum: Object.keys(SIDES) },
        lengthMeters: { type: 'number', exclusiveMinimum: 0, maximum: options.maxLengthMeters ?? 5000 },
      },
      required,
      additionalProperties: false,
    };
  },
  format(value, ctx) {
    const lines: string[] = [];
    const desc = [typeof value.street === 'string' ? value.street : undefined];
    if (typeof value.houseNumberFrom === 'string') desc.push(ctx.message('numbers', { from: value.houseNumberFrom, to: typeof value.houseNumberTo === 'string' ? value.houseNumberTo : value.houseNumberFrom })[ctx.locale]);
    if (typeof value.side === 'string' && value.side in SIDES) desc.push(SIDES[value.side as keyof typeof SIDES][ctx.locale]);
    if (typeof value.lengthMeters === 'number') desc.push(`${formatNumber(value.lengthMeters, ctx.locale)} m`);
    if (desc.some(Boolean)) lines.push(desc.filter(Boolean).join(', '));
    if (isPlainObject(value.geometry)) {
      const g = value.geometry as GeoJsonGeometry;
      const count = g.type === 'Point' ? 1 : (g.coordinates as unknown[]).flat(g.type === 'Polygon' ? 1 : 0).length;
      const metres = lineLengthMetres(g);
      const drawn = ctx.message('drawn', { kind: KIND_NAMES[g.type], count })[ctx.locale];
      lines.push(metres > 0 ? `${drawn}, ${ctx.message('about', { metres: formatNumber(Math.round(metres), ctx.locale) })[ctx.locale]}` : drawn);
    }
    return lines;
  },
  view(ctx) {
    const saved = isPlainObject(ctx.value) ? ctx.value : {};
    const geometryName = childPath(ctx.path, 'geometry');
    const sideName = childPath(ctx.path, 'side');
    const side = ctx.inputValue(sideName, displayText(saved.side));
    const length = typeof saved.lengthMeters === 'number' ? numberInputText(saved.lengthMeters) : displayText(saved.lengthMeters);
    const drawn = saved.geometry === undefined ? '' : typeof saved.geometry === 'string' ? saved.geometry : JSON.stringify(saved.geometry);
    const { kinds, bounds } = limitsOf(ctx.options);
    return {
      layout: 'fieldset',
      map: geometryMapView(ctx, { id: inputId(geometryName), input: geometryName, kinds, bounds }),
      inputs: [
        { control: 'hidden', name: geometryName, id: inputId(geometryName), label: ctx.text(ctx.message('geometry')), value: ctx.inputValue(geometryName, drawn), required: ctx.options.requireGeometry === true },
        partInput(ctx, 'street', { width: 'l' }),
        partInput(ctx, 'houseNumberFrom', { width: 'xs', spellcheck: false, required: false }),
        partInput(ctx, 'houseNumberTo', { width: 'xs', spellcheck: false, required: false }),
        { control: 'radios', name: sideName, id: `${inputId(sideName)}-both`, label: ctx.text(ctx.message('side')), value: side, choices: choiceViews(ctx, sideName, choicesFromLabels(SIDES), [side]), required: false },
        partInput(ctx, 'lengthMeters', { width: 'xs', inputmode: 'decimal', suffix: 'm', required: false }, ctx.inputValue(childPath(ctx.path, 'lengthMeters'), length)),
      ],
    };
  },
});

function kindList(options: GeometryOptions): { de: string; en: string } {
  const kinds = limitsOf(options).kinds;
  return { de: kinds.map((k) => KIND_NAMES[k].de).join(', '), en: kinds.map((k) => KIND_NAMES[k].en).join(', ') };
}
