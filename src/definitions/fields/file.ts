/**
 * `file`: documents the applicant uploads (register extract, site plan). The upload itself —
 * streaming, magic-byte check, virus scan — belongs to the submissions module; this field holds
 * and checks the references it produced: `[{ id, name, size, mediaType }]`. A form post never
 * carries references (they could be forged), so `parseForm` keeps what the draft already has;
 * the runner adds and removes files with `addUploadedFile` / `removeUploadedFile`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { defineFieldType, type FieldContext, type FieldIssue } from '../core/field-type.js';
import { isPlainObject, type JsonObject } from '../core/json.js';
import { indexPath, inputId } from '../core/paths.js';
import { normalizeLine } from '../core/text.js';

/** Options of a `file` field. */
export const FileOptionsSchema = Type.Object(
  {
    /** Allowed media types, e.g. ["application/pdf", "image/jpeg", "image/png"]. */
    accept: Type.Array(Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }), { minItems: 1 }),
    /** Largest file in bytes (default 10 MB). */
    maxSizeBytes: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Most files (default 1). */
    maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

/** Options of a `file` field. */
export type FileOptions = Static<typeof FileOptionsSchema>;

/** A reference to an uploaded file, as the upload store returns it. */
export interface FileReference extends JsonObject {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;
const ID = '^[A-Za-z0-9_-]{8,128}$';
const MEDIA_TYPE = '^[a-z]+/[a-z0-9.+-]+$';

const SHORT_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
  'image/vnd.dxf': 'DXF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.text': 'ODT',
};

/** "PDF, JPG, PNG" for an accept list. */
export function acceptedTypesText(accept: readonly string[]): string {
  return accept.map((t) => SHORT_NAMES[t] ?? t.split('/')[1]!.toUpperCase()).join(', ');
}

/** A file size for people: "850 KB", "1,2 MB" / "1.2 MB". */
export function fileSizeText(bytes: number, locale: 'de' | 'en'): string {
  const nf = (n: number) => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024 * 1024) return `${nf(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${nf(bytes / (1024 * 1024))} MB`;
}

const messages = defineMessages({
  required: { de: 'Bitte laden Sie bei „{label}“ eine Datei hoch.', en: 'Please upload a file for “{label}”.' },
  tooMany: { de: 'Sie können bei „{label}“ höchstens {max} Datei(en) hochladen.', en: 'You can upload at most {max} file(s) for “{label}”.' },
  type: {
    de: 'Die Datei „{name}“ bei „{label}“ hat ein nicht erlaubtes Format. Erlaubt sind: {types}.',
    en: 'The file “{name}” for “{label}” is not an allowed type. Allowed are: {types}.',
  },
  size: {
    de: 'Die Datei „{name}“ bei „{label}“ ist zu groß. Erlaubt sind höchstens {max}.',
    en: 'The file “{name}” for “{label}” is too large. The limit is {max}.',
  },
  reference: {
    de: 'Eine Datei bei „{label}“ konnte nicht zugeordnet werden. Bitte laden Sie sie noch einmal hoch.',
    en: 'A file for “{label}” could not be matched. Please upload it again.',
  },
  remove: { de: 'Datei „{name}“ entfernen', en: 'Remove file “{name}”' },
  acceptHint: { de: 'Erlaubte Formate: {types}; höchstens {max} je Datei.', en: 'Allowed types: {types}; at most {max} per file.' },
});

/** Checks one reference's type and size against the field (used on upload and on validation). */
export function fileReferenceIssues(ref: FileReference, ctx: Pick<FieldContext<FileOptions>, 'options' | 'issue'>, path: string): FieldIssue[] {
  const at = (issue: FieldIssue): FieldIssue => ({ ...issue, path });
  const max = ctx.options.maxSizeBytes ?? DEFAULT_MAX_SIZE;
  if (!ctx.options.accept.includes(ref.mediaType)) return [at(ctx.issue('type', { name: ref.name, types: acceptedTypesText(ctx.options.accept) }))];
  if (ref.size > max) return [at(ctx.issue('size', { name: ref.name, max: { de: fileSizeText(max, 'de'), en: fileSizeText(max, 'en') } }))];
  return [];
}

function readReference(value: unknown): FileReference | undefined {
  if (!isPlainObject(value) || Object.keys(value).some((k) => !['id', 'name', 'size', 'mediaType'].includes(k))) return undefined;
  const { id, name, size, mediaType } = value;
  if (typeof id !== 'string' || !new RegExp(ID).test(id)) return undefined;
  if (typeof name !== 'string' || normalizeLine(name) === '' || name.length > 255) return undefined;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined;
  if (typeof mediaType !== 'string' || !new RegExp(MEDIA_TYPE).test(mediaType)) return undefined;
  return { id, name: normalizeLine(name), size, mediaType };
}

/** The `file` field type. */
export const fileField = defineFieldType<FileOptions, FileReference[]>({
  type: 'file',
  optionsSchema: FileOptionsSchema,
  messages,
  parseForm: (_input, ctx) => (Array.isArray(ctx.previous) && ctx.previous.length > 0 ? (ctx.previous as FileReference[]) : undefined),
  parseJson(value, ctx) {
    if (!Array.isArray(value)) return { issues: [ctx.issue('reference')] };
    const refs = value.map(readReference);
    const bad = refs.findIndex((r) => r === undefined);
    if (bad >= 0) return { issues: [{ ...ctx.issue('reference'), path: indexPath(ctx.path, bad) }] };
    return refs.length > 0 ? { value: refs as FileReference[], issues: [] } : { issues: [] };
  },
  validate(value, ctx) {
    const max = ctx.options.maxFiles ?? 1;
    if (value.length > max) return [ctx.issue('tooMany', { max })];
    return value.flatMap((ref, i) => fileReferenceIssues(ref, ctx, indexPath(ctx.path, i)));
  },
  jsonSchema: ({ options }) => ({
    type: 'array',
    minItems: 1,
    maxItems: options.maxFiles ?? 1,
    items: {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: ID },
        name: { type: 'string', minLength: 1, maxLength: 255 },
        size: { type: 'integer', minimum: 0, maximum: options.maxSizeBytes ?? DEFAULT_MAX_SIZE },
        mediaType: { enum: [...options.accept] },
      },
      required: ['id', 'name', 'size', 'mediaType'],
      additionalProperties: false,
    },
  }),
  format: (value, ctx) => value.map((f) => `${f.name} (${fileSizeText(f.size, ctx.locale)})`),
  view(ctx) {
    const files = Array.isArray(ctx.value) ? ctx.value.map(readReference).filter((f): f is FileReference => f !== undefined) : [];
    const max = ctx.options.maxSizeBytes ?? DEFAULT_MAX_SIZE;
    return {
      layout: 'single',
      inputs: [
        {
          control: 'file',
          name: ctx.path,
          id: inputId(ctx.path),
          label: ctx.text(ctx.field.label),
          value: '',
          accept: ctx.options.accept.join(','),
          multiple: (ctx.options.maxFiles ?? 1) > 1,
          hint: ctx.text(ctx.message('acceptHint', { types: acceptedTypesText(ctx.options.accept), max: { de: fileSizeText(max, 'de'), en: fileSizeText(max, 'en') } })),
          files: files.map((f) => ({
            id: f.id,
            name: f.name,
            size: fileSizeText(f.size, ctx.locale),
            remove: { name: 'action', value: `remove-file:${ctx.path}:${f.id}`, label: ctx.text(ctx.message('remove', { name: f.name })) },
          })),
          required: ctx.field.required,
        },
      ],
    };
  },
});
