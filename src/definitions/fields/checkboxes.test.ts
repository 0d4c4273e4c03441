import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = {
  type: 'checkboxes',
  required: true,
  maxSelected: 3,
  choices: ['industry', 'craft', 'trade', 'other'].map((value) => ({ value, label: { de: value.toUpperCase(), en: value } })),
};

describe('checkboxes field', () => {
  it('reads ticked boxes; none ticked is no answer', () => {
    expect(fromForm(field, { f: ['trade', 'craft'] })).toEqual(['trade', 'craft']);
    expect(fromForm(field, { f: 'craft' })).toEqual(['craft']);
    expect(fromForm(field, {})).toBeUndefined();
    expect(checkForm(field, {}).errors[0]).toMatchObject({ code: 'required', de: 'Bitte wählen Sie bei „Testfeld“ mindestens eine Antwort aus.' });
  });

  it('stores values in list order without duplicates', () => {
    expect(checkJson(field, ['trade', 'craft', 'trade']).value).toEqual(['craft', 'trade']);
  });

  it('refuses values not on the list and too many ticks', () => {
    expect(checkJson(field, ['craft', 'farming']).errors[0]?.code).toBe('notAChoice');
    expect(checkJson(field, 'craft').errors[0]?.code).toBe('notAChoice');
    expect(checkJson(field, ['industry', 'craft', 'trade', 'other']).errors[0]).toMatchObject({ code: 'maxSelected', de: 'Bitte wählen Sie bei „Testfeld“ höchstens 3 Antworten aus.' });
  });

  it('treats an empty list as no answer', () => {
    expect(checkJson({ ...field, required: false }, [])).toEqual({ ok: true, errors: [] });
  });

  it('keeps the ticks of a failed post', () => {
    const view = viewOf(field, undefined, { raw: { f: ['other'] } });
    expect(view.inputs[0]?.choices?.filter((c) => c.selected).map((c) => c.value)).toEqual(['other']);
    expect(formatOf(field, ['craft', 'trade'])).toEqual(['CRAFT', 'TRADE']);
  });
});
