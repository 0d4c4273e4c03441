import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'number', min: 0, max: 5000, unit: { de: 'm', en: 'm' } };

describe('number field', () => {
  it('reads German number formats from the form', () => {
    expect(fromForm(field, { f: '3,5' })).toBe(3.5);
    expect(fromForm(field, { f: '1.200' })).toBe(1200);
    expect(fromForm(field, { f: '1.234,5' })).toBe(1234.5);
    expect(fromForm(field, { f: '1 234' })).toBe(1234);
    expect(fromForm(field, { f: '1.5' })).toBe(1.5);
    expect(fromForm(field, { f: '-2' })).toBe(-2);
    expect(fromForm(field, { f: ',5' })).toBe(0.5);
  });

  it('passes unreadable text on, so the shared validation words the problem', () => {
    expect(fromForm(field, { f: 'zwölf' })).toBe('zwölf');
    expect(checkForm(field, { f: 'zwölf' }).errors[0]).toMatchObject({ code: 'format', de: 'Bitte geben Sie bei „Testfeld“ eine Zahl an, z. B. 12 oder 3,5.' });
    expect(checkForm(field, { f: '1,2,3' }).errors[0]?.code).toBe('format');
  });

  it('checks limits with numbers written for each language', () => {
    const wide = { type: 'number', min: 0.5, max: 1500 };
    expect(checkJson(wide, 0.25).errors[0]).toMatchObject({ code: 'min', de: 'Die Zahl bei „Testfeld“ muss mindestens 0,5 sein.', en: '“Test field” must be 0.5 or more.' });
    expect(checkJson(wide, 1501).errors[0]).toMatchObject({ de: 'Die Zahl bei „Testfeld“ darf höchstens 1.500 sein.' });
    expect(checkJson(wide, 0.5).ok).toBe(true);
  });

  it('refuses fractions when integers are asked for; 3.0 is an integer', () => {
    expect(checkForm({ type: 'number', integer: true }, { f: '2,5' }).errors[0]?.code).toBe('integer');
    expect(checkJson({ type: 'number', integer: true }, 3.0)).toMatchObject({ ok: true, value: 3 });
  });

  it('treats an empty string as no answer but refuses other strings in the API', () => {
    expect(checkJson(field, '')).toEqual({ ok: true, errors: [] });
    expect(checkJson(field, '12').errors[0]?.code).toBe('format');
  });

  it('shows German text in the input and formats with the unit', () => {
    expect(viewOf(field, 1234.5).inputs[0]).toMatchObject({ value: '1234,5', inputmode: 'decimal', suffix: 'm' });
    expect(viewOf({ type: 'number', integer: true }, 3).inputs[0]?.inputmode).toBe('numeric');
    expect(formatOf(field, 1234.5)).toEqual(['1.234,5 m']);
    expect(formatOf(field, 1234.5, 'en')).toEqual(['1,234.5 m']);
  });
});
