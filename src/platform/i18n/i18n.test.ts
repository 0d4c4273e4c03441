import { describe, expect, it } from 'vitest';
import { createTranslator, formatDate, formatDateTime, formatMoney, parseLocale } from './i18n.js';

describe('i18n', () => {
  const catalogue = { 'x.hello': { de: 'Hallo {name}', en: 'Hello {name}' } };

  it('translates with parameters and falls back to the key only when not strict', () => {
    expect(createTranslator('de', catalogue, true)('x.hello', { name: 'Jörg' })).toBe('Hallo Jörg');
    expect(createTranslator('en', catalogue, true)('x.hello', { name: 'Ann' })).toBe('Hello Ann');
    expect(() => createTranslator('de', catalogue, true)('x.missing')).toThrow(/Unknown message key/);
    expect(createTranslator('de', catalogue, false)('x.missing')).toBe('x.missing');
  });

  it('accepts only known locales', () => {
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('fr')).toBeUndefined();
    expect(parseLocale(['de'])).toBeUndefined();
  });

  it('formats dates, times and money for Germany in Europe/Berlin', () => {
    expect(formatDate('2026-10-31', 'de')).toBe('31. Oktober 2026');
    expect(formatDate('2026-10-31', 'en')).toBe('31 October 2026');
    // 23:30 UTC on 31 Dec is already New Year in Berlin
    expect(formatDateTime(new Date('2026-12-31T23:30:00Z'), 'de')).toBe('01.01.2027, 00:30');
    expect(formatMoney(12345, 'de').replace(/\u00a0/g, ' ')).toBe('123,45 €');
  });
});
