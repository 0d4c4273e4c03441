import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'declaration', label: { de: 'Meine Angaben sind richtig.', en: 'My information is correct.' } };

describe('declaration field', () => {
  it('must be ticked, even without "required"', () => {
    expect(checkForm(field, { f: 'yes' })).toMatchObject({ ok: true, value: true });
    expect(checkForm(field, {}).errors[0]).toMatchObject({
      code: 'required',
      de: 'Bitte bestätigen Sie die Erklärung „Meine Angaben sind richtig.“, indem Sie das Kästchen ankreuzen.',
    });
    expect(checkJson(field, false).errors[0]?.code).toBe('required');
    expect(checkJson(field, 'yes').errors[0]?.code).toBe('invalid');
  });

  it('renders one checkbox with the statement as its label', () => {
    expect(viewOf(field, true).inputs[0]).toMatchObject({ control: 'checkbox', checked: true, checkedValue: 'yes', label: 'Meine Angaben sind richtig.', required: true });
    expect(viewOf(field, undefined, { raw: {} }).inputs[0]?.checked).toBe(false);
  });
});
