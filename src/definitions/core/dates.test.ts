import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, parseDateText, resolveDateExpression, todayInBerlin, toGermanDate } from './dates.js';

describe('dates', () => {
  it('knows which days exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('reads German dates without judging them', () => {
    expect(parseDateText('31.12.2026')).toBe('2026-12-31');
    expect(parseDateText('31.02.2026')).toBe('2026-02-31');
    expect(parseDateText('31.12.26')).toBeUndefined();
  });

  it('resolves relative limits, across month and year ends', () => {
    expect(resolveDateExpression('today', '2026-03-05')).toBe('2026-03-05');
    expect(resolveDateExpression('today+30', '2026-12-15')).toBe('2027-01-14');
    expect(resolveDateExpression('today-1', '2024-03-01')).toBe('2024-02-29');
    expect(resolveDateExpression('2026-01-01', '2026-03-05')).toBe('2026-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('takes today in Europe/Berlin, summer time included', () => {
    expect(todayInBerlin(new Date('2026-03-05T22:59:00Z'))).toBe('2026-03-05');
    expect(todayInBerlin(new Date('2026-03-05T23:00:00Z'))).toBe('2026-03-06');
    expect(todayInBerlin(new Date('2026-07-05T22:00:00Z'))).toBe('2026-07-06');
    expect(toGermanDate('2026-07-06')).toBe('06.07.2026');
  });
});
