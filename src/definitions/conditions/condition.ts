/**
 * Conditions: a small, data-only expression language for showing pages and fields on earlier
 * answers. No code is ever evaluated; a condition is JSON such as
 * `{ "field": "legalForm", "in": ["gmbh", "ug"] }` or
 * `{ "all": [{ "field": "hasManagers", "equals": true }, { "not": { "field": "country", "equals": "DE" } }] }`.
 *
 * `field` names a field id; `id.key` reaches into a composite answer (`address.country`).
 * Comparisons (`gt`, `gte`, `lt`, `lte`) take a number, or a date (`YYYY-MM-DD`, `today`,
 * `today+N`, `today-N`) which compares with date answers.
 */
import { isPlainObject } from '../core/json.js';
import { isDateExpression } from '../core/dates.js';

/** A value a condition compares with. */
export type Scalar = string | number | boolean;

/** The operators that test one field. */
export const FIELD_OPERATORS = ['equals', 'notEquals', 'in', 'contains', 'notEmpty', 'empty', 'gt', 'gte', 'lt', 'lte'] as const;

/** The name of an operator that tests one field. */
export type FieldOperator = (typeof FIELD_OPERATORS)[number];

/** A test of one field's answer. */
export type FieldCondition =
  | { readonly field: string; readonly equals: Scalar }
  | { readonly field: string; readonly notEquals: Scalar }
  | { readonly field: string; readonly in: readonly Scalar[] }
  | { readonly field: string; readonly contains: Scalar }
  | { readonly field: string; readonly notEmpty: true }
  | { readonly field: string; readonly empty: true }
  | { readonly field: string; readonly gt: number | string }
  | { readonly field: string; readonly gte: number | string }
  | { readonly field: string; readonly lt: number | string }
  | { readonly field: string; readonly lte: number | string };

/** A condition: a field test or a combination of conditions. */
export type Condition =
  | FieldCondition
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

/** Reports a problem at a path (relative to the condition) while reading a condition. */
export type ConditionReport = (path: string, message: string) => void;

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The operator of a field condition. */
export function operatorOf(condition: FieldCondition): FieldOperator {
  return FIELD_OPERATORS.find((op) => op in condition) as FieldOperator;
}

/** The operand of a field condition (`true` for `notEmpty`/`empty`). */
export function operandOf(condition: FieldCondition): Scalar | readonly Scalar[] {
  return (condition as unknown as Record<FieldOperator, Scalar | readonly Scalar[]>)[operatorOf(condition)];
}

/** Checks the shape of a condition; reports every problem and returns it typed when sound. */
export function readCondition(raw: unknown, path: string, report: ConditionReport): Condition | undefined {
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (!isPlainObject(raw)) {
    report(path, 'a condition must be an object');
    return undefined;
  }
  const keys = Object.keys(raw);
  for (const combinator of ['all', 'any'] as const) {
    if (combinator in raw) {
      if (keys.length !== 1) return void report(path, `"${combinator}" cannot be combined with other keys`);
      const list = raw[combinator];
      if (!Array.isArray(list) || list.length === 0) return void report(at(combinator), 'must be a non-empty list of conditions');
      const items = list.map((c, i) => readCondition(c, `${at(combinator)}[${i}]`, report));
      if (!items.every((c): c is Condition => c !== undefined)) return undefined;
      return combinator === 'all' ? { all: items } : { any: items };
    }
  }
  if ('not' in raw) {
    if (keys.length !== 1) return void report(path, '"not" cannot be combined with other keys');
    const inner = readCondition(raw.not, at('not'), report);
    return inner && { not: inner };
  }
  if (typeof raw.field !== 'string' || raw.field === '') return void report(at('field'), 'a condition needs "field" (a field id) or "all", "any", "not"');
  const operators = keys.filter((k) => k !== 'field');
  const unknown = operators.find((k) => !(FIELD_OPERATORS as readonly string[]).includes(k));
  if (unknown) return void report(at(unknown), `unknown condition operator "${unknown}"`);
  if (operators.length !== 1) return void report(path, `a field condition needs exactly one operator (${FIELD_OPERATORS.join(', ')})`);
  const op = operators[0] as FieldOperator;
  const operand = raw[op];
  const ok =
    op === 'in'
      ? Array.isArray(operand) && operand.length > 0 && operand.every(isScalar)
      : op === 'notEmpty' || op === 'empty'
        ? operand === true
        : op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte'
          ? (typeof operand === 'number' && Number.isFinite(operand)) || (typeof operand === 'string' && isDateExpression(operand))
          : isScalar(operand);
  if (!ok) return void report(at(op), operandHelp[op]);
  return raw as unknown as Condition;
}

const operandHelp: Record<FieldOperator, string> = {
  equals: 'must be a string, number or boolean',
  notEquals: 'must be a string, number or boolean',
  contains: 'must be a string, number or boolean',
  in: 'must be a non-empty list of strings, numbers or booleans',
  notEmpty: 'must be true',
  empty: 'must be true',
  gt: 'must be a number or a date (YYYY-MM-DD, today, today+N, today-N)',
  gte: 'must be a number or a date (YYYY-MM-DD, today, today+N, today-N)',
  lt: 'must be a number or a date (YYYY-MM-DD, today, today+N, today-N)',
  lte: 'must be a number or a date (YYYY-MM-DD, today, today+N, today-N)',
};

/** Every field reference in a condition, with its path relative to the condition. */
export function conditionReferences(condition: Condition, path = ''): { field: string; path: string; condition: FieldCondition }[] {
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionReferences(c, `${at('all')}[${i}]`));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionReferences(c, `${at('any')}[${i}]`));
  if ('not' in condition) return conditionReferences(condition.not, at('not'));
  return [{ field: condition.field, path: at('field'), condition }];
}
