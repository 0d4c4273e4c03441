/**
 * `repeating-group`: a list of records with the same sub-fields, e.g. several managing
 * directors, stored as an array (`managers[0].name.given`). Works without JavaScript: each row
 * has a remove button posting `action=remove-row:<path>:<index>`, the list an add button posting
 * `action=add-row:<path>`; `addRow`/`removeRow` apply them to the posted data. A hidden
 * `<path>.rowCount` input keeps rows whose inputs post nothing (all boxes unticked).
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import type { Localized } from '../../platform/db/schema.js';
import { defineFieldType, type FieldIssue, type ViewContext } from '../core/field-type.js';
import { readFormText, type FormInput } from '../core/form-input.js';
import { isPlainObject, type JsonObject, type JsonValue } from '../core/json.js';
import { childPath, indexPath, inputId } from '../core/paths.js';
import { unknownKeyIssues } from '../core/composite.js';
import { LocalizedSchema } from '../model/common-schemas.js';
import type { RowView } from '../core/view-types.js';

/** Options of a `repeating-group` field (its sub-fields are the field's `fields`). */
export const RepeatingGroupOptionsSchema = Type.Object(
  {
    /** Fewest rows (default 0; a required group needs at least one anyway). */
    minRows: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    /** Most rows (default 10). */
    maxRows: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    /** What one row is, e.g. { de: "Geschäftsführer/in", en: "Managing director" }. */
    itemLabel: Type.Optional(LocalizedSchema),
    /** Text of the add button, e.g. { de: "Weitere Person hinzufügen", en: "Add another person" }. */
    addLabel: Type.Optional(LocalizedSchema),
  },
  { additionalProperties: false },
);

/** Options of a `repeating-group` field. */
export type RepeatingGroupOptions = Static<typeof RepeatingGroupOptionsSchema>;

const DEFAULT_MAX_ROWS = 10;

const messages = defineMessages({
  required: { de: 'Bitte fügen Sie bei „{label}“ mindestens einen Eintrag hinzu.', en: 'Please add at least one entry for “{label}”.' },
  minRows: { de: 'Bei „{label}“ sind mindestens {min} Einträge nötig.', en: '“{label}” needs at least {min} entries.' },
  maxRows: { de: 'Bei „{label}“ sind höchstens {max} Einträge möglich.', en: '“{label}” allows at most {max} entries.' },
  item: { de: 'Eintrag', en: 'Entry' },
  add: { de: 'Weiteren Eintrag hinzufügen', en: 'Add another entry' },
  remove: { de: '{item} {number} entfernen', en: 'Remove {item} {number}' },
});

/** How many rows the list may have. */
export function rowLimits(options: RepeatingGroupOptions, required: boolean): { min: number; max: number } {
  return { min: Math.max(options.minRows ?? 0, required ? 1 : 0), max: options.maxRows ?? DEFAULT_MAX_ROWS };
}

/** The list with one empty row added, or unchanged when it is full. */
export function addRow(value: unknown, options: RepeatingGroupOptions): JsonValue[] {
  const rows = Array.isArray(value) ? (value as JsonValue[]) : [];
  return rows.length >= (options.maxRows ?? DEFAULT_MAX_ROWS) ? rows : [...rows, {}];
}

/** The list without the row at `index` (unchanged when there is no such row). */
export function removeRow(value: unknown, index: number): JsonValue[] {
  const rows = Array.isArray(value) ? (value as JsonValue[]) : [];
  return rows.filter((_, i) => i !== index);
}

const itemOf = (options: RepeatingGroupOptions, fallback: Localized): Localized => options.itemLabel ?? fallback;
const rowSuffix = (item: Localized, index: number): Localized => ({ de: `${item.de} ${index + 1}`, en: `${item.en} ${index + 1}` });

/** Number of rows in a post: the hidden count, or the highest row index seen. */
function postedRowCount(input: FormInput, path: string): number {
  let count = Number(readFormText(input, childPath(path, 'rowCount')) ?? 0) || 0;
  const prefix = `${path}[`;
  for (const name of Object.keys(input)) {
    if (!name.startsWith(prefix)) continue;
    const index = Number(/^(\d+)\]/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(index)) count = Math.max(count, index + 1);
  }
  return Math.min(count, 100);
}

