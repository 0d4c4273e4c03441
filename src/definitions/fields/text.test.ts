import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'text', required: true, maxLength: 20 };

describe('text field', () => {
  it('collapses white space and keeps umlauts, composing decomposed ones', () => {
    expect(checkJson(field, '  Bäckerei \t Müller ')).toMatchObject({ ok: true, value: 'Bäckerei Müller' });
    const decomposed = 'Mu\u0308ller';
    expect(checkJson(field, decomposed).value).toBe('Müller');
    expect(checkJson(field, decomposed).value).toHaveLength(6);
  });

  it('treats blank, white space, null and missing alike as no answer', () => {
    for (const value of ['', '   ', null, undefined]) {
      expect(checkJson(field, value).errors).toEqual([
        { path: 'f', code: 'required', de: 'Bitte füllen Sie das Feld „Testfeld“ aus.', en: 'Please fill in “Test field”.' },
      ]);
    }
    expect(checkJson({ type: 'text' }, '   ')).toEqual({ ok: true, errors: [] });
  });

  it('reads a blank or missing form input as no answer', () => {
    expect(fromForm(field, { f: '  ' })).toBeUndefined();
    expect(fromForm(field, {})).toBeUndefined();
    expect(fromForm(field, { f: ' Hallo ' })).toBe('Hallo');
  });

  it('counts characters, not UTF-16 units, against maxLength', () => {
    expect(checkJson(field, '😀'.repeat(20)).ok).toBe(true);
    expect(checkJson(field, 'ä'.repeat(21)).errors[0]).toMatchObject({ code: 'tooLong', de: 'Die Angabe bei „Testfeld“ darf höchstens 20 Zeichen lang sein.' });
  });

  it('refuses a non-string API value', () => {
    expect(checkJson(field, 42).errors[0]?.code).toBe('invalid');
  });

  it('checks a pattern on the whole answer, with an overridable message', () => {
    const register = { type: 'text', pattern: 'HR[AB] \\d{1,6}', messages: { pattern: { de: 'Bitte geben Sie die Registernummer wie „HRB 1234“ an.', en: 'Enter the register number like “HRB 1234”.' } } };
    expect(checkJson(register, 'HRB 1234').ok).toBe(true);
    expect(checkJson(register, 'xHRB 1234').errors[0]?.de).toBe('Bitte geben Sie die Registernummer wie „HRB 1234“ an.');
  });

  it('shows the posted text again when re-showing a failed post', () => {
    const view = viewOf(field, undefined, { raw: { f: 'getippt' } });
    expect(view.inputs[0]).toMatchObject({ control: 'text', name: 'f', id: 'field-f', value: 'getippt', maxlength: 20, required: true });
    expect(viewOf({ ...field, autocomplete: 'organization' }, 'Gespeichert').inputs[0]).toMatchObject({ value: 'Gespeichert', autocomplete: 'organization' });
  });

  it('formats the answer as one line', () => {
    expect(formatOf(field, 'Bäckerei Müller')).toEqual(['Bäckerei Müller']);
    expect(checkForm(field, { f: 'x' }).ok).toBe(true);
  });
});
