/**
 * Turning a form post into draft data, and the actions a page can post without JavaScript:
 * `action=add-row:<path>`, `action=remove-row:<path>:<index>`, `action=remove-file:<path>:<id>`
 * (anything else, or no action, is `continue`). After `parseFormPage`, the runner either applies
 * the action and shows the page again, or validates the page with `validatePage`.
 */
import type { FormInput } from '../core/form-input.js';
import type { JsonObject, SubmissionData } from '../core/json.js';
import { fieldAtPath, valueAtPath, withValueAtPath } from '../engine/data-paths.js';
import { parseFieldForm } from '../engine/field-pipeline.js';
import { addRow, removeRow } from '../fields/repeating-group.js';
import type { RepeatingGroupOptions } from '../fields/repeating-group.js';
import type { ServiceDefinition } from '../model/service-definition.js';
import { todayOf, type EvaluationOptions } from './evaluation.js';

/** What a page post asks for. */
export type FormAction =
  | { readonly kind: 'continue' }
  | { readonly kind: 'add-row'; readonly path: string }
  | { readonly kind: 'remove-row'; readonly path: string; readonly index: number }
  | { readonly kind: 'remove-file'; readonly path: string; readonly fileId: string };

/**
 * The draft with this page's answers taken from the post. Every field of the page is read,
 * shown or not (without JavaScript, fields that depend on an answer on the same page are
 * shown); `validatePage` then drops the hidden ones. File fields keep their uploaded files.
 */
export function parseFormPage(definition: ServiceDefinition, pageId: string, input: FormInput, draft: JsonObject, options: EvaluationOptions = {}): SubmissionData {
  const page = definition.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`Service "${definition.id}" has no page "${pageId}"`);
  const env = { today: todayOf(options), lookup: () => undefined };
  const data: SubmissionData = { ...draft };
  for (const field of page.fields) {
    const value = parseFieldForm(field, input, field.id, draft[field.id], env);
    if (value === undefined) delete data[field.id];
    else data[field.id] = value;
  }
  return data;
}

/** Reads the `action` value of a post; unknown or missing actions are `continue`. */
export function parseFormAction(value: string | readonly string[] | undefined): FormAction {
  const text = typeof value === 'string' ? value : value?.[0];
  const addRowMatch = /^add-row:([A-Za-z0-9_.[\]]+)$/.exec(text ?? '');
  if (addRowMatch) return { kind: 'add-row', path: addRowMatch[1]! };
  const removeRowMatch = /^remove-row:([A-Za-z0-9_.[\]]+):(\d{1,3})$/.exec(text ?? '');
  if (removeRowMatch) return { kind: 'remove-row', path: removeRowMatch[1]!, index: Number(removeRowMatch[2]) };
  const removeFileMatch = /^remove-file:([A-Za-z0-9_.[\]]+):([A-Za-z0-9_-]{1,128})$/.exec(text ?? '');
  if (removeFileMatch) return { kind: 'remove-file', path: removeFileMatch[1]!, fileId: removeFileMatch[2]! };
  return { kind: 'continue' };
}

/**
 * Applies a row or file action to the (parsed) page data. Only targets on this page count;
 * anything else leaves the data unchanged. `focus` is the data path the page should lead to
 * next (the new row, or the list after a removal).
 */
export function applyFormAction(definition: ServiceDefinition, pageId: string, data: JsonObject, action: FormAction): { data: SubmissionData; focus?: string } {
  if (action.kind === 'continue') return { data };
  const page = definition.pages.find((p) => p.id === pageId);
  const field = fieldAtPath(definition, action.path);
  const topId = action.path.split(/[.[]/)[0];
  if (!page || !field || !page.fields.some((f) => f.id === topId)) return { data };
  const current = valueAtPath(data, action.path);
  if (action.kind === 'remove-file') {
    if (field.type !== 'file' || !Array.isArray(current)) return { data };
    const kept = current.filter((f) => !(typeof f === 'object' && f !== null && !Array.isArray(f) && f.id === action.fileId));
    return { data: withValueAtPath(data, action.path, kept.length > 0 ? kept : undefined), focus: action.path };
  }
  if (field.type !== 'repeating-group') return { data };
  const options = field.options as RepeatingGroupOptions;
  if (action.kind === 'add-row') {
    const rows = addRow(current, options);
    return { data: withValueAtPath(data, action.path, rows), focus: `${action.path}[${rows.length - 1}]` };
  }
  const rows = removeRow(current, action.index);
  return { data: withValueAtPath(data, action.path, rows.length > 0 ? rows : undefined), focus: action.path };
}
