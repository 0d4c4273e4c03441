/**
 * `checkboxes`: any number of answers from a list (e.g. "Art des Betriebs": Industrie, Handwerk,
 * Handel, Sonstiges). Stored as a list of values in the list's order, without duplicates; no
 * tick at all is "no answer".
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { choiceLabel, choiceMessages, choicesOf, prepareChoices } from '../core/choice-field.js';
import { choiceViews, orderedSelection } from '../core/choice-input.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormValues } from '../core/form-input.js';
import { inputId } from '../core/paths.js';
import { ChoiceSourceProperties } from '../model/common-schemas.js';

/** Options of a `checkboxes` field. */
export const CheckboxesOptionsSchema = Type.Object(
  {
    ...ChoiceSourceProperties,
    minSelected: Type.Optional(Type.Integer({ minimum: 1 })),
    maxSelected: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** Options of a `checkboxes` field. */
export type CheckboxesOptions = Static<typeof CheckboxesOptionsSchema>;

/** The `checkboxes` field type. */
export const checkboxesField = defineFieldType<CheckboxesOptions, string[]>({
  type: 'checkboxes',
  optionsSchema: CheckboxesOptionsSchema,
  messages: defineMessages({
    ...choiceMessages,
    required: { de: 'Bitte wählen Sie bei „{label}“ mindestens eine Antwort aus.', en: 'Please choose at least one answer for “{label}”.' },
    minSelected: { de: 'Bitte wählen Sie bei „{label}“ mindestens {min} Antworten aus.', en: 'Please choose at least {min} answers for “{label}”.' },
    maxSelected: { de: 'Bitte wählen Sie bei „{label}“ höchstens {max} Antworten aus.', en: 'Please choose at most {max} answers for “{label}”.' },
  }),
  prepareOptions(options, env) {
    const prepared = prepareChoices(options, env);
    if (options.minSelected !== undefined && options.maxSelected !== undefined && options.minSelected > options.maxSelected) {
      env.report('minSelected', 'must not exceed maxSelected');
    }
    return prepared;
  },
  conditionValues: (options) => (options.choices ?? []).map((c) => c.value),
  parseForm(input, ctx) {
    const values = readFormValues(input, ctx.path).filter((v) => v !== '');
    return values.length > 0 ? values : undefined;
  },
  parseJson(value, ctx) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { issues: [ctx.issue('notAChoice')] };
    const choices = choicesOf(ctx);
    if (value.some((v) => !choices.some((c) => c.value === v))) return { issues: [ctx.issue('notAChoice')] };
    const selected = orderedSelection(value, choices);
    return selected.length > 0 ? { value: selected, issues: [] } : { issues: [] };
  },
  validate(value, ctx) {
    const { minSelected, maxSelected } = ctx.options;
    if (minSelected !== undefined && value.length < minSelected) return [ctx.issue('minSelected', { min: minSelected })];
    if (maxSelected !== undefined && value.length > maxSelected) return [ctx.issue('maxSelected', { max: maxSelected })];
    return [];
  },
  jsonSchema: (ctx) => ({
    type: 'array',
    items: { enum: choicesOf(ctx).map((c) => c.value) },
    uniqueItems: true,
    minItems: ctx.options.minSelected ?? 1,
    ...(ctx.options.maxSelected !== undefined ? { maxItems: ctx.options.maxSelected } : {}),
  }),
  format: (value, ctx) => value.map((v) => choiceLabel(ctx, v, ctx.locale)),
  view(ctx) {
    const saved = Array.isArray(ctx.value) ? ctx.value.filter((v): v is string => typeof v === 'string') : [];
    const choices = choiceViews(ctx, ctx.path, choicesOf(ctx), ctx.inputValues(ctx.path, saved));
    return {
      layout: 'fieldset',
      inputs: [
        {
          control: 'checkboxes',
          name: ctx.path,
          id: choices[0]?.id ?? inputId(ctx.path),
          label: ctx.text(ctx.field.label),
          value: '',
          choices,
          required: ctx.field.required,
        },
      ],
    };
  },
});
