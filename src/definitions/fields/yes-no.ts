/**
 * `yes-no`: a question answered Ja or Nein (e.g. "Wird die Tätigkeit im Nebenerwerb
 * ausgeübt?"). Stored as `true`/`false`; the form posts `yes`/`no`. Conditions compare with
 * `true` or `false`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { choiceViews, choicesFromLabels } from '../core/choice-input.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { radiosInput } from '../core/choice-field.js';

/** Options of a `yes-no` field. */
export const YesNoOptionsSchema = Type.Object({}, { additionalProperties: false });

/** Options of a `yes-no` field. */
export type YesNoOptions = Static<typeof YesNoOptionsSchema>;

const messages = defineMessages({
  required: { de: 'Bitte beantworten Sie die Frage „{label}“ mit Ja oder Nein.', en: 'Please answer “{label}” with yes or no.' },
  invalid: { de: 'Bitte beantworten Sie die Frage „{label}“ mit Ja oder Nein.', en: 'Please answer “{label}” with yes or no.' },
  yes: { de: 'Ja', en: 'Yes' },
  no: { de: 'Nein', en: 'No' },
});

/** The `yes-no` field type. */
export const yesNoField = defineFieldType<YesNoOptions, boolean>({
  type: 'yes-no',
  optionsSchema: YesNoOptionsSchema,
  messages,
  conditionValues: () => [true, false],
  parseForm(input, ctx) {
    const text = readFormText(input, ctx.path);
    return text === 'yes' ? true : text === 'no' ? false : text;
  },
  parseJson: (value, ctx) => (typeof value === 'boolean' ? { value, issues: [] } : { issues: [ctx.issue('invalid')] }),
  validate: () => [],
  jsonSchema: () => ({ type: 'boolean' }),
  format: (value, ctx) => [ctx.message(value ? 'yes' : 'no')[ctx.locale]],
  view(ctx) {
    const fallback = ctx.value === true ? 'yes' : ctx.value === false ? 'no' : '';
    const selected = ctx.inputValue(ctx.path, fallback);
    const choices = choiceViews(ctx, ctx.path, choicesFromLabels({ yes: ctx.message('yes'), no: ctx.message('no') }), [selected]);
    return { layout: 'fieldset', inputs: [radiosInput(ctx, choices, selected, true)] };
  },
});
