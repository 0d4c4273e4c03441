/**
 * Reading and writing answers and field definitions by data path (`managers[1].passport`),
 * for actions that target one input: removing a file, adding a row.
 */
import { isPlainObject, type JsonObject, type JsonValue } from '../core/json.js';
import { splitPath } from '../core/paths.js';
import type { FieldSpec } from '../model/field-spec.js';
import type { ServiceDefinition } from '../model/service-definition.js';

/** The field a data path belongs to (through groups and repeating-group rows), or `undefined`. */
export function fieldAtPath(definition: ServiceDefinition, path: string): FieldSpec | undefined {
  const [head, ...rest] = splitPath(path);
  let field = definition.pages.flatMap((p) => p.fields).find((f) => f.id === head);
  for (const part of rest) {
    if (!field) return undefined;
    if (typeof part === 'number') {
      if (field.type !== 'repeating-group') return undefined;
      continue;
    }
    field = field.fields.find((f) => f.id === part);
  }
  return field;
}

/** The answer at a path, or `undefined`. */
export function valueAtPath(data: JsonObject, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = data;
  for (const part of splitPath(path)) {
    if (typeof part === 'number') value = Array.isArray(value) ? value[part] : undefined;
    else value = isPlainObject(value) ? (value as JsonObject)[part] : undefined;
  }
  return value;
}

/** A copy of `data` with the answer at `path` replaced (`undefined` removes it); missing parents are created. */
export function withValueAtPath(data: JsonObject, path: string, value: JsonValue | undefined): JsonObject {
  const parts = splitPath(path);
  const write = (node: JsonValue | undefined, index: number): JsonValue | undefined => {
    const part = parts[index]!;
    const last = index === parts.length - 1;
    if (typeof part === 'number') {
      const list: JsonValue[] = Array.isArray(node) ? [...node] : [];
      while (list.length < part) list.push({});
      const inner = last ? value : write(list[part], index + 1);
      if (inner === undefined) list.splice(part, 1);
      else list[part] = inner;
      return list;
    }
    const record: JsonObject = isPlainObject(node) ? { ...(node as JsonObject) } : {};
    const inner = last ? value : write(record[part], index + 1);
    if (inner === undefined) delete record[part];
    else record[part] = inner;
    return record;
  };
  return parts.length === 0 ? data : (write(data, 0) as JsonObject);
}

/** The top-level field id a path starts with. */
export function topFieldId(path: string): string {
  return String(splitPath(path)[0] ?? '');
}
