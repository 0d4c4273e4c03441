/**
 * `person-name`: given name(s) and family name, optionally an academic title and a birth name
 * (GewA1 asks for it). Stored as `{ given, family, title?, birthName? }`. Letters of every
 * script are allowed (DIN 91379 names like "Øztürk-Ñúñez" or "O’Brien"); digits and symbols
 * are not.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { partInput, readTextParts, unknownKeyIssues } from '../core/composite.js';
import { defineFieldType, type FieldIssue } from '../core/field-type.js';
import { readFormParts } from '../core/form-input.js';
import { isPlainObject, type JsonObject } from '../core/json.js';
import { inputId } from '../core/paths.js';
import { characterCount, normalizeLine } from '../core/text.js';

/** Options of a `person-name` field. */
export const PersonNameOptionsSchema = Type.Object(
  {
    withTitle: Type.Optional(Type.Boolean()),
    withBirthName: Type.Optional(Type.Boolean()),
    /** Offer the browser's name autofill (default true; off for other people's names). */
    autocomplete: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Options of a `person-name` field. */
export type PersonNameOptions = Static<typeof PersonNameOptionsSchema>;

/** A person's name. */
export interface PersonName extends JsonObject {
  given: string;
  family: string;
}

const PARTS = ['title', 'given', 'family', 'birthName'] as const;
const NAME = "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.-]*$";
const NAME_RE = new RegExp(NAME, 'u');
const MAX = 100;

/** The `person-name` field type. */
export const personNameField = defineFieldType<PersonNameOptions, PersonName>({
  type: 'person-name',
  optionsSchema: PersonNameOptionsSchema,
  valueKeys: PARTS,
  messages: defineMessages({
    title: { de: 'Akademischer Grad (optional)', en: 'Academic title (optional)' },
    given: { de: 'Vorname(n)', en: 'Given name(s)' },
    family: { de: 'Familienname', en: 'Family name' },
    birthName: { de: 'Geburtsname (falls abweichend)', en: 'Birth name (if different)' },
    givenMissing: { de: 'Bitte geben Sie bei „{label}“ den Vornamen an.', en: 'Please enter the given name for “{label}”.' },
    familyMissing: { de: 'Bitte geben Sie bei „{label}“ den Familiennamen an.', en: 'Please enter the family name for “{label}”.' },
    characters: {
      de: 'Die Angabe „{part}“ bei „{label}“ darf nur Buchstaben, Leerzeichen, Bindestriche, Punkte und Apostrophe enthalten.',
      en: '“{part}” for “{label}” can only contain letters, spaces, hyphens, full stops and apostrophes.',
    },
    partTooLong: {
      de: 'Die Angabe „{part}“ bei „{label}“ darf höchstens {max} Zeichen lang sein.',
      en: '“{part}” for “{label}” must be {max} characters or fewer.',
    },
  }),
  missing: (ctx) => [ctx.issue('givenMissing', {}, 'given'), ctx.issue('familyMissing', {}, 'family')],
  parseForm: (input, ctx) => readFormParts(input, ctx.path, PARTS),
  parseJson(value, ctx) {
    if (!isPlainObject(value)) return { issues: [ctx.issue('invalid')] };
    const allowed = PARTS.filter((p) => (p !== 'title' || ctx.options.withTitle) && (p !== 'birthName' || ctx.options.withBirthName));
    const unknown = unknownKeyIssues(value, allowed, ctx);
    if (unknown.length > 0) return { issues: unknown };
    const { parts, issues } = readTextParts(value, allowed, ctx, normalizeLine);
    if (issues.length > 0) return { issues };
    if (Object.keys(parts).length === 0) return { issues: [] };
    const problems: FieldIssue[] = [];
    if (!parts.given) problems.push(ctx.issue('givenMissing', {}, 'given'));
    if (!parts.family) problems.push(ctx.issue('familyMissing', {}, 'family'));
    for (const key of allowed) {
      const text = parts[key];
      if (text === undefined) continue;
      if (characterCount(text) > MAX) problems.push(ctx.issue('partTooLong', { part: ctx.message(key), max: MAX }, key));
      else if (!NAME_RE.test(text)) problems.push(ctx.issue('characters', { part: ctx.message(key) }, key));
    }
    return problems.length > 0 ? { issues: problems } : { value: parts as PersonName, issues: [] };
  },
  validate: () => [],
  jsonSchema: ({ options }) => {
    const name = { type: 'string', minLength: 1, maxLength: MAX, pattern: NAME };
    return {
      type: 'object',
      properties: {
        ...(options.withTitle ? { title: name } : {}),
        given: name,
        family: name,
        ...(options.withBirthName ? { birthName: name } : {}),
      },
      required: ['given', 'family'],
      additionalProperties: false,
    };
  },
  format(value, ctx) {
    const full = [value.title, value.given, value.family].filter((p) => typeof p === 'string').join(' ');
    const birth = typeof value.birthName === 'string' ? [`${ctx.locale === 'de' ? 'geb.' : 'born'} ${value.birthName}`] : [];
    return [[full, ...birth].join(', ')];
  },
  view(ctx) {
    const section = `section-${inputId(ctx.path)}`;
    const ac = (token: string) => (ctx.options.autocomplete === false ? { autocomplete: 'off' } : { autocomplete: `${section} ${token}` });
    return {
      layout: 'fieldset',
      inputs: [
        ...(ctx.options.withTitle ? [partInput(ctx, 'title', { ...ac('honorific-prefix'), width: 's', required: false })] : []),
        partInput(ctx, 'given', { ...ac('given-name'), width: 'l', spellcheck: false }),
        partInput(ctx, 'family', { ...ac('family-name'), width: 'l', spellcheck: false }),
        ...(ctx.options.withBirthName ? [partInput(ctx, 'birthName', { autocomplete: 'off', width: 'l', spellcheck: false, required: false })] : []),
      ],
    };
  },
});
