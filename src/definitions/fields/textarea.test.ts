import { describe, expect, it } from 'vitest';
import { checkJson, formatOf, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'textarea', required: true, maxLength: 30 };

describe('textarea field', () => {
  it('keeps line breaks, unifies Windows line ends and trims trailing spaces and outer blank lines', () => {
    expect(checkJson(field, '\r\n  Zeile eins  \r\nZeile zwei\r\n\r\n').value).toBe('Zeile eins\nZeile zwei');
  });

  it('counts the length after clean-up', () => {
    expect(checkJson(field, `${'a'.repeat(30)}   \n\n`).ok).toBe(true);
    expect(checkJson(field, 'a'.repeat(31)).errors[0]?.code).toBe('tooLong');
  });

  it('requires an answer when required', () => {
    expect(checkJson(field, '\n \n').errors[0]?.code).toBe('required');
  });

  it('formats each line separately and renders a textarea', () => {
    expect(formatOf(field, 'eins\nzwei')).toEqual(['eins', 'zwei']);
    expect(viewOf(field, 'eins\nzwei').inputs[0]).toMatchObject({ control: 'textarea', rows: 5, value: 'eins\nzwei' });
  });
});
