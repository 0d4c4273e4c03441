/**
 * `date`: a calendar date, typed as "31.12.2026" (or "1.2.2026", or ISO "2026-12-31") and
 * stored as ISO `YYYY-MM-DD`. Limits may be fixed dates or relative to today in Europe/Berlin:
 * `"min": "today"` (not in the past), `"max": "today"` (birth dates), `"min": "today+14"`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { checkDateLimits, DATE_PATTERN, dateFromForm, dateLimitIssues, dateMessages, displayDate, readDate } from '../core/date-answer.js';
import { toGermanDate } from '../core/dates.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { displayText, singleInputView } from '../core/text-input.js';
import { DateExpressionSchema } from '../model/common-schemas.js';

/** Options of a `date` field. */
export const DateOptionsSchema = Type.Object(
  {
    min: Type.Optional(DateExpressionSchema),
    max: Type.Optional(DateExpressionSchema),
    /** HTML autocomplete token, e.g. `bday` for the applicant's own birth date. */
    autocomplete: Type.Optional(Type.String({ pattern: '^[a-z0-9 -]+$' })),
  },
  { additionalProperties: false },
);

/** Options of a `date` field. */
export type DateOptions = Static<typeof DateOptionsSchema>;

/** The `date` field type. */
export const dateField = defineFieldType<DateOptions, string>({
  type: 'date',
  optionsSchema: DateOptionsSchema,
  messages: dateMessages,
  prepareOptions(options, env) {
    checkDateLimits(options, env.report);
    return options;
  },
  parseForm: (input, ctx) => dateFromForm(readFormText(input, ctx.path)),
  parseJson: (value, ctx) => readDate(value, ctx),
  validate: (value, ctx) => dateLimitIssues(value, ctx.options, ctx),
  // Relative limits change every day, so the schema states the shape; limits are checked by validation.
  jsonSchema: () => ({ type: 'string', format: 'date', pattern: DATE_PATTERN }),
  format: (value, ctx) => [displayDate(value, ctx.locale)],
  view: (ctx) =>
    singleInputView(
      ctx,
      {
        control: 'text',
        type: 'text',
        width: 's',
        spellcheck: false,
        hint: ctx.text(dateMessages.inputHint),
        ...(ctx.options.autocomplete ? { autocomplete: ctx.options.autocomplete } : {}),
      },
      typeof ctx.value === 'string' ? toGermanDate(ctx.value) : displayText(ctx.value),
    ),
});
