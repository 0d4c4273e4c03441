/**
 * `declaration`: a statement the applicant must confirm by ticking a box ("Ich versichere, dass
 * meine Angaben richtig und vollständig sind."). The label is the statement. Always required
 * when shown; stored as `true`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { inputId } from '../core/paths.js';

/** Options of a `declaration` field. */
export const DeclarationOptionsSchema = Type.Object({}, { additionalProperties: false });

/** Options of a `declaration` field. */
export type DeclarationOptions = Static<typeof DeclarationOptionsSchema>;

/** The `declaration` field type. */
export const declarationField = defineFieldType<DeclarationOptions, true>({
  type: 'declaration',
  optionsSchema: DeclarationOptionsSchema,
  alwaysRequired: true,
  messages: defineMessages({
    required: {
      de: 'Bitte bestätigen Sie die Erklärung „{label}“, indem Sie das Kästchen ankreuzen.',
      en: 'Please confirm the statement “{label}” by ticking the box.',
    },
    invalid: {
      de: 'Bitte bestätigen Sie die Erklärung „{label}“, indem Sie das Kästchen ankreuzen.',
      en: 'Please confirm the statement “{label}” by ticking the box.',
    },
    confirmed: { de: 'Bestätigt', en: 'Confirmed' },
  }),
  parseForm: (input, ctx) => (readFormText(input, ctx.path) === 'yes' ? true : undefined),
  // An explicit `false` means "not confirmed", the same as an unticked box.
  parseJson: (value, ctx) => (value === true ? { value: true, issues: [] } : value === false ? { issues: [] } : { issues: [ctx.issue('invalid')] }),
  validate: () => [],
  jsonSchema: () => ({ const: true }),
  format: (_value, ctx) => [ctx.message('confirmed')[ctx.locale]],
  view(ctx) {
    const ticked = ctx.inputValue(ctx.path, ctx.value === true ? 'yes' : '') === 'yes';
    return {
      layout: 'single',
      inputs: [
        {
          control: 'checkbox',
          name: ctx.path,
          id: inputId(ctx.path),
          label: ctx.text(ctx.field.label),
          value: 'yes',
          checked: ticked,
          checkedValue: 'yes',
          required: true,
        },
      ],
    };
  },
});
