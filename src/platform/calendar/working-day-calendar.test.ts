import { describe, expect, it } from 'vitest';
import { berlinDateOf, berlinEndOfDay, berlinStartOfDay, dayOfWeek, isCalendarDate } from './calendar-date.js';
import { periodEnd } from './period.js';
import { landFromAgs, publicHolidays } from './public-holidays.js';
import { createWorkingDayCalendar } from './working-day-calendar.js';

const saxony = createWorkingDayCalendar({ land: 'SN' });

describe('public holidays', () => {
  it('lists Saxony’s eleven Land-wide holidays of 2026, Reformationstag and Buß- und Bettag included', () => {
    const days = publicHolidays(2026, 'SN').map((h) => `${h.date} ${h.name.de}`);
    expect(days).toEqual([
      '2026-01-01 Neujahr',
      '2026-04-03 Karfreitag',
      '2026-04-06 Ostermontag',
      '2026-05-01 Tag der Arbeit',
      '2026-05-14 Christi Himmelfahrt',
      '2026-05-25 Pfingstmontag',
      '2026-10-03 Tag der Deutschen Einheit',
      '2026-10-31 Reformationstag',
      '2026-11-18 Buß- und Bettag',
      '2026-12-25 1. Weihnachtsfeiertag',
      '2026-12-26 2. Weihnachtsfeiertag',
    ]);
  });

  it('puts Buß- und Bettag on the Wednesday before 23 November, also when the 23rd is a Wednesday', () => {
    const bubetag = (year: number) => publicHolidays(year, 'SN').find((h) => h.id === 'BUBETAG')?.date;
    expect(bubetag(2022)).toBe('2022-11-16'); // 23 Nov 2022 was a Wednesday itself
    expect(bubetag(2025)).toBe('2025-11-19');
    expect(bubetag(2026)).toBe('2026-11-18');
    expect(bubetag(2027)).toBe('2027-11-17');
    expect(bubetag(2028)).toBe('2028-11-22');
    for (const y of [2022, 2025, 2026, 2027, 2028]) expect(dayOfWeek(bubetag(y) ?? '')).toBe(3);
  });

  it('computes the Easter-based holidays', () => {
    const easterMonday = (year: number) => publicHolidays(year, 'SN').find((h) => h.id === 'OSTERMONTAG')?.date;
    expect(easterMonday(2024)).toBe('2024-04-01');
    expect(easterMonday(2025)).toBe('2025-04-21');
    expect(easterMonday(2027)).toBe('2027-03-29');
    expect(publicHolidays(2027, 'SN').find((h) => h.id === 'PFINGSTMONTAG')?.date).toBe('2027-05-17');
    expect(publicHolidays(2027, 'SN').find((h) => h.id === 'CHRISTIHIMMELFAHRT')?.date).toBe('2027-05-06');
  });

  it('differs per Land: Buß- und Bettag is Saxon, Fronleichnam Bavarian', () => {
    const ids = (land: 'SN' | 'BY') => publicHolidays(2026, land).map((h) => h.id);
    expect(ids('BY')).not.toContain('BUBETAG');
    expect(ids('BY')).toContain('FRONLEICHNAM');
    expect(ids('SN')).not.toContain('FRONLEICHNAM');
    expect(createWorkingDayCalendar({ land: 'BY' }).isWorkingDay('2026-11-18')).toBe(true);
  });

  it('finds the Land from the municipality key', () => {
    expect(landFromAgs('14729400')).toBe('SN');
    expect(landFromAgs('09162000')).toBe('BY');
    expect(() => landFromAgs('99000000')).toThrow(RangeError);
    expect(() => landFromAgs('14')).toThrow(RangeError);
  });
});

