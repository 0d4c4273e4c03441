/**
 * Evaluating a condition against answers. The `lookup` gives the answer a field reference
 * points at, already with hidden fields removed, so a condition on a hidden field sees "no
 * answer" and chains of conditions behave.
 */
import { resolveDateExpression } from '../core/dates.js';
import type { JsonValue } from '../core/json.js';
import { isPlainObject } from '../core/json.js';
import type { Condition, FieldCondition, Scalar } from './condition.js';
import { operandOf, operatorOf } from './condition.js';

/** Finds the answer a field reference (`legalForm`, `address.country`) points at. */
export type AnswerLookup = (field: string) => JsonValue | undefined;

/** Reads a reference (`legalForm`, `address.country`) from a record of answers. */
export function answerAt(record: Readonly<Record<string, JsonValue>>, reference: string): JsonValue | undefined {
  const [head = '', ...keys] = reference.split('.');
  let value: JsonValue | undefined = record[head];
  for (const key of keys) value = isPlainObject(value) ? value[key] : undefined;
  return value;
}

/** True when an answer counts as not given (missing, null, blank, empty list, object of blanks). */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every(isEmptyAnswer);
  return false;
}

/** Evaluates a condition; `today` (YYYY-MM-DD) resolves relative dates. */
export function evaluateCondition(condition: Condition, lookup: AnswerLookup, today: string): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, lookup, today));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, lookup, today));
  if ('not' in condition) return !evaluateCondition(condition.not, lookup, today);
  return evaluateFieldCondition(condition, lookup(condition.field), today);
}

function evaluateFieldCondition(condition: FieldCondition, value: JsonValue | undefined, today: string): boolean {
  const operand = operandOf(condition);
  switch (operatorOf(condition)) {
    case 'equals':
      return value === operand;
    case 'notEquals':
      return value !== operand;
    case 'in':
      return (operand as readonly Scalar[]).some((o) => o === value);
    case 'contains':
      return Array.isArray(value) && value.some((v) => v === operand);
    case 'notEmpty':
      return !isEmptyAnswer(value);
    case 'empty':
      return isEmptyAnswer(value);
    case 'gt':
      return compare(value, operand as number | string, today, (d) => d > 0);
    case 'gte':
      return compare(value, operand as number | string, today, (d) => d >= 0);
    case 'lt':
      return compare(value, operand as number | string, today, (d) => d < 0);
    case 'lte':
      return compare(value, operand as number | string, today, (d) => d <= 0);
  }
}

/** Numbers compare as numbers; dates (ISO strings) compare in calendar order. Other answers never match. */
function compare(value: JsonValue | undefined, operand: number | string, today: string, test: (diff: number) => boolean): boolean {
  if (typeof operand === 'number') return typeof value === 'number' && test(value - operand);
  if (typeof value !== 'string') return false;
  const target = resolveDateExpression(operand, today);
  return test(value < target ? -1 : value > target ? 1 : 0);
}
