/**
 * What the upload code of the form runner needs from a file field: its limits (to refuse a
 * file before reading it whole), and adding a stored file's reference to the draft with the
 * same checks and messages as validation uses.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { JsonObject, SubmissionData } from '../core/json.js';
import { fieldAtPath, valueAtPath, withValueAtPath } from '../engine/data-paths.js';
import { fieldContext } from '../engine/field-context.js';
import { fieldTypeOf } from '../engine/field-pipeline.js';
import { nestedFields } from '../engine/record-engine.js';
import { fileReferenceIssues, type FileOptions, type FileReference } from '../fields/file.js';
import type { ServiceDefinition } from '../model/service-definition.js';
import { todayOf, type EvaluationOptions } from './evaluation.js';
import type { ValidationError } from './validate.js';

/** Limits of a file field. */
export interface FileLimits {
  readonly accept: readonly string[];
  readonly maxSizeBytes: number;
  readonly maxFiles: number;
  readonly label: Localized;
}

/** The limits of the file field at `path`, or `undefined` when there is no file field there. */
export function fileLimits(definition: ServiceDefinition, path: string): FileLimits | undefined {
  const field = fieldAtPath(definition, path);
  if (!field || field.type !== 'file') return undefined;
  const options = field.options as FileOptions;
  return { accept: options.accept, maxSizeBytes: options.maxSizeBytes ?? 10 * 1024 * 1024, maxFiles: options.maxFiles ?? 1, label: field.label };
}

/** Adds an uploaded file's reference to the draft, unless the field refuses it (type, size, count). */
export function addUploadedFile(
  definition: ServiceDefinition,
  path: string,
  data: JsonObject,
  file: FileReference,
  options: EvaluationOptions = {},
): { ok: boolean; data: SubmissionData; errors: ValidationError[] } {
  const field = fieldAtPath(definition, path);
  if (!field || field.type !== 'file') throw new Error(`Service "${definition.id}" has no file field at "${path}"`);
  const env = { today: todayOf(options), lookup: () => undefined };
  const ctx = fieldContext(fieldTypeOf(field), field, path, env, nestedFields(env));
  const fieldId = path.split(/[.[]/)[0]!;
  const current = valueAtPath(data, path);
  const files = Array.isArray(current) ? current : [];
  const max = (field.options as FileOptions).maxFiles ?? 1;
  if (files.length >= max) return { ok: false, data, errors: [{ ...ctx.issue('tooMany', { max }), fieldId }] };
  const issues = fileReferenceIssues(file, { options: field.options as FileOptions, issue: ctx.issue }, path);
  if (issues.length > 0) return { ok: false, data, errors: issues.map((i) => ({ ...i, fieldId })) };
  return { ok: true, data: withValueAtPath(data, path, [...files, file]), errors: [] };
}
