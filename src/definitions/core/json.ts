/**
 * JSON value types for submitted data. Everything a service stores, exports or sends over the API
 * is plain JSON, so the types say so and nothing else leaks in.
 */

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The submitted data of a service: one entry per visible, answered field, keyed by field id. */
export type SubmissionData = JsonObject;

/** A JSON Schema fragment (2020-12), kept as plain data. */
export type JsonSchema = JsonObject;

/** True for a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Serialises JSON with sorted keys, so equal content always gives equal text (for hashing). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
