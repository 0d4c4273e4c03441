/**
 * Builds the contexts the field-type hooks receive: the message lookup (definition override →
 * type → common), the label used in messages, and the nested-fields hooks for groups.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { AnyFieldType, FieldContext, FieldIssue, NestedFields, PipelineEnv } from '../core/field-type.js';
import { childPath } from '../core/paths.js';
import { commonFieldMessages, renderMessage, type MessageParams } from '../core/messages.js';
import type { FieldSpec } from '../model/field-spec.js';

/** The label in messages: inside a repeating group it names the row ("Vorname (Geschäftsführer/in 2)"). */
export function messageLabel(label: Localized, suffix: Localized | undefined): Localized {
  return suffix ? { de: `${label.de} (${suffix.de})`, en: `${label.en} (${suffix.en})` } : label;
}

/** Builds the context for one field at one path. */
export function fieldContext(
  type: AnyFieldType,
  spec: FieldSpec,
  path: string,
  env: PipelineEnv,
  nested: NestedFields,
  labelSuffix?: Localized,
): FieldContext<unknown> {
  const label = messageLabel(spec.label, labelSuffix);
  const message = (code: string, params: MessageParams = {}): Localized => {
    const template = spec.messages[code] ?? type.messages[code] ?? (commonFieldMessages as Record<string, Localized>)[code];
    if (!template) throw new Error(`Field type "${type.type}" has no message "${code}"`);
    return renderMessage(template, { label, ...params });
  };
  return {
    field: spec,
    options: spec.options,
    path,
    label,
    today: env.today,
    nested,
    message,
    issue(code: string, params: MessageParams = {}, subKey?: string): FieldIssue {
      return { path: subKey ? childPath(path, subKey) : path, code, message: message(code, params) };
    },
  };
}
