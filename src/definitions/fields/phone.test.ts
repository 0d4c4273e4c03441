import { describe, expect, it } from 'vitest';
import { checkJson, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'phone', required: true };

describe('phone field', () => {
  it('accepts German ways of writing numbers', () => {
    for (const value of ['0341 123456', '(0341) 12 34 56', '0341/123456-0', '+49 341 123456', '0049-341-123456', '0170.1234567']) {
      expect(checkJson(field, value)).toMatchObject({ ok: true, value });
    }
  });

  it('collapses white space', () => {
    expect(checkJson(field, ' 0341   123456 ').value).toBe('0341 123456');
  });

  it('refuses letters and a + inside the number', () => {
    expect(checkJson(field, '0341 CALLME').errors[0]?.code).toBe('format');
    expect(checkJson(field, '0341+123456').errors[0]?.code).toBe('format');
  });

  it('needs 5 to 20 digits', () => {
    expect(checkJson(field, '(12) 3').errors[0]).toMatchObject({ code: 'digits', de: 'Die Telefonnummer bei „Testfeld“ muss zwischen 5 und 20 Ziffern haben.' });
    expect(checkJson(field, '1'.repeat(21)).errors[0]?.code).toBe('digits');
    expect(checkJson(field, '12345').ok).toBe(true);
  });

  it('renders a tel input', () => {
    expect(viewOf(field, '0341 1').inputs[0]).toMatchObject({ type: 'tel', autocomplete: 'tel', value: '0341 1' });
  });
});
