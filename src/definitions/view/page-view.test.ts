import { describe, expect, it } from 'vitest';
import { buildPageView, loadServiceDefinitionFile, parseFormPage, validatePage } from '../index.js';

const umzug = loadServiceDefinitionFile('test/fixtures/services/umzugsmeldung.json');
const now = new Date('2026-03-05T09:00:00Z');

describe('buildPageView', () => {
  it('gives title, intro, step and the fields of the page', () => {
    const view = buildPageView(umzug, 'new-home', { data: { fromAbroad: false }, locale: 'de', now });
    expect(view).toMatchObject({ pageId: 'new-home', title: 'Ihre neue Wohnung', step: { number: 2, total: 6 }, errorSummary: [] });
    expect(view.intro).toMatch(/^Bitte geben Sie die Anschrift/);
    expect(view.fields.map((f) => f.fieldId)).toEqual(['newAddress', 'moveInDate', 'fromAbroad']);
    expect(buildPageView(umzug, 'new-home', { data: {}, locale: 'en', now }).title).toBe('Your new home');
    expect(view.multipart).toBe(false);
    expect(buildPageView(umzug, 'documents', { data: {}, locale: 'de', now }).multipart).toBe(true);
  });

  it('re-shows a failed post with the typed values and an error summary linking to each input', () => {
    const raw = { 'newAddress.street': 'Markt', 'newAddress.houseNumber': '1', 'newAddress.postalCode': '4808', 'newAddress.town': '', moveInDate: '31.02.2026' };
    const data = parseFormPage(umzug, 'new-home', raw, {});
    const { errors } = validatePage(umzug, 'new-home', data, { now });
    const view = buildPageView(umzug, 'new-home', { data, raw, errors, locale: 'de', now });
    expect(view.errorSummary).toEqual([
      { text: 'Die Postleitzahl bei „Anschrift der neuen Wohnung“ muss aus 5 Ziffern bestehen, z. B. 04808.', href: '#field-newAddress-postalCode' },
      { text: 'Bitte geben Sie bei „Anschrift der neuen Wohnung“ den Ort an.', href: '#field-newAddress-town' },
      { text: 'Das Datum bei „Einzugsdatum“ gibt es nicht. Bitte prüfen Sie Tag und Monat.', href: '#field-moveInDate' },
      { text: 'Bitte beantworten Sie die Frage „Ziehen Sie aus dem Ausland zu?“ mit Ja oder Nein.', href: '#field-fromAbroad-yes' },
    ]);
    const [address, date] = view.fields;
    expect(address?.inputs.find((i) => i.name === 'newAddress.postalCode')).toMatchObject({ value: '4808', error: expect.stringContaining('5 Ziffern') });
    expect(date?.inputs[0]).toMatchObject({ value: '31.02.2026', error: expect.stringContaining('gibt es nicht'), describedBy: 'field-moveInDate-hint field-moveInDate-error' });
  });

  it('links a whole-field error (an empty required list) to the field', () => {
    const data = parseFormPage(umzug, 'household', { movesWithOthers: 'yes' }, {});
    const { errors } = validatePage(umzug, 'household', data, { now });
    const view = buildPageView(umzug, 'household', { data, errors, locale: 'de', now });
    expect(view.errorSummary).toEqual([{ text: 'Bitte fügen Sie bei „Mitziehende Personen“ mindestens einen Eintrag hinzu.', href: '#field-members-field' }]);
    expect(view.fields[1]).toMatchObject({ error: expect.stringContaining('mindestens einen Eintrag'), errorId: 'field-members-error' });
  });

  it('marks fields that depend on an answer on the same page as conditional (shown without JavaScript)', () => {
    const hidden = buildPageView(umzug, 'household', { data: { movesWithOthers: false }, locale: 'de', now });
    expect(hidden.fields.map((f) => [f.fieldId, f.conditional])).toEqual([
      ['movesWithOthers', undefined],
      ['members', { condition: '{"field":"movesWithOthers","equals":true}', visible: false }],
    ]);
    const shown = buildPageView(umzug, 'household', { data: { movesWithOthers: true, members: [{}] }, locale: 'de', now });
    expect(shown.fields[1]?.conditional?.visible).toBe(true);
    expect(shown.fields[1]?.rows?.[0]?.fields.map((f) => f.path)).toEqual(['members[0].name', 'members[0].birthDate', 'members[0].relation']);
    expect(shown.fields[1]?.addRow?.label).toBe('Weitere Person hinzufügen');
  });

  it('keeps input names and ids unique across the page', () => {
    const view = buildPageView(umzug, 'household', { data: { movesWithOthers: true, members: [{}, {}] }, locale: 'de', now });
    const inputs = view.fields.flatMap((f) => [...f.inputs, ...(f.rows ?? []).flatMap((r) => r.fields.flatMap((s) => s.inputs))]);
    const names = inputs.map((i) => i.name);
    // A radio or checkbox group is no element itself: its id is its first option's.
    const ids = inputs.flatMap((i) => (i.control === 'radios' || i.control === 'checkboxes' ? (i.choices ?? []).map((c) => c.id) : [i.id]));
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(names).toContain('members[1].name.given');
  });
});
