import { describe, expect, it } from 'vitest';
import { checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';

const field = { type: 'file', required: true, accept: ['application/pdf', 'image/png'], maxSizeBytes: 1_000_000, maxFiles: 2 };
const pdf = { id: 'upl_0123456789', name: 'Auszug.pdf', size: 120_000, mediaType: 'application/pdf' };

describe('file field', () => {
  it('accepts references of allowed type and size', () => {
    expect(checkJson(field, [pdf])).toMatchObject({ ok: true, value: [pdf] });
  });

  it('never reads references from a form post; it keeps the draft\'s files', () => {
    expect(fromForm(field, { f: JSON.stringify([pdf]) })).toBeUndefined();
    expect(fromForm(field, {}, { f: [pdf] })).toEqual([pdf]);
  });

  it('asks for a file when required', () => {
    expect(checkJson(field, []).errors[0]).toMatchObject({ code: 'required', de: 'Bitte laden Sie bei „Testfeld“ eine Datei hoch.' });
  });

  it('refuses wrong types, large files and too many files, naming the file', () => {
    expect(checkJson(field, [{ ...pdf, name: 'virus.exe', mediaType: 'application/x-msdownload' }]).errors[0]).toMatchObject({
      path: 'f[0]',
      code: 'type',
      de: 'Die Datei „virus.exe“ bei „Testfeld“ hat ein nicht erlaubtes Format. Erlaubt sind: PDF, PNG.',
    });
    expect(checkJson(field, [pdf, { ...pdf, id: 'upl_big_file_1', size: 1_000_001 }]).errors[0]).toMatchObject({ path: 'f[1]', code: 'size', de: 'Die Datei „Auszug.pdf“ bei „Testfeld“ ist zu groß. Erlaubt sind höchstens 977 KB.' });
    expect(checkJson(field, [pdf, pdf, pdf]).errors[0]?.code).toBe('tooMany');
  });

  it('refuses malformed references', () => {
    for (const bad of [{ ...pdf, id: 'x' }, { ...pdf, size: -1 }, { ...pdf, extra: 1 }, 'upl_0123456789']) {
      expect(checkJson(field, [bad]).errors[0]?.code).toBe('reference');
    }
  });

  it('lists uploaded files with remove buttons', () => {
    const input = viewOf(field, [pdf]).inputs[0]!;
    expect(input).toMatchObject({ control: 'file', accept: 'application/pdf,image/png', multiple: true, hint: 'Erlaubte Formate: PDF, PNG; höchstens 977 KB je Datei.' });
    expect(input.files).toEqual([
      { id: pdf.id, name: 'Auszug.pdf', size: '117 KB', remove: { name: 'action', value: `remove-file:f:${pdf.id}`, label: 'Datei „Auszug.pdf“ entfernen' } },
    ]);
    expect(formatOf(field, [pdf])).toEqual(['Auszug.pdf (117 KB)']);
  });
});
