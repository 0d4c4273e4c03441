import { describe, expect, it } from 'vitest';
import { readCondition, type Condition } from './condition.js';
import { evaluateCondition, isEmptyAnswer } from './evaluate.js';

const answers: Record<string, unknown> = {
  legalForm: 'gmbh',
  employees: 12,
  startDate: '2026-03-20',
  kinds: ['craft', 'trade'],
  abroad: false,
  address: { street: 'Markt', country: 'CZ' },
  empty: '',
};
const lookup = (ref: string) => {
  const [head = '', key] = ref.split('.');
  const value = answers[head];
  return (key ? (value as Record<string, unknown> | undefined)?.[key] : value) as never;
};
const holds = (c: Condition) => evaluateCondition(c, lookup, '2026-03-05');

describe('conditions', () => {
  it('compares equality, lists and contained values', () => {
    expect(holds({ field: 'legalForm', equals: 'gmbh' })).toBe(true);
    expect(holds({ field: 'legalForm', notEquals: 'gmbh' })).toBe(false);
    expect(holds({ field: 'legalForm', in: ['ag', 'gmbh'] })).toBe(true);
    expect(holds({ field: 'kinds', contains: 'craft' })).toBe(true);
    expect(holds({ field: 'kinds', equals: 'craft' })).toBe(false);
    expect(holds({ field: 'abroad', equals: false })).toBe(true);
    expect(holds({ field: 'missing', equals: false })).toBe(false);
  });

  it('reaches into composite answers', () => {
    expect(holds({ field: 'address.country', notEquals: 'DE' })).toBe(true);
  });

  it('knows empty answers', () => {
    expect(holds({ field: 'empty', empty: true })).toBe(true);
    expect(holds({ field: 'missing', empty: true })).toBe(true);
    expect(holds({ field: 'kinds', notEmpty: true })).toBe(true);
    expect(isEmptyAnswer({ street: ' ', town: '' })).toBe(true);
    expect(isEmptyAnswer(false)).toBe(false);
    expect(isEmptyAnswer(0)).toBe(false);
  });

  it('compares numbers and dates, with dates relative to today', () => {
    expect(holds({ field: 'employees', gt: 10 })).toBe(true);
    expect(holds({ field: 'employees', lte: 11 })).toBe(false);
    expect(holds({ field: 'startDate', lt: 'today+14' })).toBe(false);
    expect(holds({ field: 'startDate', lt: 'today+16' })).toBe(true);
    expect(holds({ field: 'startDate', gte: '2026-03-20' })).toBe(true);
    expect(holds({ field: 'legalForm', gt: 1 })).toBe(false);
  });

  it('combines with all, any and not', () => {
    expect(holds({ all: [{ field: 'legalForm', equals: 'gmbh' }, { not: { field: 'abroad', equals: true } }] })).toBe(true);
    expect(holds({ any: [{ field: 'legalForm', equals: 'ag' }, { field: 'employees', lt: 5 }] })).toBe(false);
  });

  it('reports shape problems with their paths', () => {
    const problems: string[] = [];
    const report = (path: string, message: string) => problems.push(`${path}: ${message}`);
    expect(readCondition({ field: 'a', equal: 1 }, 'when', report)).toBeUndefined();
    expect(readCondition({ all: [{ field: 'a', equals: 1 }, { field: 'b', gt: 'soon' }] }, 'when', report)).toBeUndefined();
    expect(readCondition({ field: 'a', equals: 1, in: [1] }, 'when', report)).toBeUndefined();
    expect(readCondition({ any: [] }, 'when', report)).toBeUndefined();
    expect(readCondition({ not: { field: 'a', notEmpty: false } }, 'when', report)).toBeUndefined();
    expect(readCondition('legalForm == gmbh', 'when', report)).toBeUndefined();
    expect(problems).toEqual([
      'when.equal: unknown condition operator "equal"',
      'when.all[1].gt: must be a number or a date (YYYY-MM-DD, today, today+N, today-N)',
      'when: a field condition needs exactly one operator (equals, notEquals, in, contains, notEmpty, empty, gt, gte, lt, lte)',
      'when.any: must be a non-empty list of conditions',
      'when.not.notEmpty: must be true',
      'when: a condition must be an object',
    ]);
  });
});
