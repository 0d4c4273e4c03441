/**
 * `radio`: one answer from a short list, all options visible (e.g. the reason for a
 * registration). Stored as the chosen value.
 */
import { Type, type Static } from '@sinclair/typebox';
import { choicesOf, radiosInput, singleChoiceHooks } from '../core/choice-field.js';
import { choiceViews } from '../core/choice-input.js';
import { defineFieldType } from '../core/field-type.js';
import { displayText } from '../core/text-input.js';
import { ChoiceSourceProperties } from '../model/common-schemas.js';

/** Options of a `radio` field. */
export const RadioOptionsSchema = Type.Object(
  {
    ...ChoiceSourceProperties,
    /** Show the options side by side (only for two or three short ones). */
    inline: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Options of a `radio` field. */
export type RadioOptions = Static<typeof RadioOptionsSchema>;

/** The `radio` field type. */
export const radioField = defineFieldType<RadioOptions, string>({
  type: 'radio',
  optionsSchema: RadioOptionsSchema,
  ...singleChoiceHooks<RadioOptions>(),
  view(ctx) {
    const selected = ctx.inputValue(ctx.path, displayText(ctx.value));
    const choices = choiceViews(ctx, ctx.path, choicesOf(ctx), [selected]);
    return { layout: 'fieldset', inputs: [radiosInput(ctx, choices, selected, ctx.options.inline === true)] };
  },
});
