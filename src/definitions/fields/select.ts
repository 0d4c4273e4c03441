/**
 * `select`: one answer from a list shown as a drop-down, for long lists such as legal forms or
 * WZ 2008 codes (`codeList` refers to a list kept once in the definition). Stored as the value.
 */
import { Type, type Static } from '@sinclair/typebox';
import { choicesOf, singleChoiceHooks } from '../core/choice-field.js';
import { choiceViews } from '../core/choice-input.js';
import { defineFieldType } from '../core/field-type.js';
import { displayText, singleInputView } from '../core/text-input.js';
import { ChoiceSourceProperties, WidthSchema } from '../model/common-schemas.js';

/** Options of a `select` field. */
export const SelectOptionsSchema = Type.Object(
  {
    ...ChoiceSourceProperties,
    /** HTML autocomplete token, e.g. `country`. */
    autocomplete: Type.Optional(Type.String({ pattern: '^[a-z0-9 -]+$' })),
    width: Type.Optional(WidthSchema),
  },
  { additionalProperties: false },
);

/** Options of a `select` field. */
export type SelectOptions = Static<typeof SelectOptionsSchema>;

/** The `select` field type. */
export const selectField = defineFieldType<SelectOptions, string>({
  type: 'select',
  optionsSchema: SelectOptionsSchema,
  ...singleChoiceHooks<SelectOptions>(),
  view(ctx) {
    const selected = ctx.inputValue(ctx.path, displayText(ctx.value));
    return singleInputView(
      ctx,
      {
        control: 'select',
        choices: choiceViews(ctx, ctx.path, choicesOf(ctx), [selected]),
        placeholder: ctx.text(ctx.message('placeholder')),
        ...(ctx.options.autocomplete ? { autocomplete: ctx.options.autocomplete } : {}),
        ...(ctx.options.width ? { width: ctx.options.width } : {}),
      },
      selected,
    );
  },
});
