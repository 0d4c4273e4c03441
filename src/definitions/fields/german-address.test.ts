import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'german-address', required: true, label: { de: 'Anschrift der Betriebsstätte', en: 'Address of the premises' } };
const wurzen = { 'f.street': 'Markt', 'f.houseNumber': '1', 'f.postalCode': '04808', 'f.town': 'Wurzen' };

describe('german-address field', () => {
  it('keeps the leading zero of a PLZ (Wurzen is 04808)', () => {
    expect(checkForm(field, wurzen)).toMatchObject({ ok: true, value: { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen', country: 'DE' } });
  });

  it('asks for each part at its own input, naming the address', () => {
    expect(checkForm(field, {}).errors.map((e) => [e.path, e.de])).toEqual([
      ['f.street', 'Bitte geben Sie bei „Anschrift der Betriebsstätte“ die Straße an.'],
      ['f.houseNumber', 'Bitte geben Sie bei „Anschrift der Betriebsstätte“ die Hausnummer an.'],
      ['f.postalCode', 'Bitte geben Sie bei „Anschrift der Betriebsstätte“ die Postleitzahl an.'],
      ['f.town', 'Bitte geben Sie bei „Anschrift der Betriebsstätte“ den Ort an.'],
    ]);
    expect(checkForm(field, { ...wurzen, 'f.town': ' ' }).errors.map((e) => e.path)).toEqual(['f.town']);
  });

  it('needs exactly five digits for a German PLZ', () => {
    for (const plz of ['4808', '048080', '0480a', '00123']) {
      expect(checkForm(field, { ...wurzen, 'f.postalCode': plz }).errors[0], plz).toMatchObject({
        path: 'f.postalCode',
        code: 'postalCodeFormat',
        de: 'Die Postleitzahl bei „Anschrift der Betriebsstätte“ muss aus 5 Ziffern bestehen, z. B. 04808.',
      });
    }
  });

  it('cleans "D-04808" and "04 808"', () => {
    expect(checkForm(field, { ...wurzen, 'f.postalCode': 'D-04808' }).value).toMatchObject({ postalCode: '04808' });
    expect(checkForm(field, { ...wurzen, 'f.postalCode': '04 808' }).value).toMatchObject({ postalCode: '04808' });
  });

  it('moves a house number typed into the street line to its own part', () => {
    expect(checkForm(field, { ...wurzen, 'f.street': 'Straße des Friedens 12a', 'f.houseNumber': '' }).value).toMatchObject({ street: 'Straße des Friedens', houseNumber: '12a' });
    expect(checkForm(field, { ...wurzen, 'f.street': 'Am Markt 3-5', 'f.houseNumber': '' }).value).toMatchObject({ street: 'Am Markt', houseNumber: '3-5' });
  });

  it('accepts common house numbers and refuses ones without digits', () => {
    for (const number of ['1', '12a', '12 a', '12-14', '7/1']) expect(checkForm(field, { ...wurzen, 'f.houseNumber': number }).ok, number).toBe(true);
    expect(checkForm(field, { ...wurzen, 'f.houseNumber': 'ohne' }).errors[0]?.code).toBe('houseNumberFormat');
  });

  it('keeps umlauts and ß, normalising white space', () => {
    expect(checkForm(field, { ...wurzen, 'f.street': '  Große   Straße ', 'f.town': 'Bad Düben' }).value).toMatchObject({ street: 'Große Straße', town: 'Bad Düben' });
  });

  it('ignores the country select alone: an untouched address is no answer', () => {
    expect(fromForm({ ...field, allowForeign: true }, { 'f.country': 'DE', 'f.street': '' })).toBeUndefined();
  });

  it('takes foreign addresses only when allowed, with free postcodes and no house number', () => {
    const foreign = { ...field, allowForeign: true };
    const prague = { 'f.street': 'Karlova 5', 'f.postalCode': '110 00', 'f.town': 'Praha', 'f.country': 'CZ' };
    expect(checkForm(foreign, prague)).toMatchObject({ ok: true, value: { street: 'Karlova 5', postalCode: '110 00', town: 'Praha', country: 'CZ' } });
    expect(checkForm(field, prague).errors[0]).toMatchObject({ path: 'f.country', code: 'countryInvalid' });
    expect(checkJson(foreign, { street: 'x', town: 'y', country: 'ZZ' }).errors[0]?.code).toBe('countryInvalid');
    expect(checkJson(foreign, { street: 'Rue 1', town: 'Paris', country: 'fr' }).value).toMatchObject({ country: 'FR' });
  });

  it('refuses unknown keys and non-string parts in the API', () => {
    expect(checkJson(field, { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen', zip: '1' }).errors[0]?.code).toBe('unknownProperty');
    expect(checkJson(field, { street: 'Markt', houseNumber: 1, postalCode: '04808', town: 'Wurzen' }).errors[0]).toMatchObject({ path: 'f.houseNumber', code: 'invalid' });
    expect(checkJson(field, { street: 'Markt', houseNumber: '1', postalCode: 4808, town: 'Wurzen' }).errors[0]).toMatchObject({ path: 'f.postalCode' });
  });

  it('gives inputs with autofill sections, so two addresses on a page do not mix', () => {
    const view = viewOf({ ...field, allowForeign: true }, undefined);
    expect(view.inputs.map((i) => [i.name, i.label, i.autocomplete])).toEqual([
      ['f.street', 'Straße', 'section-field-f address-line1'],
      ['f.houseNumber', 'Hausnummer', undefined],
      ['f.postalCode', 'Postleitzahl', 'section-field-f postal-code'],
      ['f.town', 'Ort', 'section-field-f address-level2'],
      ['f.country', 'Staat', 'section-field-f country'],
    ]);
    expect(view.inputs[4]?.choices?.[0]).toMatchObject({ value: 'DE', label: 'Deutschland', selected: true });
    expect(viewOf({ ...field, autocomplete: false }, undefined).inputs[0]?.autocomplete).toBe('off');
  });

  it('puts each error next to its input', () => {
    const raw = { ...wurzen, 'f.postalCode': '4808' };
    const errors = [{ path: 'f.postalCode', fieldId: 'f', code: 'postalCodeFormat', message: { de: 'PLZ falsch', en: 'Postcode wrong' } }];
    const view = viewOf(field, undefined, { raw, errors });
    expect(view.inputs.find((i) => i.name === 'f.postalCode')).toMatchObject({ value: '4808', error: 'PLZ falsch', describedBy: 'field-f-postalCode-error' });
    expect(view.error).toBeUndefined();
  });

  it('formats German and foreign addresses as letter lines', () => {
    expect(formatOf(field, { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen', country: 'DE' })).toEqual(['Markt 1', '04808 Wurzen']);
    expect(formatOf({ ...field, allowForeign: true }, { street: 'Karlova 5', postalCode: '110 00', town: 'Praha', country: 'CZ' })).toEqual(['Karlova 5', '110 00 Praha', 'Tschechien']);
  });
});
