/**
 * The part of select, radio and checkboxes that is the same: where the choices come from
 * (inline `choices` or a `codeList` of the definition, resolved when loading), and their
 * messages.
 */
import { defineMessages } from '../../platform/i18n/i18n.js';
import type { Choice, FieldContext, FieldType, OptionsEnv, ViewContext } from './field-type.js';
import { readFormText } from './form-input.js';
import { inputId } from './paths.js';
import type { ChoiceView, InputView } from './view-types.js';

/** Options every choice type has once loaded: the choices are always resolved. */
export interface ChoiceOptions {
  choices?: Choice[];
  codeList?: string;
}

/** Messages of the choice types. */
export const choiceMessages = defineMessages({
  required: { de: 'Bitte wählen Sie bei „{label}“ eine Antwort aus.', en: 'Please choose an answer for “{label}”.' },
  notAChoice: {
    de: 'Bitte wählen Sie bei „{label}“ eine Antwort aus der Liste aus.',
    en: 'Please choose an answer from the list for “{label}”.',
  },
  placeholder: { de: 'Bitte auswählen', en: 'Please choose' },
});

/** Resolves `codeList` into `choices` and checks there is exactly one source with unique values. */
export function prepareChoices<O extends ChoiceOptions>(options: O, env: OptionsEnv): O {
  if ((options.choices === undefined) === (options.codeList === undefined)) {
    env.report('choices', 'give either "choices" or "codeList"');
    return options;
  }
  let choices = options.choices;
  if (options.codeList !== undefined) {
    choices = env.codeLists.get(options.codeList) as Choice[] | undefined;
    if (!choices) {
      env.report('codeList', `unknown code list "${options.codeList}"`);
      return options;
    }
  }
  const seen = new Set<string>();
  choices?.forEach((choice, i) => {
    if (seen.has(choice.value)) env.report(`choices[${i}].value`, `duplicate choice value "${choice.value}"`);
    seen.add(choice.value);
  });
  return { ...options, choices };
}

/** The resolved choices of a field. */
export function choicesOf<O extends ChoiceOptions>(ctx: { options: O }): readonly Choice[] {
  return ctx.options.choices ?? [];
}

/** Reads one chosen value (trimmed); blank is no answer, anything not on the list an issue. */
export function readChoice<O extends ChoiceOptions>(value: unknown, ctx: FieldContext<O>): { value?: string; issues: ReturnType<FieldContext<O>['issue']>[] } {
  if (typeof value !== 'string') return { issues: [ctx.issue('notAChoice')] };
  const text = value.trim();
  if (text === '') return { issues: [] };
  return choicesOf(ctx).some((c) => c.value === text) ? { value: text, issues: [] } : { issues: [ctx.issue('notAChoice')] };
}

/** The label of a chosen value in a language (the value itself if unknown). */
export function choiceLabel<O extends ChoiceOptions>(ctx: { options: O }, value: string, locale: 'de' | 'en'): string {
  return choicesOf(ctx).find((c) => c.value === value)?.label[locale] ?? value;
}

/** Everything but the view of a single-answer choice type (select, radio): read, check, schema, format. */
export function singleChoiceHooks<O extends ChoiceOptions>(): Pick<
  FieldType<O, string>,
  'messages' | 'prepareOptions' | 'conditionValues' | 'parseForm' | 'parseJson' | 'validate' | 'jsonSchema' | 'format'
> {
  return {
    messages: choiceMessages,
    prepareOptions: prepareChoices,
    conditionValues: (options) => (options.choices ?? []).map((c) => c.value),
    parseForm: (input, ctx) => readFormText(input, ctx.path),
    parseJson: (value, ctx) => readChoice(value, ctx),
    validate: () => [],
    jsonSchema: (ctx) => ({ type: 'string', enum: choicesOf(ctx).map((c) => c.value) }),
    format: (value, ctx) => [choiceLabel(ctx, value, ctx.locale)],
  };
}

/** A radio group input; its id is the first radio's, where the error summary should land. */
export function radiosInput<O>(ctx: ViewContext<O>, choices: ChoiceView[], selected: string, inline: boolean): InputView {
  return {
    control: 'radios',
    name: ctx.path,
    id: choices[0]?.id ?? inputId(ctx.path),
    label: ctx.text(ctx.field.label),
    value: selected,
    choices,
    ...(inline ? { inline: true } : {}),
    required: ctx.field.required,
  };
}