describe('working days in Saxony', () => {
  it('knows weekends, holidays and ordinary days', () => {
    expect(saxony.isWorkingDay('2026-11-17')).toBe(true);
    expect(saxony.closureOn('2026-11-18')).toEqual({ kind: 'holiday', name: { de: 'Buß- und Bettag', en: 'Day of Repentance and Prayer' } });
    expect(saxony.closureOn('2026-11-21')).toEqual({ kind: 'weekend' });
    // Reformationstag 2026 is a Saturday; in 2025 it fell on a Friday.
    expect(saxony.closureOn('2026-10-31')).toMatchObject({ kind: 'holiday' });
    expect(saxony.isWorkingDay('2025-10-31')).toBe(false);
  });

  it('adds working days across Reformationstag and Buß- und Bettag', () => {
    expect(saxony.addWorkingDays('2025-10-30', 1)).toBe('2025-11-03');
    expect(saxony.addWorkingDays('2026-11-17', 1)).toBe('2026-11-19');
    expect(saxony.addWorkingDays('2026-11-16', 3)).toBe('2026-11-20');
    expect(saxony.addWorkingDays('2026-11-19', -1)).toBe('2026-11-17');
    expect(saxony.addWorkingDays('2026-11-18', 0)).toBe('2026-11-18');
  });

  it('adds working days across Easter and Whitsun', () => {
    expect(saxony.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(saxony.addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(saxony.addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
    expect(saxony.workingDaysBetween('2026-03-31', '2026-04-10')).toBe(6);
  });

  it('crosses the year boundary, with and without the tenant’s closing days', () => {
    expect(saxony.addWorkingDays('2026-12-23', 3)).toBe('2026-12-29');
    expect(saxony.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(6);
    const wurzen = createWorkingDayCalendar({
      land: 'SN',
      closingDays: [{ date: '2026-12-24', reason: { de: 'Heiligabend', en: 'Christmas Eve' } }, '2026-12-31'],
    });
    expect(wurzen.addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
    expect(wurzen.addWorkingDays('2026-12-23', 4)).toBe('2027-01-04');
    expect(wurzen.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(4);
    expect(wurzen.closureOn('2026-12-24')).toEqual({ kind: 'closing-day', reason: { de: 'Heiligabend', en: 'Christmas Eve' } });
  });

  it('counts working days between two days, end included, start not', () => {
    expect(saxony.workingDaysBetween('2026-11-16', '2026-11-20')).toBe(3);
    expect(saxony.workingDaysBetween('2026-11-20', '2026-11-16')).toBe(-3);
    expect(saxony.workingDaysBetween('2026-11-16', '2026-11-16')).toBe(0);
    for (const n of [0, 1, 5, 10, 20]) expect(saxony.workingDaysBetween('2026-11-09', saxony.addWorkingDays('2026-11-09', n))).toBe(n);
  });

  it('gives the earliest start after a lead time of full working days', () => {
    // Mon 16 Nov, 3 working days: Tue 17, Thu 19, Fri 20 lie in between → Saturday may be the start.
    expect(saxony.earliestDateWithLeadTime('2026-11-16', 3)).toBe('2026-11-21');
    // Verkehr's default of 10 working days, across Buß- und Bettag.
    expect(saxony.earliestDateWithLeadTime('2026-11-09', 10)).toBe('2026-11-25');
    expect(saxony.earliestDateWithLeadTime('2026-11-09', 0)).toBe('2026-11-10');
    expect(() => saxony.earliestDateWithLeadTime('2026-11-09', -1)).toThrow(RangeError);
    expect(() => saxony.addWorkingDays('2026-11-09', 1.5)).toThrow(RangeError);
  });

  it('reads instants in Europe/Berlin', () => {
    // 23:30 UTC on 17 Nov is already the 18th (Buß- und Bettag) in Berlin.
    expect(saxony.isWorkingDay(new Date('2026-11-17T23:30:00Z'))).toBe(false);
    expect(berlinDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(saxony.addWorkingDays(new Date('2026-11-16T22:59:00Z'), 1)).toBe('2026-11-17');
  });
});

describe('calendar days and periods', () => {
  it('validates dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
    expect(() => saxony.isWorkingDay('31.10.2026')).toThrow(RangeError);
  });

  it('finds the start and end of Berlin days, across daylight saving changes', () => {
    expect(berlinStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(berlinStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(berlinStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(berlinEndOfDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('ends a period in days on the next working day when its last day is closed (§ 31 Abs. 3 VwVfG)', () => {
    // Friday 30 Oct + 3 days = Monday 2 Nov.
    expect(periodEnd(saxony, new Date('2026-10-30T09:00:00Z'), { days: 3 }).toISOString()).toBe('2026-11-02T22:59:59.999Z');
    // Wednesday 11 Nov + 3 days = Saturday → Monday 16 Nov.
    expect(periodEnd(saxony, new Date('2026-11-11T09:00:00Z'), { days: 3 }).toISOString()).toBe('2026-11-16T22:59:59.999Z');
    // Sunday 15 Nov + 3 days = Buß- und Bettag → Thursday 19 Nov.
    expect(periodEnd(saxony, new Date('2026-11-15T09:00:00Z'), { days: 3 }).toISOString()).toBe('2026-11-19T22:59:59.999Z');
    expect(periodEnd(saxony, new Date('2026-11-16T09:00:00Z'), { workingDays: 3 }).toISOString()).toBe('2026-11-20T22:59:59.999Z');
  });
});
