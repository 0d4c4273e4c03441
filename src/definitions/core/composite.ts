/**
 * Helpers for field types whose answer is an object of parts (address, name, date range,
 * time window, geometry): unknown keys, reading text parts, and one input per part.
 */
import type { FieldContext, FieldIssue, ViewContext } from './field-type.js';
import { isPlainObject } from './json.js';
import { childPath, inputId } from './paths.js';
import { displayText } from './text-input.js';
import type { InputView } from './view-types.js';

/** Issues for keys an answer object must not have (the schema forbids them too). */
export function unknownKeyIssues<O>(value: Record<string, unknown>, allowed: readonly string[], ctx: FieldContext<O>): FieldIssue[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => ctx.issue('unknownProperty', { key }));
}

/** Reads string parts with `normalize`; blanks are left out; a non-string part is an `invalid` issue. */
export function readTextParts<K extends string, O>(
  value: Record<string, unknown>,
  keys: readonly K[],
  ctx: FieldContext<O>,
  normalize: (text: string) => string,
): { parts: Partial<Record<K, string>>; issues: FieldIssue[] } {
  const parts: Partial<Record<K, string>> = {};
  const issues: FieldIssue[] = [];
  for (const key of keys) {
    const raw = value[key];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') {
      issues.push(ctx.issue('invalid', {}, key));
      continue;
    }
    const text = normalize(raw);
    if (text !== '') parts[key] = text;
  }
  return { parts, issues };
}

/** One text input for the part `key`; its label is the type's message `key` (overridable). */
export function partInput<O>(ctx: ViewContext<O>, key: string, extra: Partial<InputView> = {}, shown?: string): InputView {
  const name = childPath(ctx.path, key);
  const saved = isPlainObject(ctx.value) ? ctx.value[key] : undefined;
  return {
    control: 'text',
    type: 'text',
    name,
    id: inputId(name),
    label: ctx.text(ctx.message(key)),
    value: ctx.inputValue(name, shown ?? displayText(saved)),
    required: ctx.field.required,
    ...extra,
  };
}
