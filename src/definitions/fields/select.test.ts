import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, viewOf } from '../../../test/support/field-kit.js';

const choices = [
  { value: 'gmbh', label: { de: 'GmbH', en: 'GmbH (limited company)' } },
  { value: 'ug', label: { de: 'UG (haftungsbeschränkt)', en: 'UG (limited liability)' } },
];
const field = { type: 'select', required: true, choices };

describe('select field', () => {
  it('accepts a value from the list, trimmed', () => {
    expect(checkForm(field, { f: ' ug ' })).toMatchObject({ ok: true, value: 'ug' });
  });

  it('asks to choose when nothing is chosen, and refuses values not on the list', () => {
    expect(checkForm(field, { f: '' }).errors[0]).toMatchObject({ code: 'required', de: 'Bitte wählen Sie bei „Testfeld“ eine Antwort aus.' });
    expect(checkJson(field, 'ag').errors[0]).toMatchObject({ code: 'notAChoice', de: 'Bitte wählen Sie bei „Testfeld“ eine Antwort aus der Liste aus.' });
    expect(checkJson(field, 1).errors[0]?.code).toBe('notAChoice');
  });

  it('renders a select with a placeholder and the saved choice selected', () => {
    const input = viewOf(field, 'ug').inputs[0]!;
    expect(input).toMatchObject({ control: 'select', placeholder: 'Bitte auswählen', value: 'ug' });
    expect(input.choices?.map((c) => [c.value, c.label, c.selected])).toEqual([
      ['gmbh', 'GmbH', false],
      ['ug', 'UG (haftungsbeschränkt)', true],
    ]);
    expect(viewOf(field, undefined, { locale: 'en' }).inputs[0]?.choices?.[0]?.label).toBe('GmbH (limited company)');
  });

  it('formats the label, not the code', () => {
    expect(formatOf(field, 'ug')).toEqual(['UG (haftungsbeschränkt)']);
  });
});
