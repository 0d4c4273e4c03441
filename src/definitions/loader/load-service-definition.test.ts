import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DefinitionLoadError, loadServiceDefinition, loadServiceDefinitionDirectory, loadServiceDefinitionFile } from '../index.js';

const dir = 'test/fixtures/services';
const invalid = (name: string) => {
  try {
    loadServiceDefinitionFile(`${dir}/invalid/${name}.json`);
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionLoadError);
    return (error as Error).message.split('\n');
  }
  throw new Error(`${name} loaded`);
};
const minimal = () => JSON.parse(fs.readFileSync(`${dir}/sperrmuell.json`, 'utf8')) as Record<string, unknown> & { pages: { fields: Record<string, unknown>[] }[] };
const failure = (json: unknown) => {
  try {
    loadServiceDefinition(json, 'x.json');
  } catch (error) {
    return (error as Error).message.split('\n');
  }
  throw new Error('loaded');
};

describe('loadServiceDefinition', () => {
  it('loads every valid fixture', () => {
    expect(loadServiceDefinitionDirectory(dir).map((d) => [d.id, d.version])).toEqual([
      ['alle-feldtypen', 1],
      ['sperrmuell', 1],
      ['umzugsmeldung', 1],
    ]);
  });

  it('names the file and path of an unknown field type', () => {
    expect(invalid('unknown-field-type')).toEqual([
      `${dir}/invalid/unknown-field-type.json: pages[2].fields[0].type: unknown field type "adress" (known: text, textarea, number, money, date, date-range, time-window, select, radio, checkboxes, yes-no, email, phone, german-address, person-name, file, group, repeating-group, geometry, declaration)`,
    ]);
  });

  it('refuses an unknown condition operator', () => {
    expect(invalid('unknown-condition-operator')).toEqual([`${dir}/invalid/unknown-condition-operator.json: pages[1].when.equal: unknown condition operator "equal"`]);
  });

  it('refuses conditions on later or unknown fields, and values a choice field cannot have', () => {
    expect(invalid('condition-later-field')).toEqual([
      `${dir}/invalid/condition-later-field.json: pages[0].fields[0].when.field: condition refers to field "hasDetails", which is not asked before this point (conditions may only use earlier answers)`,
    ]);
    expect(invalid('condition-unknown-field')).toEqual([
      `${dir}/invalid/condition-unknown-field.json: pages[1].when.any[0].field: condition refers to unknown field "legalFrom"`,
      `${dir}/invalid/condition-unknown-field.json: pages[1].when.any[1].field: "kg" is not a possible answer of field "legalForm" (possible: "gmbh", "ag")`,
    ]);
  });

  it('refuses duplicate page and field ids', () => {
    expect(invalid('duplicate-ids')).toEqual([
      `${dir}/invalid/duplicate-ids.json: pages[1].id: duplicate page id "one"`,
      `${dir}/invalid/duplicate-ids.json: pages[1].fields[0].id: duplicate field id "name" (already used on pages[0])`,
    ]);
  });

  it('refuses bad options: unknown keys, impossible limits, missing code lists, dates that do not exist', () => {
    const lines = invalid('bad-options');
    expect(lines[0]).toMatch(/^test\/fixtures\/services\/invalid\/bad-options\.json: pages\[0\]\.fields\[0\]\.maxLenght: unknown property; "text" fields take .*maxLength/);
    expect(lines.slice(1)).toEqual([
      `${dir}/invalid/bad-options.json: pages[0].fields[1].min: must not exceed max`,
      `${dir}/invalid/bad-options.json: pages[0].fields[2].codeList: unknown code list "legalForms"`,
      `${dir}/invalid/bad-options.json: pages[0].fields[3].min: "2026-02-30" is not a date`,
    ]);
  });

  it('refuses an unsupported definition-language version before anything else', () => {
    expect(invalid('unsupported-language')).toEqual([`${dir}/invalid/unsupported-language.json: definitionLanguage: unsupported definition-language version 2 (supported: 1)`]);
  });

  it('names the file when it is not JSON', () => {
    fs.mkdirSync('.tmp', { recursive: true });
    fs.writeFileSync('.tmp/broken-definition.json', '{ "id": ');
    expect(() => loadServiceDefinitionFile('.tmp/broken-definition.json')).toThrow(/^\.tmp\/broken-definition\.json: \(top level\): cannot read JSON/);
  });

  it('checks metadata, page and field shapes with paths', () => {
    const json = minimal();
    delete json.fee;
    json.version = 0;
    json.pages[0]!.fields[0]!.label = { de: 'Nur Deutsch' };
    expect(failure(json)).toEqual(['x.json: fee: is required', 'x.json: version: expected integer to be greater or equal to 1']);
    const fields = minimal();
    fields.pages[0]!.fields[0]!.label = { de: 'Nur Deutsch' };
    fields.pages[0]!.fields[1]!.id = 'Preferred-Date';
    expect(failure(fields)).toEqual(['x.json: pages[0].fields[0].label.en: is required', 'x.json: pages[0].fields[1].id: must match ^[a-z][a-zA-Z0-9]{0,62}$']);
  });

  it('refuses unknown message codes and sub-fields on plain fields, and nested groups', () => {
    const json = minimal();
    json.pages[0]!.fields[3]!.messages = { tooLng: { de: 'x', en: 'x' } };
    json.pages[0]!.fields[2]!.fields = [{ id: 'a', type: 'text', label: { de: 'a', en: 'a' } }];
    const lines = failure(json);
    expect(lines[0]).toBe('x.json: pages[0].fields[2].fields: only "group" and "repeating-group" fields have sub-fields');
    expect(lines[1]).toMatch(/^x\.json: pages\[0\]\.fields\[3\]\.messages\.tooLng: unknown message code "tooLng" for type "textarea"/);
    const nested = minimal();
    const inner = { id: 'inner', type: 'group', label: { de: 'i', en: 'i' }, fields: [{ id: 'a', type: 'text', label: { de: 'a', en: 'a' } }] };
    nested.pages[0]!.fields.push({ id: 'outer', type: 'repeating-group', label: { de: 'o', en: 'o' }, fields: [inner] });
    expect(failure(nested)).toEqual(['x.json: pages[0].fields[4].fields[0].type: "group" cannot be placed inside another group']);
  });

  it('checks sub-field conditions against earlier siblings and earlier top-level fields', () => {
    const json = minimal();
    const label = { de: 'l', en: 'l' };
    json.pages[0]!.fields.push({
      id: 'people',
      type: 'repeating-group',
      label,
      fields: [
        { id: 'kind', type: 'radio', label, choices: [{ value: 'a', label }, { value: 'b', label }] },
        { id: 'x', type: 'text', label, when: { field: 'kind', equals: 'c' } },
        { id: 'y', type: 'text', label, when: { field: 'volume', gt: 2 } },
        { id: 'z', type: 'text', label, when: { field: 'later', notEmpty: true } },
        { id: 'later', type: 'text', label },
      ],
    });
    expect(failure(json)).toEqual([
      'x.json: pages[0].fields[4].fields[1].when.field: "c" is not a possible answer of field "kind" (possible: "a", "b")',
      'x.json: pages[0].fields[4].fields[3].when.field: condition refers to field "later", which is not asked before this point (conditions may only use earlier answers)',
    ]);
  });

  it('checks comparisons and parts of composite answers', () => {
    const json = minimal();
    const label = { de: 'l', en: 'l' };
    json.pages[0]!.fields.push(
      { id: 'a', type: 'text', label, when: { field: 'note', gt: 3 } },
      { id: 'b', type: 'text', label, when: { field: 'address.land', equals: 'DE' } },
      { id: 'c', type: 'text', label, when: { field: 'preferredDate', lt: 'today+7' } },
      { id: 'd', type: 'text', label, when: { field: 'address.postalCode', equals: '04808' } },
    );
    expect(failure(json)).toEqual([
      'x.json: pages[0].fields[4].when.field: "gt" with a number needs a number or money field, but "note" is not one',
      'x.json: pages[0].fields[5].when.field: field "address" has no part "land" (parts: street, houseNumber, addition, postalCode, town, country)',
    ]);
  });

  it('derives the data schema with FIM ids, required only for unconditional required fields', () => {
    const definition = loadServiceDefinitionFile(`${dir}/umzugsmeldung.json`);
    const schema = definition.dataSchema as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(schema.required).toEqual(['name', 'birthDate', 'newAddress', 'moveInDate', 'fromAbroad', 'movesWithOthers', 'landlordConfirmation', 'truthful']);
    expect(schema.properties.name).toMatchObject({ title: 'Ihr Name', 'x-fim-id': 'F60000000227', type: 'object' });
    expect(definition.dataSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.isFrozen(definition.pages[0]!.fields[0])).toBe(true);
  });

  it('hashes content, not formatting or key order', () => {
    const json = minimal();
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    expect(loadServiceDefinition(reordered, 'a').contentHash).toBe(loadServiceDefinition(json, 'b').contentHash);
    expect(loadServiceDefinition({ ...json, fee: { de: 'anders', en: 'other' } }, 'c').contentHash).not.toBe(loadServiceDefinition(json, 'b').contentHash);
  });
});
