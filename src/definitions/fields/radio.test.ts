import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, viewOf } from '../../../test/support/field-kit.js';

const field = {
  type: 'radio',
  required: true,
  choices: [
    { value: 'new', label: { de: 'Neugründung', en: 'New business' } },
    { value: 'takeover', label: { de: 'Übernahme', en: 'Takeover' }, hint: { de: 'Kauf, Pacht, Erbfolge', en: 'Purchase, lease, inheritance' } },
  ],
};

describe('radio field', () => {
  it('accepts one listed value and refuses others', () => {
    expect(checkForm(field, { f: 'takeover' })).toMatchObject({ ok: true, value: 'takeover' });
    expect(checkJson(field, 'merger').errors[0]?.code).toBe('notAChoice');
    expect(checkForm(field, {}).errors[0]?.code).toBe('required');
  });

  it('renders a radio group in a fieldset whose id is the first radio (for the error summary)', () => {
    const view = viewOf(field, 'takeover');
    expect(view.layout).toBe('fieldset');
    expect(view.inputs[0]).toMatchObject({ control: 'radios', id: 'field-f-new' });
    expect(view.inputs[0]?.choices?.map((c) => [c.id, c.selected, c.hint])).toEqual([
      ['field-f-new', false, undefined],
      ['field-f-takeover', true, 'Kauf, Pacht, Erbfolge'],
    ]);
    expect(view.focusId).toBe('field-f-new');
  });

  it('formats the label', () => {
    expect(formatOf(field, 'new', 'en')).toEqual(['New business']);
  });
});
