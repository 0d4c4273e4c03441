import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'person-name', required: true, withTitle: true, withBirthName: true };

describe('person-name field', () => {
  it('reads the parts; title and birth name are optional', () => {
    expect(checkForm(field, { 'f.given': 'Anna-Lena', 'f.family': ' Müller ' })).toMatchObject({ ok: true, value: { given: 'Anna-Lena', family: 'Müller' } });
    expect(checkForm(field, { 'f.title': 'Dr.', 'f.given': 'Jürgen', 'f.family': 'Weiß', 'f.birthName': 'Schäfer' }).value).toEqual({ title: 'Dr.', given: 'Jürgen', family: 'Weiß', birthName: 'Schäfer' });
  });

  it('accepts names from many scripts and spellings', () => {
    for (const family of ["O'Brien", 'O’Connor', 'Øztürk-Ñúñez', 'van der Berg', 'Łukasiewicz', 'Ἀλέξανδρος', 'Nguyễn']) {
      expect(checkJson(field, { given: 'A', family }).ok, family).toBe(true);
    }
  });

  it('refuses digits and symbols, naming the part', () => {
    expect(checkJson(field, { given: 'Anna2', family: 'Müller' }).errors[0]).toMatchObject({
      path: 'f.given',
      code: 'characters',
      de: 'Die Angabe „Vorname(n)“ bei „Testfeld“ darf nur Buchstaben, Leerzeichen, Bindestriche, Punkte und Apostrophe enthalten.',
    });
    expect(checkJson(field, { given: 'Anna', family: '<b>' }).errors[0]?.path).toBe('f.family');
  });

  it('asks for given and family name separately', () => {
    expect(checkForm(field, {}).errors.map((e) => e.path)).toEqual(['f.given', 'f.family']);
    expect(checkForm(field, { 'f.family': 'Müller' }).errors).toMatchObject([{ path: 'f.given', de: 'Bitte geben Sie bei „Testfeld“ den Vornamen an.' }]);
  });

  it('refuses parts the field does not ask for', () => {
    expect(checkJson({ type: 'person-name' }, { given: 'A', family: 'B', title: 'Dr.' }).errors[0]?.code).toBe('unknownProperty');
  });

  it('renders the inputs with name autofill, or none for other people', () => {
    expect(viewOf(field, undefined).inputs.map((i) => [i.name, i.autocomplete])).toEqual([
      ['f.title', 'section-field-f honorific-prefix'],
      ['f.given', 'section-field-f given-name'],
      ['f.family', 'section-field-f family-name'],
      ['f.birthName', 'off'],
    ]);
    expect(viewOf({ type: 'person-name', autocomplete: false }, undefined).inputs.map((i) => i.autocomplete)).toEqual(['off', 'off']);
  });

  it('formats the full name with birth name', () => {
    expect(formatOf(field, { title: 'Dr.', given: 'Jürgen', family: 'Weiß', birthName: 'Schäfer' })).toEqual(['Dr. Jürgen Weiß, geb. Schäfer']);
  });
});
