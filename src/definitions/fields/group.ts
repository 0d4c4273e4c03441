/**
 * `group`: a fieldset of sub-fields stored as one object, e.g. `applicant` with `name`,
 * `birthDate` and `address`, giving input names like `applicant.address.postalCode`. An optional
 * group left completely blank is no answer; once anything is filled in, its required sub-fields
 * are required. Groups do not nest.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineFieldType } from '../core/field-type.js';
import { isPlainObject, type JsonObject } from '../core/json.js';
import { isEmptyAnswer } from '../conditions/evaluate.js';
import { unknownKeyIssues } from '../core/composite.js';

/** Options of a `group` field (its sub-fields are the field's `fields`). */
export const GroupOptionsSchema = Type.Object({}, { additionalProperties: false });

/** Options of a `group` field. */
export type GroupOptions = Static<typeof GroupOptionsSchema>;

/** The `group` field type. */
export const groupField = defineFieldType<GroupOptions, JsonObject>({
  type: 'group',
  optionsSchema: GroupOptionsSchema,
  container: true,
  messages: {},
  missing(ctx) {
    const { issues } = ctx.nested.normalize(ctx.field.fields, {}, ctx.path);
    return issues.length > 0 ? [...issues] : [ctx.issue('required')];
  },
  parseForm: (input, ctx) => ctx.nested.parseForm(ctx.field.fields, input, ctx.path, ctx.previous),
  parseJson(value, ctx) {
    if (!isPlainObject(value)) return { issues: [ctx.issue('invalid')] };
    const unknown = unknownKeyIssues(value, ctx.field.fields.map((f) => f.id), ctx);
    if (unknown.length > 0) return { issues: unknown };
    if (isEmptyAnswer(value)) return { issues: [] };
    return ctx.nested.normalize(ctx.field.fields, value, ctx.path);
  },
  validate: () => [],
  jsonSchema: (ctx) => ctx.nested.schema(ctx.field.fields),
  format: (value, ctx) => ctx.nested.format(ctx.field.fields, value, ctx.locale),
  view: (ctx) => ({ layout: 'fieldset', inputs: [], fields: ctx.nested.views(ctx.field.fields, ctx.value, ctx.path, ctx) }),
});
