import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'yes-no', required: true };

describe('yes-no field', () => {
  it('reads yes/no from the form as booleans', () => {
    expect(fromForm(field, { f: 'yes' })).toBe(true);
    expect(fromForm(field, { f: 'no' })).toBe(false);
    expect(checkForm(field, { f: 'no' })).toMatchObject({ ok: true, value: false });
  });

  it('asks for an answer; false is an answer, not a missing one', () => {
    expect(checkForm(field, {}).errors[0]).toMatchObject({ code: 'required', de: 'Bitte beantworten Sie die Frage „Testfeld“ mit Ja oder Nein.' });
    expect(checkJson(field, false).ok).toBe(true);
  });

  it('refuses anything else', () => {
    expect(checkForm(field, { f: 'vielleicht' }).errors[0]?.code).toBe('invalid');
    expect(checkJson(field, 'true').errors[0]?.code).toBe('invalid');
  });

  it('renders inline Ja/Nein radios and formats the answer', () => {
    const input = viewOf(field, false).inputs[0]!;
    expect(input).toMatchObject({ control: 'radios', inline: true, value: 'no' });
    expect(input.choices?.map((c) => [c.value, c.label, c.selected])).toEqual([
      ['yes', 'Ja', false],
      ['no', 'Nein', true],
    ]);
    expect(formatOf(field, true)).toEqual(['Ja']);
    expect(formatOf(field, false, 'en')).toEqual(['No']);
  });
});
