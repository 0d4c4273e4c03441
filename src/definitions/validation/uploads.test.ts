import { describe, expect, it } from 'vitest';
import { addUploadedFile, fileLimits, loadServiceDefinitionFile } from '../index.js';

const umzug = loadServiceDefinitionFile('test/fixtures/services/umzugsmeldung.json');
const file = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: 'scan.pdf', size: 1000, mediaType: 'application/pdf', ...extra });

describe('uploads', () => {
  it('tells the upload code the limits before it reads a file', () => {
    expect(fileLimits(umzug, 'landlordConfirmation')).toEqual({
      accept: ['application/pdf', 'image/jpeg', 'image/png'],
      maxSizeBytes: 5_242_880,
      maxFiles: 2,
      label: { de: 'Wohnungsgeberbestätigung', en: "Landlord's confirmation" },
    });
    expect(fileLimits(umzug, 'name')).toBeUndefined();
  });

  it('adds stored files to the draft up to the limit', () => {
    let result = addUploadedFile(umzug, 'landlordConfirmation', {}, file('upl_aaaaaaaa'));
    expect(result).toMatchObject({ ok: true, errors: [] });
    result = addUploadedFile(umzug, 'landlordConfirmation', result.data, file('upl_bbbbbbbb'));
    expect((result.data.landlordConfirmation as unknown[]).length).toBe(2);
    const third = addUploadedFile(umzug, 'landlordConfirmation', result.data, file('upl_cccccccc'));
    expect(third.ok).toBe(false);
    expect(third.data).toBe(result.data);
    expect(third.errors[0]).toMatchObject({ path: 'landlordConfirmation', code: 'tooMany', message: { de: 'Sie können bei „Wohnungsgeberbestätigung“ höchstens 2 Datei(en) hochladen.' } });
  });

  it('refuses wrong types and sizes with the field\'s messages', () => {
    expect(addUploadedFile(umzug, 'landlordConfirmation', {}, file('upl_aaaaaaaa', { name: 'x.exe', mediaType: 'application/x-msdownload' })).errors[0]?.code).toBe('type');
    expect(addUploadedFile(umzug, 'landlordConfirmation', {}, file('upl_aaaaaaaa', { size: 5_242_881 })).errors[0]?.message.de).toBe(
      'Die Datei „scan.pdf“ bei „Wohnungsgeberbestätigung“ ist zu groß. Erlaubt sind höchstens 5 MB.',
    );
  });
});
