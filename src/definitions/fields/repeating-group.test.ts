import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';
import { addRow, removeRow } from './repeating-group.js';

const field = {
  type: 'repeating-group',
  required: true,
  maxRows: 3,
  label: { de: 'Geschäftsführung', en: 'Management' },
  itemLabel: { de: 'Geschäftsführer/in', en: 'Managing director' },
  fields: [
    { id: 'name', type: 'person-name', label: { de: 'Name', en: 'Name' }, required: true, autocomplete: false },
    { id: 'birthDate', type: 'date', label: { de: 'Geburtsdatum', en: 'Date of birth' }, required: true, max: 'today' },
  ],
};
const row = (given: string, birth = '01.01.1980') => ({ 'name.given': given, 'name.family': 'Muster', birthDate: birth });
const post = (...rows: Record<string, string>[]) =>
  Object.fromEntries(rows.flatMap((r, i) => Object.entries(r).map(([k, v]) => [`f[${i}].${k}`, v])));

describe('repeating-group field', () => {
  it('reads rows from indexed input names', () => {
    expect(checkForm(field, post(row('Anna'), row('Ben', '2.2.1990')))).toMatchObject({
      ok: true,
      value: [
        { name: { given: 'Anna', family: 'Muster' }, birthDate: '1980-01-01' },
        { name: { given: 'Ben', family: 'Muster' }, birthDate: '1990-02-02' },
      ],
    });
  });

  it('keeps rows whose inputs post nothing, by the hidden row count', () => {
    expect(fromForm(field, { 'f.rowCount': '2', ...post(row('Anna')) })).toHaveLength(2);
    expect(fromForm(field, {})).toBeUndefined();
  });

  it('names the row in messages and points at the input inside it', () => {
    const result = checkForm(field, post(row('Anna'), row('', '31.02.1990')));
    expect(result.errors.map((e) => [e.path, e.de])).toEqual([
      ['f[1].name.given', 'Bitte geben Sie bei „Name (Geschäftsführer/in 2)“ den Vornamen an.'],
      ['f[1].birthDate', 'Das Datum bei „Geburtsdatum (Geschäftsführer/in 2)“ gibt es nicht. Bitte prüfen Sie Tag und Monat.'],
    ]);
  });

  it('needs a row when required and refuses more than maxRows', () => {
    expect(checkForm(field, {}).errors[0]).toMatchObject({ path: 'f', code: 'required', de: 'Bitte fügen Sie bei „Geschäftsführung“ mindestens einen Eintrag hinzu.' });
    const four = Array.from({ length: 4 }, () => ({ name: { given: 'A', family: 'B' }, birthDate: '1980-01-01' }));
    expect(checkJson(field, four).errors[0]).toMatchObject({ code: 'maxRows', de: 'Bei „Geschäftsführung“ sind höchstens 3 Einträge möglich.' });
  });

  it('adds and removes rows for the no-JavaScript buttons', () => {
    expect(addRow(undefined, {})).toEqual([{}]);
    expect(addRow([{ a: 1 }, { a: 2 }, { a: 3 }], { maxRows: 3 })).toHaveLength(3);
    expect(removeRow([{ a: 1 }, { a: 2 }, { a: 3 }], 1)).toEqual([{ a: 1 }, { a: 3 }]);
    expect(removeRow([{ a: 1 }], 5)).toEqual([{ a: 1 }]);
  });

  it('renders rows with legends, remove buttons above the minimum, an add button below the maximum', () => {
    const view = viewOf(field, [{ name: { given: 'Anna', family: 'Muster' } }, {}]);
    expect(view.rows?.map((r) => [r.legend, r.remove?.value])).toEqual([
      ['Geschäftsführer/in 1', 'remove-row:f:0'],
      ['Geschäftsführer/in 2', 'remove-row:f:1'],
    ]);
    expect(view.rows?.[0]?.fields[0]?.inputs.map((i) => [i.name, i.value])).toEqual([
      ['f[0].name.given', 'Anna'],
      ['f[0].name.family', 'Muster'],
    ]);
    expect(view.rows?.[0]?.remove?.label).toBe('Geschäftsführer/in 1 entfernen');
    expect(view.addRow).toEqual({ name: 'action', value: 'add-row:f', label: 'Weiteren Eintrag hinzufügen' });
    expect(view.inputs).toEqual([{ control: 'hidden', name: 'f.rowCount', id: 'field-f-rowCount', label: '', value: '2', required: false }]);
    expect(viewOf(field, [{}]).rows?.[0]?.remove).toBeUndefined();
    expect(viewOf(field, [{}, {}, {}]).addRow).toBeUndefined();
  });

  it('shows the minimum of empty rows to start with', () => {
    expect(viewOf({ ...field, minRows: 2 }, undefined).rows).toHaveLength(2);
    expect(viewOf({ ...field, required: false }, undefined).rows).toHaveLength(0);
  });

  it('formats each row under its legend', () => {
    expect(formatOf(field, [{ name: { given: 'Anna', family: 'Muster' }, birthDate: '1980-01-01' }])).toEqual(['Geschäftsführer/in 1', 'Name: Anna Muster', 'Geburtsdatum: 1. Januar 1980']);
  });
});
