/**
 * Loading one field: base properties, the type (unknown types fail here), the type's options
 * (checked against its schema, then by its own `prepareOptions`), message overrides, and for
 * groups their sub-fields. Conditions are read here and their references checked later, once
 * the order of all fields is known.
 */
import { readCondition } from '../conditions/condition.js';
import type { Choice } from '../core/field-type.js';
import { isPlainObject } from '../core/json.js';
import { commonFieldMessages } from '../core/messages.js';
import { childPath } from '../core/paths.js';
import { fieldTypeNames, fieldTypes } from '../fields/index.js';
import { FIELD_BASE_KEYS, FieldBaseSchema } from '../model/definition-schema.js';
import type { FieldSpec } from '../model/field-spec.js';
import { joinBase, type IssueCollector } from './load-issues.js';

/** What loading fields needs: where to report, and the definition's code lists. */
export interface FieldLoadEnv {
  readonly issues: IssueCollector;
  readonly codeLists: ReadonlyMap<string, readonly Choice[]>;
}

/** Loads the field at `path`; `undefined` (with issues reported) when it is broken. */
export function loadField(raw: unknown, path: string, env: FieldLoadEnv, insideGroup: boolean): FieldSpec | undefined {
  const { issues } = env;
  if (!isPlainObject(raw)) return void issues.report(path, 'a field must be an object');
  const base = Object.fromEntries(Object.entries(raw).filter(([k]) => FIELD_BASE_KEYS.includes(k)));
  const options = Object.fromEntries(Object.entries(raw).filter(([k]) => !FIELD_BASE_KEYS.includes(k)));
  const baseOk = issues.checkShape(FieldBaseSchema, base, path);
  if (typeof raw.type !== 'string') return undefined;
  const type = fieldTypes[raw.type];
  if (!type) return void issues.report(childPath(path, 'type'), `unknown field type "${raw.type}" (known: ${fieldTypeNames.join(', ')})`);
  const own = Object.keys(type.optionsSchema.properties);
  const hint = `"${type.type}" fields take ${[...FIELD_BASE_KEYS.filter((k) => k !== 'fields' || type.container), ...own].join(', ')}`;
  if (!issues.checkShape(type.optionsSchema, options, path, hint) || !baseOk) return undefined;
  const before = issues.issues.length;
  const prepared = type.prepareOptions
    ? type.prepareOptions(options, { codeLists: env.codeLists, report: (at, message) => issues.report(joinBase(path, at), message) })
    : options;

  const messages = (raw.messages ?? {}) as Record<string, { de: string; en: string }>;
  for (const code of Object.keys(messages)) {
    if (!(code in type.messages) && !(code in commonFieldMessages)) {
      const known = [...new Set([...Object.keys(type.messages), ...Object.keys(commonFieldMessages)])].join(', ');
      issues.report(childPath(childPath(path, 'messages'), code), `unknown message code "${code}" for type "${type.type}" (known: ${known})`);
    }
  }

  let fields: FieldSpec[] = [];
  const rawFields = raw.fields as unknown[] | undefined;
  if (type.container) {
    if (insideGroup) issues.report(childPath(path, 'type'), `"${type.type}" cannot be placed inside another group`);
    else if (!rawFields) issues.report(childPath(path, 'fields'), `is required for a "${type.type}" field`);
    else fields = loadSiblings(rawFields, childPath(path, 'fields'), env, true);
  } else if (rawFields) {
    issues.report(childPath(path, 'fields'), 'only "group" and "repeating-group" fields have sub-fields');
  }

  const when = raw.when === undefined ? undefined : readCondition(raw.when, childPath(path, 'when'), (at, m) => issues.report(at, m));
  if (issues.issues.length > before) return undefined;
  return Object.freeze({
    id: raw.id as string,
    type: type.type,
    label: raw.label as FieldSpec['label'],
    ...(raw.hint ? { hint: raw.hint as FieldSpec['label'] } : {}),
    required: type.alwaysRequired === true || raw.required === true,
    ...(when ? { when } : {}),
    ...(typeof raw.fimId === 'string' ? { fimId: raw.fimId } : {}),
    messages,
    options: prepared,
    fields,
  });
}

/** Loads a list of fields that share one namespace of ids (a page's, or a group's sub-fields). */
export function loadSiblings(raw: readonly unknown[], path: string, env: FieldLoadEnv, insideGroup: boolean): FieldSpec[] {
  const seen = new Set<string>();
  const fields: FieldSpec[] = [];
  raw.forEach((item, i) => {
    const at = `${path}[${i}]`;
    const field = loadField(item, at, env, insideGroup);
    if (!field) return;
    if (seen.has(field.id)) env.issues.report(childPath(at, 'id'), `duplicate field id "${field.id}"`);
    seen.add(field.id);
    fields.push(field);
  });
  return fields;
}
