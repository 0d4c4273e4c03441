import { describe, expect, it } from 'vitest';
import { loadServiceDefinitionFile, parseFormPage, validateSubmission, type FormInput, type JsonValue } from '../index.js';

/**
 * One table for both channels: each row is an answer as a form post and as the API would send
 * it; both must be accepted or refused alike, with the same error paths and codes.
 */
const service = loadServiceDefinitionFile('test/fixtures/services/alle-feldtypen.json');
const now = new Date('2026-03-05T09:00:00Z');

const rows: { name: string; form: FormInput; json: Record<string, JsonValue> }[] = [
  { name: 'PLZ with leading zero', form: { 'premises.street': 'Markt', 'premises.houseNumber': '1', 'premises.postalCode': '04808', 'premises.town': 'Wurzen' }, json: { premises: { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen' } } },
  { name: 'four-digit PLZ', form: { 'premises.street': 'Markt', 'premises.houseNumber': '1', 'premises.postalCode': '4808', 'premises.town': 'Wurzen' }, json: { premises: { street: 'Markt', houseNumber: '1', postalCode: '4808', town: 'Wurzen' } } },
  { name: 'money', form: { capital: '25.000,00' }, json: { capital: 2_500_000 } },
  { name: 'money with three decimals', form: { capital: '1,005' }, json: { capital: '1,005' } },
  { name: 'date', form: { startDate: '20.03.2026' }, json: { startDate: '2026-03-20' } },
  { name: 'date too late', form: { startDate: '20.12.2026' }, json: { startDate: '2026-12-20' } },
  { name: 'leap day that does not exist', form: { startDate: '29.02.2026' }, json: { startDate: '2026-02-29' } },
  { name: 'number', form: { employees: '12' }, json: { employees: 12 } },
  { name: 'fraction for an integer', form: { employees: '1,5' }, json: { employees: 1.5 } },
  { name: 'checkboxes', form: { kinds: ['trade', 'craft'] }, json: { kinds: ['craft', 'trade'] } },
  { name: 'unknown choice', form: { legalForm: 'kg' }, json: { legalForm: 'kg' } },
  { name: 'yes', form: { sideline: 'yes' }, json: { sideline: true } },
  { name: 'declaration ticked', form: { truthful: 'yes' }, json: { truthful: true } },
  { name: 'declaration not ticked', form: {}, json: { truthful: false } },
  { name: 'time window', form: { 'hours.from': '7', 'hours.to': '18:30' }, json: { hours: { from: '07:00', to: '18:30' } } },
];

const verdict = (result: ReturnType<typeof validateSubmission>) => result.errors.map((e) => `${e.path}:${e.code}`).sort();

describe('form runner and API accept and refuse the same answers', () => {
  for (const row of rows) {
    it(row.name, () => {
      let data = {};
      for (const page of service.pages) data = parseFormPage(service, page.id, row.form, data);
      const viaForm = validateSubmission(service, data, { now });
      const viaApi = validateSubmission(service, row.json, { now });
      expect(verdict(viaForm)).toEqual(verdict(viaApi));
      expect(viaForm.data).toEqual(viaApi.data);
    });
  }
});
