import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'date', required: true };

describe('date field', () => {
  it('reads German and ISO dates from the form', () => {
    expect(fromForm(field, { f: '31.12.2026' })).toBe('2026-12-31');
    expect(fromForm(field, { f: ' 1.2.2026 ' })).toBe('2026-02-01');
    expect(fromForm(field, { f: '01. 02. 2026' })).toBe('2026-02-01');
    expect(fromForm(field, { f: '2026-12-31' })).toBe('2026-12-31');
  });

  it('knows leap days', () => {
    expect(checkForm(field, { f: '29.02.2024' })).toMatchObject({ ok: true, value: '2024-02-29' });
    expect(checkForm(field, { f: '29.02.2026' }).errors[0]).toMatchObject({ code: 'notADay', de: 'Das Datum bei „Testfeld“ gibt es nicht. Bitte prüfen Sie Tag und Monat.' });
    expect(checkForm(field, { f: '29.02.2100' }).errors[0]?.code).toBe('notADay');
    expect(checkForm(field, { f: '29.02.2000' }).ok).toBe(true);
    expect(checkForm(field, { f: '31.04.2026' }).errors[0]?.code).toBe('notADay');
  });

  it('asks for the format when the text is no date, including two-digit years', () => {
    for (const text of ['morgen', '31.12.26', '12/31/2026', '31.12.2026x']) {
      expect(checkForm(field, { f: text }).errors[0], text).toMatchObject({
        code: 'format',
        de: 'Bitte geben Sie bei „Testfeld“ ein Datum im Format TT.MM.JJJJ an, z. B. 31.12.2026.',
      });
    }
  });

  it('catches typing errors in the year', () => {
    expect(checkForm(field, { f: '31.12.0226' }).errors[0]).toMatchObject({ code: 'year', de: 'Bitte prüfen Sie das Jahr bei „Testfeld“.' });
  });

  it('resolves relative limits against today in Berlin (test clock: 5 March 2026)', () => {
    const soon = { type: 'date', min: 'today+14' };
    expect(checkJson(soon, '2026-03-18').errors[0]).toMatchObject({ code: 'min', de: 'Das Datum bei „Testfeld“ darf nicht vor dem 19.03.2026 liegen.' });
    expect(checkJson(soon, '2026-03-19').ok).toBe(true);
    expect(checkJson({ type: 'date', min: 'today' }, '2026-03-04').errors[0]).toMatchObject({ code: 'past', de: 'Das Datum bei „Testfeld“ darf nicht in der Vergangenheit liegen.' });
    expect(checkJson({ type: 'date', max: 'today' }, '2026-03-06').errors[0]?.code).toBe('future');
    expect(checkJson({ type: 'date', max: 'today' }, '2026-03-05').ok).toBe(true);
  });

  it('uses the Berlin day: 23:30 UTC on 5 March is already 6 March in Germany', () => {
    const lateEvening = new Date('2026-03-05T23:30:00Z');
    expect(checkJson({ type: 'date', min: 'today' }, '2026-03-05', lateEvening).errors[0]?.code).toBe('past');
  });

  it('checks fixed limits', () => {
    expect(checkJson({ type: 'date', max: '2026-12-31' }, '2027-01-01').errors[0]?.de).toBe('Das Datum bei „Testfeld“ darf nicht nach dem 31.12.2026 liegen.');
  });

  it('shows the German date in the input with a format hint, and formats it long', () => {
    expect(viewOf(field, '2026-12-31').inputs[0]).toMatchObject({ value: '31.12.2026', hint: 'Format: TT.MM.JJJJ, z. B. 31.12.2026' });
    expect(viewOf(field, undefined, { raw: { f: '31.02.2026' } }).inputs[0]?.value).toBe('31.02.2026');
    expect(formatOf(field, '2026-12-31')).toEqual(['31. Dezember 2026']);
    expect(formatOf(field, '2026-12-31', 'en')).toEqual(['31 December 2026']);
  });
});
