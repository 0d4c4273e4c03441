import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import { earliestValidFrom, latestSetupDate, leadTimeVerdict, minimumLeadWorkingDays, regularLeadWorkingDays } from './lead-times.js';
import { DEFAULT_TRAFFIC_SETTINGS as S, mergeSettings, resolveTrafficSettings } from './traffic-settings.js';

const saxony = createWorkingDayCalendar({ land: 'SN' });
const hvz = { caseType: 'HVZ' as const, emergencyWork: false, includesNoParking: true };
const works = { caseType: 'BAU' as const, emergencyWork: false, includesNoParking: false };

describe('lead times of traffic orders', () => {
  it('puts the latest set-up day four calendar days before validity (three full days between)', () => {
    expect(latestSetupDate('2026-12-07', S, saxony)).toBe('2026-12-03');
    // Counting working days instead: Wed 18 Nov is Buß- und Bettag, so four working days before Mon 23 Nov is Mon 16 Nov.
    expect(latestSetupDate('2026-11-23', { setupFullDays: 3, setupDaysCounting: 'workingDays' }, saxony)).toBe('2026-11-16');
  });

  it('offers the earliest HVZ start: processing days on the Saxon calendar, then three full days of signs', () => {
    expect(earliestValidFrom(hvz, S, saxony, '2026-11-16', 3)).toBe('2026-11-24');
    // In Bavaria (no Buß- und Bettag) the same request could start a day earlier.
    expect(earliestValidFrom(hvz, S, createWorkingDayCalendar({ land: 'BY' }), '2026-11-16', 3)).toBe('2026-11-23');
    expect(earliestValidFrom(hvz, S, saxony, '2025-10-29', 3)).toBe('2025-11-08');
  });

  it('counts works lead time in full working days, longer for full closures, none for emergencies', () => {
    expect(regularLeadWorkingDays(works, S)).toBe(10);
    expect(regularLeadWorkingDays({ ...works, closureType: 'fullClosure' }, S)).toBe(20);
    expect(regularLeadWorkingDays({ ...works, emergencyWork: true }, S)).toBe(0);
    expect(minimumLeadWorkingDays(works, S)).toBe(3);
    expect(earliestValidFrom(works, S, saxony, '2026-11-16', 10)).toBe('2026-12-02');
  });

  it('tells late works (flag) from too late (refuse)', () => {
    const verdict = (from: string) => leadTimeVerdict({ ...works, period: { from } }, S, saxony, '2026-11-16')?.verdict;
    expect(verdict('2026-12-02')).toBe('ok');
    expect(verdict('2026-11-25')).toBe('late');
    expect(verdict('2026-11-19')).toBe('too-late');
  });
});

describe('traffic settings', () => {
  it('lays a stored document over the defaults and names a bad setting', () => {
    const s = resolveTrafficSettings({ fees: { HVZ: { amountCents: 3000 } }, hvz: { maxDays: 3 } });
    expect(s.fees.HVZ).toEqual({ gebOStNumber: '261', amountCents: 3000 });
    expect(s.hvz.maxDays).toBe(3);
    expect(s.hvz.processingWorkingDays).toBe(3);
    expect(() => resolveTrafficSettings({ defaultSign: '999' })).toThrow(/defaultSign/);
    expect(mergeSettings({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
  });
});
