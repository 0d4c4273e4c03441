/**
 * `date-range`: a period from one date to another (inclusive), e.g. the days a no-parking zone
 * applies. Stored as `{ "from": "2026-05-04", "to": "2026-05-05" }`; inputs `<path>.from` and
 * `<path>.to`. `minDays`/`maxDays` count both ends (4 May to 5 May is 2 days).
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { checkDateLimits, DATE_PATTERN, dateFromForm, dateLimitIssues, dateMessages, displayDate, readDate } from '../core/date-answer.js';
import { daysBetween, toGermanDate } from '../core/dates.js';
import { defineFieldType, type FieldIssue } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { isPlainObject, type JsonObject } from '../core/json.js';
import { childPath } from '../core/paths.js';
import { displayText } from '../core/text-input.js';
import { partInput, unknownKeyIssues } from '../core/composite.js';
import { DateExpressionSchema } from '../model/common-schemas.js';

/** Options of a `date-range` field. */
export const DateRangeOptionsSchema = Type.Object(
  {
    min: Type.Optional(DateExpressionSchema),
    max: Type.Optional(DateExpressionSchema),
    minDays: Type.Optional(Type.Integer({ minimum: 1 })),
    maxDays: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** Options of a `date-range` field. */
export type DateRangeOptions = Static<typeof DateRangeOptionsSchema>;

/** A period of days, both ends included. */
export interface DateRange extends JsonObject {
  from: string;
  to: string;
}

const PARTS = { from: { de: 'für den Beginn ', en: 'of the start ' }, to: { de: 'für das Ende ', en: 'of the end ' } };

/** The `date-range` field type. */
export const dateRangeField = defineFieldType<DateRangeOptions, DateRange>({
  type: 'date-range',
  optionsSchema: DateRangeOptionsSchema,
  valueKeys: ['from', 'to'],
  messages: defineMessages({
    ...dateMessages,
    fromMissing: { de: 'Bitte geben Sie bei „{label}“ das Datum des Beginns an.', en: 'Please enter the start date for “{label}”.' },
    toMissing: { de: 'Bitte geben Sie bei „{label}“ das Datum des Endes an.', en: 'Please enter the end date for “{label}”.' },
    order: { de: 'Bei „{label}“ darf das Ende nicht vor dem Beginn liegen.', en: 'For “{label}”, the end must not be before the start.' },
    minDays: { de: 'Der Zeitraum bei „{label}“ muss mindestens {min} Tage umfassen.', en: 'The period for “{label}” must cover at least {min} days.' },
    maxDays: { de: 'Der Zeitraum bei „{label}“ darf höchstens {max} Tage umfassen.', en: 'The period for “{label}” can cover at most {max} days.' },
    from: { de: 'Beginn', en: 'Start' },
    to: { de: 'Ende', en: 'End' },
  }),
  prepareOptions(options, env) {
    checkDateLimits(options, env.report);
    if (options.minDays !== undefined && options.maxDays !== undefined && options.minDays > options.maxDays) env.report('minDays', 'must not exceed maxDays');
    return options;
  },
  missing: (ctx) => [ctx.issue('fromMissing', {}, 'from'), ctx.issue('toMissing', {}, 'to')],
  parseForm(input, ctx) {
    const from = dateFromForm(readFormText(input, childPath(ctx.path, 'from')));
    const to = dateFromForm(readFormText(input, childPath(ctx.path, 'to')));
    return from === undefined && to === undefined ? undefined : { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  },
  parseJson(value, ctx) {
    if (!isPlainObject(value)) return { issues: [ctx.issue('invalid')] };
    const unknown = unknownKeyIssues(value, ['from', 'to'], ctx);
    if (unknown.length > 0) return { issues: unknown };
    const from = readDate(value.from, ctx, 'from', PARTS.from);
    const to = readDate(value.to, ctx, 'to', PARTS.to);
    const issues: FieldIssue[] = [...from.issues, ...to.issues];
    if (issues.length > 0) return { issues };
    if (from.value === undefined && to.value === undefined) return { issues: [] };
    if (from.value === undefined) return { issues: [ctx.issue('fromMissing', {}, 'from')] };
    if (to.value === undefined) return { issues: [ctx.issue('toMissing', {}, 'to')] };
    return { value: { from: from.value, to: to.value }, issues: [] };
  },
  validate(value, ctx) {
    const issues = [
      ...dateLimitIssues(value.from, ctx.options, ctx, 'from', PARTS.from),
      ...dateLimitIssues(value.to, ctx.options, ctx, 'to', PARTS.to),
    ];
    if (issues.length > 0) return issues;
    const days = daysBetween(value.from, value.to) + 1;
    if (days < 1) return [ctx.issue('order', {}, 'to')];
    if (ctx.options.minDays !== undefined && days < ctx.options.minDays) return [ctx.issue('minDays', { min: ctx.options.minDays }, 'to')];
    if (ctx.options.maxDays !== undefined && days > ctx.options.maxDays) return [ctx.issue('maxDays', { max: ctx.options.maxDays }, 'to')];
    return [];
  },
  jsonSchema: () => {
    const date = { type: 'string', format: 'date', pattern: DATE_PATTERN };
    return { type: 'object', properties: { from: date, to: date }, required: ['from', 'to'], additionalProperties: false };
  },
  format: (value, ctx) => [
    value.from === value.to ? displayDate(value.from, ctx.locale) : `${displayDate(value.from, ctx.locale)} – ${displayDate(value.to, ctx.locale)}`,
  ],
  view(ctx) {
    const current = isPlainObject(ctx.value) ? ctx.value : {};
    const input = (key: 'from' | 'to') => {
      const saved = current[key];
      const shown = typeof saved === 'string' ? toGermanDate(saved) : displayText(saved);
      return partInput(ctx, key, { hint: ctx.text(dateMessages.inputHint), width: 's', spellcheck: false }, shown);
    };
    return { layout: 'fieldset', inputs: [input('from'), input('to')] };
  },
});
