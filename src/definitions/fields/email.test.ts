import { describe, expect, it } from 'vitest';
import { checkJson, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'email' };

describe('email field', () => {
  it('accepts ordinary addresses and removes stray spaces', () => {
    expect(checkJson(field, ' anna.mueller@example.de ').value).toBe('anna.mueller@example.de');
    expect(checkJson(field, 'anna.mueller @ example.de').value).toBe('anna.mueller@example.de');
  });

  it('refuses what is not an address, with a German example', () => {
    for (const value of ['anna', 'anna@', '@example.de', 'anna@example', 'anna@@example.de', 'anna.müller@example.de']) {
      expect(checkJson(field, value).errors[0]).toMatchObject({
        code: 'format',
        de: 'Bitte geben Sie bei „Testfeld“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.',
      });
    }
  });

  it('is optional unless required', () => {
    expect(checkJson(field, '')).toEqual({ ok: true, errors: [] });
    expect(checkJson({ ...field, required: true }, '').errors[0]?.code).toBe('required');
  });

  it('renders an email input without spell checking', () => {
    expect(viewOf(field, undefined).inputs[0]).toMatchObject({ type: 'email', autocomplete: 'email', spellcheck: false, inputmode: 'email' });
    expect(viewOf({ ...field, autocomplete: 'off' }, undefined).inputs[0]?.autocomplete).toBe('off');
  });
});
