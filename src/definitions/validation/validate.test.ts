import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadServiceDefinitionFile, parseFormPage, validatePage, validateSubmission, type JsonObject } from '../index.js';

const umzug = loadServiceDefinitionFile('test/fixtures/services/umzugsmeldung.json');
const now = new Date('2026-03-05T09:00:00Z');
// Complete answers, valid on the test day 5 March 2026.
const complete = JSON.parse(fs.readFileSync('test/fixtures/answers/umzugsmeldung.json', 'utf8')) as JsonObject;

describe('validateSubmission', () => {
  it('accepts a complete application and returns normalised data', () => {
    const result = validateSubmission(umzug, complete, { now });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.data.newAddress).toEqual({ street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen', country: 'DE' });
  });

  it('drops answers of hidden pages and fields instead of refusing them', () => {
    const result = validateSubmission(umzug, { ...complete, movesWithOthers: false, foreignAddress: { street: 'x', town: 'y', country: 'CZ' } }, { now });
    expect(result.ok).toBe(true);
    expect(result.data).not.toHaveProperty('members');
    expect(result.data).not.toHaveProperty('foreignAddress');
  });

  it('switches pages on the earlier answer, so the abroad page is validated instead', () => {
    const result = validateSubmission(umzug, { ...complete, fromAbroad: true }, { now });
    expect(result.data).not.toHaveProperty('previousAddress');
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['foreignAddress.street', 'streetMissing'],
      ['foreignAddress.houseNumber', 'houseNumberMissing'],
      ['foreignAddress.postalCode', 'postalCodeMissing'],
      ['foreignAddress.town', 'townMissing'],
    ]);
  });

  it('refuses unknown keys and a body that is no object', () => {
    expect(validateSubmission(umzug, { ...complete, newAdress: {} }, { now }).errors).toEqual([
      { path: 'newAdress', fieldId: 'newAdress', code: 'unknownField', message: { de: 'Die Angabe „newAdress“ gibt es in diesem Antrag nicht.', en: 'This application has no entry “newAdress”.' } },
    ]);
    expect(validateSubmission(umzug, [complete]).errors[0]?.code).toBe('notAnObject');
  });

  it('reports every problem with path, field and both languages', () => {
    const result = validateSubmission(umzug, { ...complete, members: [{ name: { given: 'Ben' }, birthDate: '2030-01-01', relation: 'cousin' }], truthful: false }, { now });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.path, e.fieldId, e.code])).toEqual([
      ['members[0].name.family', 'members', 'familyMissing'],
      ['members[0].birthDate', 'members', 'future'],
      ['members[0].relation', 'members', 'notAChoice'],
      ['truthful', 'truthful', 'required'],
    ]);
    expect(result.errors[1]?.message).toEqual({
      de: 'Das Datum bei „Geburtsdatum (Person 1)“ darf nicht in der Zukunft liegen.',
      en: 'The date for “Date of birth (Person 1)” must not be in the future.',
    });
  });

  it('keeps the contract: data that passes validation passes the JSON Schema', () => {
    const result = validateSubmission(umzug, complete, { now });
    expect(umzug.checkSchema(result.data)).toEqual([]);
    expect(umzug.checkSchema({ ...result.data, newAddress: { street: 'Markt', houseNumber: '1', postalCode: '4808', town: 'Wurzen', country: 'DE' } })).toContainEqual(expect.objectContaining({ path: 'newAddress.postalCode', keyword: 'pattern' }));
  });
});

describe('validatePage', () => {
  it('validates only the page, keeping the rest of the draft', () => {
    const draft = { name: { given: 'Anna', family: 'Müller' } };
    const result = validatePage(umzug, 'new-home', { ...draft, newAddress: { street: 'Markt 1', postalCode: 'D-04808', town: 'Wurzen' }, moveInDate: '2026-03-01', fromAbroad: true }, { now });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      ...draft,
      newAddress: { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen', country: 'DE' },
      moveInDate: '2026-03-01',
      fromAbroad: true,
    });
  });

  it('keeps invalid answers as typed, so nothing is lost', () => {
    const data = parseFormPage(umzug, 'new-home', { 'newAddress.street': 'Markt', 'newAddress.houseNumber': '1', 'newAddress.postalCode': '4808', 'newAddress.town': 'Wurzen', moveInDate: '31.02.2026', fromAbroad: 'no' }, {});
    const result = validatePage(umzug, 'new-home', data, { now });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.path)).toEqual(['newAddress.postalCode', 'moveInDate']);
    expect(result.data.newAddress).toEqual({ street: 'Markt', houseNumber: '1', postalCode: '4808', town: 'Wurzen' });
    expect(result.data.moveInDate).toBe('2026-02-31');
    expect(result.data.fromAbroad).toBe(false);
  });

  it('drops a field hidden by an answer on the same page', () => {
    const data = parseFormPage(umzug, 'household', { movesWithOthers: 'no', 'members[0].name.given': 'Ben' }, {});
    expect(data.members).toEqual([{ name: { given: 'Ben' } }]);
    const result = validatePage(umzug, 'household', data, { now });
    expect(result).toMatchObject({ ok: true, errors: [] });
    expect(result.data).toEqual({ movesWithOthers: false });
  });

  it('throws for a page the service does not have (a programming error)', () => {
    expect(() => validatePage(umzug, 'nope', {})).toThrow('Service "umzugsmeldung" has no page "nope"');
  });
});
