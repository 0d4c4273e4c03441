/**
 * Checks what conditions refer to: the field must exist and be asked before the condition is
 * evaluated (page conditions: on an earlier page; field conditions: earlier on the same or an
 * earlier page; sub-field conditions: an earlier sibling or an earlier top-level field), a part
 * (`address.country`) must exist, compared values must be among a choice field's values, and
 * `gt`/`gte`/`lt`/`lte` only apply to numbers, amounts and dates.
 */
import { conditionReferences, operandOf, operatorOf, type Condition } from '../conditions/condition.js';
import { childPath } from '../core/paths.js';
import { fieldTypes } from '../fields/index.js';
import type { FieldSpec } from '../model/field-spec.js';
import type { PageSpec } from '../model/service-definition.js';
import type { IssueCollector } from './load-issues.js';

const COMPARABLE: Record<string, 'number' | 'date' | undefined> = { number: 'number', money: 'number', date: 'date' };

/** Checks every condition of the pages. */
export function checkConditionReferences(pages: readonly PageSpec[], issues: IssueCollector): void {
  const allTopLevel = new Set(pages.flatMap((p) => p.fields.map((f) => f.id)));
  const earlier = new Map<string, FieldSpec>();
  pages.forEach((page, p) => {
    const pagePath = `pages[${p}]`;
    if (page.when) check(page.when, childPath(pagePath, 'when'), (id) => earlier.get(id), (id) => allTopLevel.has(id), issues);
    page.fields.forEach((field, f) => {
      const fieldPath = `${pagePath}.fields[${f}]`;
      const onPage = new Map(earlier);
      if (field.when) check(field.when, childPath(fieldPath, 'when'), (id) => earlier.get(id), (id) => allTopLevel.has(id), issues);
      const siblings = new Map<string, FieldSpec>();
      const allSiblings = new Set(field.fields.map((s) => s.id));
      field.fields.forEach((sub, s) => {
        if (sub.when) {
          const resolve = (id: string) => siblings.get(id) ?? (allSiblings.has(id) ? undefined : onPage.get(id));
          check(sub.when, `${fieldPath}.fields[${s}].when`, resolve, (id) => allSiblings.has(id) || allTopLevel.has(id), issues);
        }
        siblings.set(sub.id, sub);
      });
      earlier.set(field.id, field);
    });
  });
}

function check(
  condition: Condition,
  path: string,
  resolve: (id: string) => FieldSpec | undefined,
  exists: (id: string) => boolean,
  issues: IssueCollector,
): void {
  for (const ref of conditionReferences(condition)) {
    const at = childPath(path, ref.path);
    const [id = '', ...parts] = ref.field.split('.');
    const target = resolve(id);
    if (!target) {
      issues.report(at, exists(id) ? `condition refers to field "${id}", which is not asked before this point (conditions may only use earlier answers)` : `condition refers to unknown field "${id}"`);
      continue;
    }
    const type = fieldTypes[target.type];
    const keys = type?.valueKeys ?? [];
    if (parts.length > 1 || (parts.length === 1 && !keys.includes(parts[0]!))) {
      issues.report(at, keys.length > 0 ? `field "${id}" has no part "${parts.join('.')}" (parts: ${keys.join(', ')})` : `field "${id}" has no parts`);
      continue;
    }
    const op = operatorOf(ref.condition);
    const operand = operandOf(ref.condition);
    if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') {
      const kind = parts.length === 0 ? COMPARABLE[target.type] : target.type === 'date-range' ? 'date' : undefined;
      const operandKind = typeof operand === 'number' ? 'number' : 'date';
      if (kind !== operandKind) issues.report(at, `"${op}" with a ${operandKind} needs a ${operandKind === 'number' ? 'number or money' : 'date'} field, but "${ref.field}" is not one`);
      continue;
    }
    const allowed = parts.length === 0 ? type?.conditionValues?.(target.options) : undefined;
    if (!allowed || op === 'notEmpty' || op === 'empty') continue;
    for (const value of Array.isArray(operand) ? operand : [operand]) {
      if (!allowed.includes(value as string | boolean)) issues.report(at, `${JSON.stringify(value)} is not a possible answer of field "${id}" (possible: ${allowed.map((v) => JSON.stringify(v)).join(', ')})`);
    }
  }
}
