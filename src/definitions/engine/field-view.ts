/**
 * Builds the view model of a field: the type decides its inputs; this adds the common parts
 * (ids, label, hint, errors, `aria-describedby`) so every type gets them the same way.
 * Element ids: the hint is `<id>-hint`, a field-level error `<id>-error`, an input's error
 * `<input id>-error`.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { InputView, FieldView } from '../core/view-types.js';
import type { TypeView, ViewContext, ViewEnv } from '../core/field-type.js';
import { readFormValue, readFormValues } from '../core/form-input.js';
import { inputId } from '../core/paths.js';
import type { FieldSpec } from '../model/field-spec.js';
import { fieldContext } from './field-context.js';
import { fieldTypeOf } from './field-pipeline.js';
import { nestedFields } from './record-engine.js';

/** Builds the view context for one field (also used by types that show sub-fields). */
export function viewContext(spec: FieldSpec, value: unknown, path: string, env: ViewEnv, labelSuffix?: Localized): ViewContext<unknown> {
  const type = fieldTypeOf(spec);
  const { raw, locale, errors } = env;
  return {
    ...fieldContext(type, spec, path, env, nestedFields(env), labelSuffix),
    locale,
    value,
    viewEnv: env,
    inputValue: (name, fallback) => (raw ? (readFormValue(raw, name) ?? '') : fallback),
    inputValues: (name, fallback) => (raw ? readFormValues(raw, name) : [...fallback]),
    errorAt: (at) => errors.get(at)?.[locale],
    text: (l) => l[locale] || l.de,
  };
}

/** The view model of one field at `path` showing `value` (saved answer or failed candidate). */
export function buildFieldView(spec: FieldSpec, value: unknown, path: string, env: ViewEnv, labelSuffix?: Localized): FieldView {
  const ctx = viewContext(spec, value, path, env, labelSuffix);
  const typeView = fieldTypeOf(spec).view(ctx);
  const base = inputId(path);
  const hintId = spec.hint ? `${base}-hint` : undefined;
  const ownError = typeView.inputs.some((i) => i.name === path) ? undefined : ctx.errorAt(path);
  const errorId = ownError ? `${base}-error` : undefined;
  const inputs = typeView.inputs.map((input) => withDescription(input, ctx.errorAt(input.name), hintId, errorId));
  return {
    fieldId: spec.id,
    type: spec.type,
    path,
    id: `${base}-field`,
    focusId: focusTarget(typeView, base),
    label: ctx.text(spec.label),
    ...(spec.hint ? { hint: ctx.text(spec.hint), hintId } : {}),
    ...(ownError ? { error: ownError, errorId } : {}),
    required: spec.required,
    ...typeView,
    inputs,
  };
}

/** The first control a person would fix: a visible input, else the first input of a row or sub-field. */
function focusTarget(view: TypeView, base: string): string {
  const input = view.inputs.find((i) => i.control !== 'hidden');
  return input?.id ?? view.rows?.[0]?.fields[0]?.focusId ?? view.fields?.[0]?.focusId ?? `${base}-field`;
}

function withDescription(input: InputView, error: string | undefined, fieldHintId?: string, fieldErrorId?: string): InputView {
  const ids = [fieldHintId, input.hint ? `${input.id}-hint` : undefined, error ? `${input.id}-error` : undefined, fieldErrorId];
  const describedBy = ids.filter(Boolean).join(' ');
  return { ...input, ...(error ? { error } : {}), ...(describedBy ? { describedBy } : {}) };
}