/** The `repeating-group` field type. */
export const repeatingGroupField = defineFieldType<RepeatingGroupOptions, JsonObject[]>({
  type: 'repeating-group',
  optionsSchema: RepeatingGroupOptionsSchema,
  container: true,
  messages,
  prepareOptions(options, env) {
    if ((options.minRows ?? 0) > (options.maxRows ?? DEFAULT_MAX_ROWS)) env.report('minRows', 'must not exceed maxRows');
    return options;
  },
  parseForm(input, ctx) {
    const previous = Array.isArray(ctx.previous) ? ctx.previous : [];
    const rows: JsonValue[] = [];
    for (let i = 0; i < postedRowCount(input, ctx.path); i++) {
      rows.push(ctx.nested.parseForm(ctx.field.fields, input, indexPath(ctx.path, i), previous[i]) ?? {});
    }
    return rows.length > 0 ? rows : undefined;
  },
  parseJson(value, ctx) {
    if (!Array.isArray(value)) return { issues: [ctx.issue('invalid')] };
    if (value.length === 0) return { issues: [] };
    const item = itemOf(ctx.options, ctx.message('item'));
    const rows: JsonObject[] = [];
    const issues: FieldIssue[] = [];
    value.forEach((row, i) => {
      const path = indexPath(ctx.path, i);
      if (!isPlainObject(row)) return void issues.push({ ...ctx.issue('invalid'), path });
      const unknown = unknownKeyIssues(row, ctx.field.fields.map((f) => f.id), ctx).map((issue) => ({ ...issue, path }));
      if (unknown.length > 0) return void issues.push(...unknown);
      const outcome = ctx.nested.normalize(ctx.field.fields, row, path, rowSuffix(item, i));
      issues.push(...outcome.issues);
      if (outcome.value) rows.push(outcome.value);
    });
    return issues.length > 0 ? { issues } : { value: rows, issues };
  },
  validate(value, ctx) {
    const { min, max } = rowLimits(ctx.options, ctx.field.required);
    if (value.length < min) return [ctx.issue('minRows', { min })];
    if (value.length > max) return [ctx.issue('maxRows', { max })];
    return [];
  },
  jsonSchema: (ctx) => {
    const { min, max } = rowLimits(ctx.options, false);
    return { type: 'array', items: ctx.nested.schema(ctx.field.fields), minItems: Math.max(1, min), maxItems: max };
  },
  format(value, ctx) {
    const item = itemOf(ctx.options, ctx.message('item'));
    return value.flatMap((row, i) => [rowSuffix(item, i)[ctx.locale], ...ctx.nested.format(ctx.field.fields, row, ctx.locale)]);
  },
  view: (ctx) => repeatingView(ctx),
});

function repeatingView(ctx: ViewContext<RepeatingGroupOptions>) {
  const { min, max } = rowLimits(ctx.options, ctx.field.required);
  const saved = Array.isArray(ctx.value) ? ctx.value : [];
  const count = Math.max(saved.length, ctx.options.minRows ?? 0);
  const item = itemOf(ctx.options, ctx.message('item'));
  const rows: RowView[] = [];
  for (let i = 0; i < count; i++) {
    const path = indexPath(ctx.path, i);
    rows.push({
      index: i,
      legend: ctx.text(rowSuffix(item, i)),
      fields: ctx.nested.views(ctx.field.fields, saved[i], path, ctx, rowSuffix(item, i)),
      ...(count > min ? { remove: { name: 'action' as const, value: `remove-row:${ctx.path}:${i}`, label: ctx.text(ctx.message('remove', { item, number: i + 1 })) } } : {}),
    });
  }
  const countName = childPath(ctx.path, 'rowCount');
  return {
    layout: 'fieldset' as const,
    inputs: [{ control: 'hidden' as const, name: countName, id: inputId(countName), label: '', value: String(count), required: false }],
    rows,
    ...(count < max ? { addRow: { name: 'action' as const, value: `add-row:${ctx.path}`, label: ctx.text(ctx.options.addLabel ?? ctx.message('add')) } } : {}),
  };
}
