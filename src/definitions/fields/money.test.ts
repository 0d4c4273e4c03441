import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'money', required: true };

describe('money field', () => {
  it('turns German amounts into integer cents', () => {
    const cases: [string, number][] = [
      ['1.234,56', 123456],
      ['1234,56', 123456],
      ['1234', 123400],
      ['1.234', 123400],
      ['12,5', 1250],
      ['0,01', 1],
      ['12,50 €', 1250],
      ['€ 12,50', 1250],
      ['12 EUR', 1200],
      ['12,- ', 1200],
      ['12,–', 1200],
      ['1.000.000,00', 100000000],
      ['19.99', 1999],
    ];
    for (const [text, cents] of cases) expect(fromForm(field, { f: text }), text).toBe(cents);
  });

  it('never goes through floating point (0,29 € is 29 cents, not 28.999…)', () => {
    expect(fromForm(field, { f: '0,29' })).toBe(29);
    expect(fromForm(field, { f: '1.005,10' })).toBe(100510);
  });

  it('says when there are too many decimals, and when the text is no amount', () => {
    expect(checkForm(field, { f: '12,345' }).errors[0]).toMatchObject({ code: 'decimals', de: 'Der Betrag bei „Testfeld“ darf höchstens zwei Stellen nach dem Komma haben.' });
    expect(checkForm(field, { f: 'zehn Euro' }).errors[0]).toMatchObject({ code: 'format', de: 'Bitte geben Sie bei „Testfeld“ einen Betrag in Euro an, z. B. 1.234,56.' });
  });

  it('refuses negative amounts unless allowed, naming the limit in euros', () => {
    expect(checkForm(field, { f: '-5' }).errors[0]).toMatchObject({ code: 'min', de: 'Der Betrag bei „Testfeld“ muss mindestens 0,00\u00a0€ sein.' });
    expect(checkForm({ ...field, minCents: -10000 }, { f: '-5' })).toMatchObject({ ok: true, value: -500 });
    expect(checkJson({ ...field, maxCents: 100000 }, 100001).errors[0]?.de).toBe('Der Betrag bei „Testfeld“ darf höchstens 1.000,00\u00a0€ sein.');
  });

  it('takes integer cents in the API and refuses euros with decimals', () => {
    expect(checkJson(field, 1250)).toMatchObject({ ok: true, value: 1250 });
    expect(checkJson(field, 12.5).errors[0]?.code).toBe('format');
  });

  it('shows and formats euros', () => {
    expect(viewOf(field, 123456).inputs[0]).toMatchObject({ value: '1.234,56', suffix: '€', inputmode: 'decimal' });
    expect(formatOf(field, 123456)).toEqual(['1.234,56\u00a0€']);
    expect(formatOf(field, 123456, 'en')).toEqual(['€1,234.56']);
  });
});
