/**
 * `time-window`: daily clock times from–to, optionally on chosen week days, e.g. a no-parking
 * zone "07:00–18:00, Mo–Fr". Stored as `{ "from": "07:00", "to": "18:00", "days": ["mon", …] }`.
 * Times may be typed as "7", "7:30", "07.30", "0730" or "7 Uhr". A window that ends before it
 * starts runs over midnight, which only `allowOvernight` permits (night works).
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { choiceViews, choicesFromLabels, orderedSelection } from '../core/choice-input.js';
import { partInput, readTextParts, unknownKeyIssues } from '../core/composite.js';
import { defineFieldType, type FieldIssue } from '../core/field-type.js';
import { readFormText, readFormValues } from '../core/form-input.js';
import { isPlainObject, type JsonObject } from '../core/json.js';
import { childPath, inputId } from '../core/paths.js';

const TIME = '^([01]\\d|2[0-3]):[0-5]\\d$';
const TIME_RE = new RegExp(TIME);
const TimeSchema = Type.String({ pattern: TIME });

const DAY_LABELS = {
  mon: { de: 'Montag', en: 'Monday' },
  tue: { de: 'Dienstag', en: 'Tuesday' },
  wed: { de: 'Mittwoch', en: 'Wednesday' },
  thu: { de: 'Donnerstag', en: 'Thursday' },
  fri: { de: 'Freitag', en: 'Friday' },
  sat: { de: 'Samstag', en: 'Saturday' },
  sun: { de: 'Sonntag', en: 'Sunday' },
};
const DAYS = Object.keys(DAY_LABELS);
const DAY_CHOICES = choicesFromLabels(DAY_LABELS);

/** Options of a `time-window` field. */
export const TimeWindowOptionsSchema = Type.Object(
  {
    /** Ask for week days: not at all (default), optionally (none = every day), or required. */
    days: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('optional'), Type.Literal('required')])),
    earliest: Type.Optional(TimeSchema),
    latest: Type.Optional(TimeSchema),
    allowOvernight: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Options of a `time-window` field. */
export type TimeWindowOptions = Static<typeof TimeWindowOptionsSchema>;

/** Daily clock times, optionally on some week days. */
export interface TimeWindow extends JsonObject {
  from: string;
  to: string;
}

/** Reads "7", "7:30", "07.30", "0730", "7 Uhr" into "HH:MM"; other text comes back unchanged. */
export function parseTimeText(text: string): string {
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?(?:\s*(?:Uhr|h))?$/iu.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
}

