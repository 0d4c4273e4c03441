/**
 * The errors an upload can end with, each naming the field, the file and the limit or the
 * allowed types in German and English (the catalogue entry gives the short title, the field
 * error the specifics the citizen needs to fix it).
 */
import type { Localized } from '../db/schema.js';
import { AppError, errorCatalogue, type ErrorCode } from '../errors/app-error.js';
import { uploadTypes, type UploadTypeId } from './upload-types.js';

/** A size for people: `10 MB`, `1,5 MB`, `512 KB` (German decimal comma), base 1024 as file managers show it. */
export function formatBytes(bytes: number): Localized {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'Bytes'];
  const format = (locale: string) => `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${unit}`;
  return { de: format('de-DE'), en: format('en-GB') };
}

/** `PDF, JPEG oder PNG` / `PDF, JPEG or PNG`. */
export function allowedTypesText(types: readonly UploadTypeId[]): Localized {
  const list = (locale: 'de' | 'en', or: string) => {
    const labels = types.map((t) => uploadTypes[t].label[locale]);
    return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${or} ${labels.at(-1)}`;
  };
  return { de: list('de', 'oder'), en: list('en', 'or') };
}

function uploadError(code: ErrorCode, field: string, message: Localized): AppError {
  return new AppError(code, [{ path: field, message }]);
}

/** The file passed the per-field limit. */
export function fileTooLarge(field: string, name: string, limitBytes: number): AppError {
  const limit = formatBytes(limitBytes);
  return uploadError('upload.too_large', field, {
    de: `Die Datei „${name}“ ist zu groß. Erlaubt sind höchstens ${limit.de} je Datei.`,
    en: `The file "${name}" is too large. The maximum is ${limit.en} per file.`,
  });
}

/** The files of the application together passed the per-application limit. */
export function applicationTooLarge(field: string, limitBytes: number): AppError {
  const limit = formatBytes(limitBytes);
  return uploadError('upload.total_too_large', field, {
    de: `Alle Dateien dieses Antrags zusammen dürfen höchstens ${limit.de} groß sein. Bitte entfernen Sie Dateien oder verkleinern Sie sie.`,
    en: `All files of this application together may be at most ${limit.en}. Please remove files or make them smaller.`,
  });
}

/** The content is none of the allowed types (checked by content, not name). */
export function typeNotAllowed(field: string, name: string, allowed: readonly UploadTypeId[]): AppError {
  const list = allowedTypesText(allowed);
  return uploadError('upload.type_not_allowed', field, {
    de: `Die Datei „${name}“ hat keinen erlaubten Dateityp. Geprüft wird der Inhalt der Datei, nicht ihr Name. Erlaubt sind: ${list.de}.`,
    en: `The file "${name}" is not of an allowed type. The content of the file is checked, not its name. Allowed: ${list.en}.`,
  });
}

/** The content is an allowed type, but the name claims another one. */
export function typeMismatch(field: string, name: string, actual: UploadTypeId, extension: string): AppError {
  const label = uploadTypes[actual].label;
  return uploadError('upload.type_mismatch', field, {
    de: `Die Datei „${name}“ ist dem Inhalt nach vom Typ ${label.de}, ihr Name endet aber auf „.${extension}“. Bitte benennen Sie die Datei passend um.`,
    en: `By its content the file "${name}" is of type ${label.en}, but its name ends in ".${extension}". Please rename the file to match.`,
  });
}

/** Zero bytes arrived. */
export function emptyFile(field: string, name: string): AppError {
  return uploadError('upload.empty', field, { de: `Die Datei „${name}“ ist leer.`, en: `The file "${name}" is empty.` });
}

/** A refusal whose catalogue title says why; the field error names the file. Unavailability asks to retry in a minute. */
export function refusedFile(
  code: 'upload.infected' | 'upload.scan_failed' | 'upload.scanner_unavailable' | 'upload.storage_unavailable',
  field: string,
  name: string,
  cause?: unknown,
): AppError {
  const title = errorCatalogue[code].title;
  return new AppError(code, [{ path: field, message: { de: `„${name}“: ${title.de}`, en: `"${name}": ${title.en}` } }], {
    cause,
    retryAfterSeconds: code.endsWith('_unavailable') ? 60 : undefined,
  });
}
