/**
 * `german-address`: a postal address in Germany (street, house number, PLZ of exactly five
 * digits, town), or, with `allowForeign`, an address abroad with its country. Stored as
 * `{ street, houseNumber, postalCode, town, country, addition? }`, `country` an ISO 3166-1 code
 * ("DE" for Germany). PLZ stay strings: Wurzen is 04808, not 4808.
 *
 * Leniency: "D-04808" and "04 808" become "04808"; a house number typed into the street line
 * ("Hauptstraße 5") is moved to its own part.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { choiceViews } from '../core/choice-input.js';
import { partInput, readTextParts, unknownKeyIssues } from '../core/composite.js';
import { COUNTRY_CODES, countryChoices, countryName } from '../core/countries.js';
import { defineFieldType, type FieldIssue, type FieldContext } from '../core/field-type.js';
import { readFormParts } from '../core/form-input.js';
import { isPlainObject, type JsonObject, type JsonSchema } from '../core/json.js';
import { childPath, inputId } from '../core/paths.js';
import { characterCount, normalizeLine } from '../core/text.js';

/** Options of a `german-address` field. */
export const GermanAddressOptionsSchema = Type.Object(
  {
    allowForeign: Type.Optional(Type.Boolean()),
    /** Ask for an address addition (c/o, Hinterhaus). */
    withAddition: Type.Optional(Type.Boolean()),
    /** Offer the browser's address autofill (default true; off for third parties' addresses). */
    autocomplete: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Options of a `german-address` field. */
export type GermanAddressOptions = Static<typeof GermanAddressOptionsSchema>;

/** A postal address. */
export interface PostalAddress extends JsonObject {
  street: string;
  town: string;
  country: string;
}

const PARTS = ['street', 'houseNumber', 'addition', 'postalCode', 'town', 'country'] as const;
const PLZ = '^(?!00)\\d{5}$';
const HOUSE_NUMBER = '^\\d+ ?[A-Za-z]?( ?[-/] ?\\d+ ?[A-Za-z]?)?$';
const FOREIGN_POSTAL_CODE = '^[A-Za-z0-9][A-Za-z0-9 -]{0,14}$';
const MAX = { street: 100, houseNumber: 20, addition: 100, town: 100 } as const;

/** Messages; the part names double as input labels. */
const messages = defineMessages({
  street: { de: 'Straße', en: 'Street' },
  houseNumber: { de: 'Hausnummer', en: 'House number' },
  addition: { de: 'Adresszusatz (optional)', en: 'Address addition (optional)' },
  postalCode: { de: 'Postleitzahl', en: 'Postcode' },
  town: { de: 'Ort', en: 'Town or city' },
  country: { de: 'Staat', en: 'Country' },
  streetMissing: { de: 'Bitte geben Sie bei „{label}“ die Straße an.', en: 'Please enter the street for “{label}”.' },
  houseNumberMissing: { de: 'Bitte geben Sie bei „{label}“ die Hausnummer an.', en: 'Please enter the house number for “{label}”.' },
  houseNumberFormat: {
    de: 'Die Hausnummer bei „{label}“ muss mit einer Ziffer beginnen, z. B. 12, 12a oder 12-14.',
    en: 'The house number for “{label}” must start with a digit, e.g. 12, 12a or 12-14.',
  },
  postalCodeMissing: { de: 'Bitte geben Sie bei „{label}“ die Postleitzahl an.', en: 'Please enter the postcode for “{label}”.' },
  postalCodeFormat: {
    de: 'Die Postleitzahl bei „{label}“ muss aus 5 Ziffern bestehen, z. B. 04808.',
    en: 'The postcode for “{label}” must have 5 digits, e.g. 04808.',
  },
  foreignPostalCodeFormat: {
    de: 'Die Postleitzahl bei „{label}“ darf nur Buchstaben, Ziffern, Leerzeichen und Bindestriche enthalten.',
    en: 'The postcode for “{label}” can only contain letters, digits, spaces and hyphens.',
  },
  townMissing: { de: 'Bitte geben Sie bei „{label}“ den Ort an.', en: 'Please enter the town or city for “{label}”.' },
  countryInvalid: { de: 'Bitte wählen Sie bei „{label}“ einen Staat aus der Liste aus.', en: 'Please choose a country from the list for “{label}”.' },
  partTooLong: {
    de: 'Die Angabe „{part}“ bei „{label}“ darf höchstens {max} Zeichen lang sein.',
    en: '“{part}” for “{label}” must be {max} characters or fewer.',
  },
});

/** Cleans a German PLZ typed as "D-04808" or "04 808". */
function cleanPostalCode(text: string): string {
  return text.replace(/^D\s*-\s*/i, '').replace(/\s+/g, '');
}

/** Moves a trailing house number from the street line into its own part. */
function splitHouseNumber(street: string): [string, string] | undefined {
  const m = /^(.*\D)\s+(\d+ ?[A-Za-z]?(?: ?[-/] ?\d+ ?[A-Za-z]?)?)$/u.exec(street);
  return m ? [m[1]!.trim(), m[2]!] : undefined;
}

function partIssues(a: Partial<Record<(typeof PARTS)[number], string>>, ctx: FieldContext<GermanAddressOptions>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const domestic = a.country === 'DE';
  if (!a.street) issues.push(ctx.issue('streetMissing', {}, 'street'));
  if (!a.houseNumber && domestic) issues.push(ctx.issue('houseNumberMissing', {}, 'houseNumber'));
  else if (a.houseNumber && domestic && !new RegExp(HOUSE_NUMBER).test(a.houseNumber)) issues.push(ctx.issue('houseNumberFormat', {}, 'houseNumber'));
  if (!a.postalCode && domestic) issues.push(ctx.issue('postalCodeMissing', {}, 'postalCode'));
  else if (a.postalCode && domestic && !new RegExp(PLZ).test(a.postalCode)) issues.push(ctx.issue('postalCodeFormat', {}, 'postalCode'));
  else if (a.postalCode && !domestic && !new RegExp(FOREIGN_POSTAL_CODE).test(a.postalCode)) issues.push(ctx.issue('foreignPostalCodeFormat', {}, 'postalCode'));
  if (!a.town) issues.push(ctx.issue('townMissing', {}, 'town'));
  for (const key of Object.keys(MAX) as (keyof typeof MAX)[]) {
    const text = a[key];
    if (text && characterCount(text) > MAX[key]) issues.push(ctx.issue('partTooLong', { part: ctx.message(key), max: MAX[key] }, key));
  }
  return issues;
}

/** The `german-address` field type. */
export const germanAddressField = defineFieldType<GermanAddressOptions, PostalAddress>({
  type: 'german-address',
  optionsSchema: GermanAddressOptionsSchema,
  valueKeys: PARTS,
  messages,
  missing: (ctx) => partIssues({ country: 'DE' }, ctx),
  parseForm: (input, ctx) => {
    const parts = readFormParts(input, ctx.path, PARTS);
    if (!parts) return undefined;
    // The country select always posts a value; on its own it is not an answer.
    const { country, ...rest } = parts;
    if (Object.keys(rest).length === 0) return undefined;
    return country ? { ...rest, country } : rest;
  },
  parseJson(value, ctx) {
    if (!isPlainObject(value)) return { issues: [ctx.issue('invalid')] };
    const unknown = unknownKeyIssues(value, PARTS, ctx);
    if (unknown.length > 0) return { issues: unknown };
    const { parts, issues } = readTextParts(value, PARTS, ctx, normalizeLine);
    if (issues.length > 0) return { issues };
    const { country = 'DE', ...rest } = parts;
    if (Object.values(rest).every((v) => v === undefined)) return { issues: [] };
    const a = { ...rest, country: country.toUpperCase() };
    if (a.country !== 'DE' && !(ctx.options.allowForeign && COUNTRY_CODES.includes(a.country))) return { issues: [ctx.issue('countryInvalid', {}, 'country')] };
    if (a.country === 'DE') {
      if (a.postalCode) a.postalCode = cleanPostalCode(a.postalCode);
      const split = !a.houseNumber && a.street ? splitHouseNumber(a.street) : undefined;
      if (split) [a.street, a.houseNumber] = split;
    }
    const problems = partIssues(a, ctx);
    if (problems.length > 0) return { issues: problems };
    // Parts in a fixed order, so stored and exported addresses always look the same.
    const ordered = Object.fromEntries(PARTS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]!]));
    return { value: ordered as PostalAddress, issues: [] };
  },
  validate: () => [],
  jsonSchema: ({ options }) => {
    const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
    const country: JsonSchema = options.allowForeign ? { enum: [...COUNTRY_CODES] } : { const: 'DE' };
    return {
      type: 'object',
      properties: {
        street: text(MAX.street),
        houseNumber: text(MAX.houseNumber),
        addition: text(MAX.addition),
        postalCode: { type: 'string', pattern: FOREIGN_POSTAL_CODE },
        town: text(MAX.town),
        country,
      },
      required: ['street', 'town', 'country'],
      additionalProperties: false,
      if: { properties: { country: { const: 'DE' } } },
      then: {
        required: ['houseNumber', 'postalCode'],
        properties: { postalCode: { type: 'string', pattern: PLZ }, houseNumber: { type: 'string', pattern: HOUSE_NUMBER } },
      },
    };
  },
  format(value, ctx) {
    const line1 = [value.street, value.houseNumber].filter(Boolean).join(' ');
    const line2 = [value.postalCode, value.town].filter(Boolean).join(' ');
    const lines = [line1, ...(typeof value.addition === 'string' ? [value.addition] : []), line2];
    return value.country === 'DE' ? lines : [...lines, countryName(value.country, ctx.locale)];
  },
  view(ctx) {
    const auto = ctx.options.autocomplete !== false;
    const section = `section-${inputId(ctx.path)}`;
    const ac = (token: string) => (auto ? { autocomplete: `${section} ${token}` } : { autocomplete: 'off' });
    const inputs = [
      partInput(ctx, 'street', { ...ac('address-line1'), width: 'l' }),
      partInput(ctx, 'houseNumber', { width: 'xs', spellcheck: false }),
      ...(ctx.options.withAddition ? [partInput(ctx, 'addition', { ...ac('address-line2'), width: 'l', required: false })] : []),
      partInput(ctx, 'postalCode', { ...ac('postal-code'), width: 's', inputmode: 'numeric', spellcheck: false }),
      partInput(ctx, 'town', { ...ac('address-level2'), width: 'l' }),
    ];
    if (ctx.options.allowForeign) {
      const name = childPath(ctx.path, 'country');
      const saved = isPlainObject(ctx.value) && typeof ctx.value.country === 'string' ? ctx.value.country : 'DE';
      const selected = ctx.inputValue(name, saved) || 'DE';
      inputs.push({
        control: 'select',
        name,
        id: inputId(name),
        label: ctx.text(ctx.message('country')),
        value: selected,
        choices: choiceViews(ctx, name, countryChoices(), [selected]),
        ...ac('country'),
        required: ctx.field.required,
      });
    }
    return { layout: 'fieldset', inputs };
  },
});