/** The `time-window` field type. */
export const timeWindowField = defineFieldType<TimeWindowOptions, TimeWindow>({
  type: 'time-window',
  optionsSchema: TimeWindowOptionsSchema,
  valueKeys: ['from', 'to', 'days'],
  messages: defineMessages({
    from: { de: 'Von (Uhrzeit)', en: 'From (time)' },
    to: { de: 'Bis (Uhrzeit)', en: 'To (time)' },
    days: { de: 'An diesen Wochentagen', en: 'On these days' },
    fromMissing: { de: 'Bitte geben Sie bei „{label}“ die Uhrzeit des Beginns an.', en: 'Please enter the start time for “{label}”.' },
    toMissing: { de: 'Bitte geben Sie bei „{label}“ die Uhrzeit des Endes an.', en: 'Please enter the end time for “{label}”.' },
    time: {
      de: 'Bitte geben Sie bei „{label}“ eine Uhrzeit im Format HH:MM an, z. B. 07:30.',
      en: 'Please enter a time for “{label}” in the format HH:MM, e.g. 07:30.',
    },
    order: { de: 'Bei „{label}“ muss das Ende nach dem Beginn liegen.', en: 'For “{label}”, the end must be after the start.' },
    earliest: { de: 'Bei „{label}“ darf der Beginn nicht vor {time} Uhr liegen.', en: 'For “{label}”, the start must not be before {time}.' },
    latest: { de: 'Bei „{label}“ darf das Ende nicht nach {time} Uhr liegen.', en: 'For “{label}”, the end must not be after {time}.' },
    daysMissing: { de: 'Bitte wählen Sie bei „{label}“ mindestens einen Wochentag aus.', en: 'Please choose at least one day for “{label}”.' },
    daysInvalid: { de: 'Bitte wählen Sie bei „{label}“ nur Wochentage aus der Liste aus.', en: 'Please choose only days from the list for “{label}”.' },
    inputHint: { de: 'z. B. 07:30', en: 'e.g. 07:30' },
  }),
  prepareOptions(options, env) {
    if (options.earliest && options.latest && options.earliest >= options.latest && !options.allowOvernight) env.report('earliest', 'must be before latest');
    return options;
  },
  missing: (ctx) => [ctx.issue('fromMissing', {}, 'from'), ctx.issue('toMissing', {}, 'to')],
  parseForm(input, ctx) {
    const from = readFormText(input, childPath(ctx.path, 'from'));
    const to = readFormText(input, childPath(ctx.path, 'to'));
    const days = readFormValues(input, childPath(ctx.path, 'days'));
    if (from === undefined && to === undefined && days.length === 0) return undefined;
    return {
      ...(from !== undefined ? { from: parseTimeText(from) } : {}),
      ...(to !== undefined ? { to: parseTimeText(to) } : {}),
      ...(days.length > 0 ? { days } : {}),
    };
  },
  parseJson(value, ctx) {
    if (!isPlainObject(value)) return { issues: [ctx.issue('invalid')] };
    const unknown = unknownKeyIssues(value, ['from', 'to', 'days'], ctx);
    if (unknown.length > 0) return { issues: unknown };
    const { parts, issues } = readTextParts(value, ['from', 'to'] as const, ctx, (s) => s.trim());
    for (const key of ['from', 'to'] as const) if (parts[key] !== undefined && !TIME_RE.test(parts[key])) issues.push(ctx.issue('time', {}, key));
    const rawDays = value.days ?? [];
    if (!Array.isArray(rawDays) || !rawDays.every((d) => typeof d === 'string' && DAYS.includes(d))) issues.push(ctx.issue('daysInvalid', {}, 'days'));
    if (issues.length > 0) return { issues };
    const days = orderedSelection(rawDays as string[], DAY_CHOICES);
    if (parts.from === undefined && parts.to === undefined && days.length === 0) return { issues: [] };
    const missing: FieldIssue[] = [];
    if (parts.from === undefined) missing.push(ctx.issue('fromMissing', {}, 'from'));
    if (parts.to === undefined) missing.push(ctx.issue('toMissing', {}, 'to'));
    if (missing.length > 0 || parts.from === undefined || parts.to === undefined) return { issues: missing };
    return { value: { from: parts.from, to: parts.to, ...(days.length > 0 ? { days } : {}) }, issues: [] };
  },
  validate(value, ctx) {
    const { earliest, latest, allowOvernight } = ctx.options;
    if (value.from === value.to || (value.to < value.from && !allowOvernight)) return [ctx.issue('order', {}, 'to')];
    if (earliest && value.from < earliest) return [ctx.issue('earliest', { time: earliest }, 'from')];
    if (latest && value.to > latest && !(allowOvernight && value.to < value.from)) return [ctx.issue('latest', { time: latest }, 'to')];
    const days = Array.isArray(value.days) ? value.days : [];
    if (ctx.options.days === 'required' && days.length === 0) return [ctx.issue('daysMissing', {}, 'days')];
    if ((ctx.options.days ?? 'none') === 'none' && days.length > 0) return [ctx.issue('unknownProperty', { key: 'days' })];
    return [];
  },
  jsonSchema: ({ options }) => {
    const withDays = (options.days ?? 'none') !== 'none';
    return {
      type: 'object',
      properties: {
        from: { type: 'string', pattern: TIME },
        to: { type: 'string', pattern: TIME },
        ...(withDays ? { days: { type: 'array', items: { enum: DAYS }, uniqueItems: true, minItems: 1 } } : {}),
      },
      required: options.days === 'required' ? ['from', 'to', 'days'] : ['from', 'to'],
      additionalProperties: false,
    };
  },
  format(value, ctx) {
    const times = ctx.locale === 'de' ? `${value.from}–${value.to} Uhr` : `${value.from}–${value.to}`;
    const days = Array.isArray(value.days) ? value.days.map((d) => DAY_LABELS[d as keyof typeof DAY_LABELS][ctx.locale]) : [];
    return [days.length > 0 ? `${times} (${days.join(', ')})` : times];
  },
  view(ctx) {
    const time = { width: 'xs' as const, inputmode: 'numeric' as const, spellcheck: false, hint: ctx.text(ctx.message('inputHint')) };
    const inputs = [partInput(ctx, 'from', time), partInput(ctx, 'to', time)];
    if ((ctx.options.days ?? 'none') !== 'none') {
      const name = childPath(ctx.path, 'days');
      const saved = isPlainObject(ctx.value) && Array.isArray(ctx.value.days) ? ctx.value.days.filter((d): d is string => typeof d === 'string') : [];
      inputs.push({
        control: 'checkboxes',
        name,
        id: inputId(name),
        label: ctx.text(ctx.message('days')),
        value: '',
        choices: choiceViews(ctx, name, DAY_CHOICES, ctx.inputValues(name, saved)),
        required: ctx.options.days === 'required',
      });
    }
    return { layout: 'fieldset', inputs };
  },
});
