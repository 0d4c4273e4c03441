import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = {
  type: 'group',
  label: { de: 'Ansprechperson', en: 'Contact person' },
  fields: [
    { id: 'name', type: 'person-name', label: { de: 'Name', en: 'Name' }, required: true },
    { id: 'hasPhone', type: 'yes-no', label: { de: 'Telefonisch erreichbar?', en: 'Reachable by phone?' } },
    { id: 'phone', type: 'phone', label: { de: 'Telefon', en: 'Telephone' }, required: true, when: { field: 'hasPhone', equals: true } },
  ],
};

describe('group field', () => {
  it('reads nested input names into one object', () => {
    expect(fromForm(field, { 'f.name.given': 'Anna', 'f.name.family': 'Müller', 'f.hasPhone': 'no' })).toEqual({ name: { given: 'Anna', family: 'Müller' }, hasPhone: false });
  });

  it('is no answer when optional and left blank; once started, its required parts are required', () => {
    expect(checkForm(field, {})).toEqual({ ok: true, errors: [] });
    expect(checkForm(field, { 'f.hasPhone': 'no' }).errors.map((e) => e.path)).toEqual(['f.name.given', 'f.name.family']);
    expect(checkForm({ ...field, required: true }, {}).errors.map((e) => e.path)).toEqual(['f.name.given', 'f.name.family']);
  });

  it('evaluates conditions on sibling answers and drops hidden ones', () => {
    const base = { name: { given: 'Anna', family: 'Müller' } };
    expect(checkJson(field, { ...base, hasPhone: true }).errors).toMatchObject([{ path: 'f.phone', code: 'required' }]);
    expect(checkJson(field, { ...base, hasPhone: false, phone: '0341 1234' })).toMatchObject({ ok: true, value: { ...base, hasPhone: false } });
  });

  it('refuses keys that are not sub-fields', () => {
    expect(checkJson(field, { name: { given: 'A', family: 'B' }, email: 'x' }).errors[0]?.code).toBe('unknownProperty');
  });

  it('renders its sub-fields with nested names; same-record conditions become conditional views', () => {
    const view = viewOf(field, { hasPhone: true });
    expect(view.layout).toBe('fieldset');
    expect(view.fields?.map((f) => f.path)).toEqual(['f.name', 'f.hasPhone', 'f.phone']);
    expect(view.fields?.[0]?.inputs.map((i) => i.name)).toEqual(['f.name.given', 'f.name.family']);
    expect(view.fields?.[2]?.conditional).toEqual({ condition: '{"field":"hasPhone","equals":true}', visible: true });
    expect(view.focusId).toBe('field-f-name-given');
  });

  it('formats sub-answers with their labels', () => {
    expect(formatOf(field, { name: { given: 'Anna', family: 'Müller' }, hasPhone: false })).toEqual(['Name: Anna Müller', 'Telefonisch erreichbar?: Nein']);
  });
});
