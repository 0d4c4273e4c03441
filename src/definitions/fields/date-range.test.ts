import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'date-range', required: true, min: 'today', maxDays: 3 };

describe('date-range field', () => {
  it('reads both dates from their inputs', () => {
    expect(fromForm(field, { 'f.from': '4.5.2026', 'f.to': '05.05.2026' })).toEqual({ from: '2026-05-04', to: '2026-05-05' });
    expect(fromForm(field, { 'f.from': '', 'f.to': ' ' })).toBeUndefined();
  });

  it('asks for each missing end at its own input', () => {
    expect(checkForm(field, {}).errors.map((e) => [e.path, e.code])).toEqual([
      ['f.from', 'fromMissing'],
      ['f.to', 'toMissing'],
    ]);
    expect(checkForm(field, { 'f.from': '04.05.2026' }).errors).toMatchObject([{ path: 'f.to', de: 'Bitte geben Sie bei „Testfeld“ das Datum des Endes an.' }]);
  });

  it('names which end is wrong', () => {
    expect(checkForm(field, { 'f.from': '30.02.2026', 'f.to': '01.03.2026' }).errors[0]).toMatchObject({
      path: 'f.from',
      code: 'notADay',
      de: 'Das Datum für den Beginn bei „Testfeld“ gibt es nicht. Bitte prüfen Sie Tag und Monat.',
    });
  });

  it('refuses an end before the start, and periods too long (both days count)', () => {
    expect(checkJson(field, { from: '2026-05-05', to: '2026-05-04' }).errors[0]).toMatchObject({ path: 'f.to', code: 'order' });
    expect(checkJson(field, { from: '2026-05-04', to: '2026-05-06' }).ok).toBe(true);
    expect(checkJson(field, { from: '2026-05-04', to: '2026-05-07' }).errors[0]).toMatchObject({ code: 'maxDays', de: 'Der Zeitraum bei „Testfeld“ darf höchstens 3 Tage umfassen.' });
    expect(checkJson({ ...field, minDays: 2 }, { from: '2026-05-04', to: '2026-05-04' }).errors[0]?.code).toBe('minDays');
  });

  it('applies limits to both ends', () => {
    expect(checkJson(field, { from: '2026-03-04', to: '2026-03-05' }).errors[0]).toMatchObject({ path: 'f.from', code: 'past' });
  });

  it('refuses unknown keys in the API', () => {
    expect(checkJson(field, { from: '2026-05-04', to: '2026-05-05', until: 'x' }).errors[0]).toMatchObject({ code: 'unknownProperty', de: 'Die Angabe „until“ bei „Testfeld“ ist hier nicht vorgesehen.' });
  });

  it('renders two inputs and formats a period or a single day', () => {
    const view = viewOf(field, { from: '2026-05-04', to: '2026-05-05' });
    expect(view.layout).toBe('fieldset');
    expect(view.inputs.map((i) => [i.name, i.label, i.value])).toEqual([
      ['f.from', 'Beginn', '04.05.2026'],
      ['f.to', 'Ende', '05.05.2026'],
    ]);
    expect(formatOf(field, { from: '2026-05-04', to: '2026-05-05' })).toEqual(['4. Mai 2026 – 5. Mai 2026']);
    expect(formatOf(field, { from: '2026-05-04', to: '2026-05-04' })).toEqual(['4. Mai 2026']);
  });
});
