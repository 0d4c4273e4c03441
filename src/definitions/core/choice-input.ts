/**
 * Shared by the choice field types (select, radio, checkboxes) and by parts of composite types
 * that offer a fixed choice (week days, street side): reading values and building choice views.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { Choice, ViewContext } from './field-type.js';
import { inputId } from './paths.js';
import type { ChoiceView } from './view-types.js';

/** Choice views for `choices`, marking those in `selected`; ids are `<input id>-<value>`. */
export function choiceViews<O>(ctx: ViewContext<O>, name: string, choices: readonly Choice[], selected: readonly string[]): ChoiceView[] {
  // Once per input, not per option: a country list has 250 options (B2 profile).
  const base = inputId(name);
  return choices.map((choice) => ({
    value: choice.value,
    label: ctx.text(choice.label),
    ...(choice.hint ? { hint: ctx.text(choice.hint) } : {}),
    id: `${base}-${choice.value.replace(/[^A-Za-z0-9_-]/g, '_')}`,
    selected: selected.includes(choice.value),
  }));
}

/** Turns a map of value → label into choices, in the map's order. */
export function choicesFromLabels(labels: Readonly<Record<string, Localized>>): Choice[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** Keeps the values that are choices, in the choices' order, without duplicates. */
export function orderedSelection(values: readonly string[], choices: readonly Choice[]): string[] {
  return choices.filter((c) => values.includes(c.value)).map((c) => c.value);
}
