/**
 * Shared logic of the text-like field types (text, textarea, e-mail, phone): reading a string
 * answer, length limits counted like JSON Schema counts them, and the single-input view.
 */
import type { FieldContext, FieldIssue, ParseOutcome, TypeView, ViewContext } from './field-type.js';
import type { InputView } from './view-types.js';
import { characterCount } from './text.js';
import { inputId } from './paths.js';

/** Reads a string answer with `normalize`; blank gives no value, a non-string is refused. */
export function readTextAnswer<O>(value: unknown, ctx: FieldContext<O>, normalize: (s: string) => string): ParseOutcome<string> {
  if (typeof value !== 'string') return { issues: [ctx.issue('invalid')] };
  const text = normalize(value);
  return text === '' ? { issues: [] } : { value: text, issues: [] };
}

/** Issues for a text outside `min`..`max` characters. */
export function lengthIssues<O>(text: string, ctx: FieldContext<O>, min: number | undefined, max: number): FieldIssue[] {
  const length = characterCount(text);
  if (length > max) return [ctx.issue('tooLong', { max })];
  if (min !== undefined && length < min) return [ctx.issue('tooShort', { min })];
  return [];
}

/** The text shown for a value in an input: strings as they are, numbers as digits, else blank. */
export function displayText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A view with one input named after the field's path. */
export function singleInputView<O>(ctx: ViewContext<O>, input: Partial<InputView> & Pick<InputView, 'control'>, shown?: string): TypeView {
  return {
    layout: 'single',
    inputs: [
      {
        name: ctx.path,
        id: inputId(ctx.path),
        label: ctx.text(ctx.field.label),
        value: ctx.inputValue(ctx.path, shown ?? displayText(ctx.value)),
        required: ctx.field.required,
        ...input,
      },
    ],
  };
}
