/**
 * The file types uploads may have, and how a type is recognised: by the content's magic bytes
 * (npm `file-type`), never by the name or the MIME type the browser claims (ASVS 5.2.2; the
 * Open Forms CVE-2022-31041 lesson). Plain text has no magic bytes, so it is recognised by the
 * absence of control bytes, and text that starts like markup (HTML, SVG, XML) is not text.
 */
import { fileTypeFromBuffer, supportedExtensions } from 'file-type';
import type { Localized } from '../db/schema.js';

export interface UploadType {
  mediaType: string;
  /** Name endings that fit this type, lower case, without the dot. */
  extensions: readonly string[];
  label: Localized;
}

/** Every type a service may allow for an upload field, by id. */
export const uploadTypes = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: { de: 'PDF', en: 'PDF' } },
  png: { mediaType: 'image/png', extensions: ['png'], label: { de: 'PNG', en: 'PNG' } },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], label: { de: 'JPEG', en: 'JPEG' } },
  gif: { mediaType: 'image/gif', extensions: ['gif'], label: { de: 'GIF', en: 'GIF' } },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: { de: 'WebP', en: 'WebP' } },
  tiff: { mediaType: 'image/tiff', extensions: ['tif', 'tiff'], label: { de: 'TIFF', en: 'TIFF' } },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: { de: 'Word (DOCX)', en: 'Word (DOCX)' },
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: { de: 'OpenDocument-Text (ODT)', en: 'OpenDocument text (ODT)' } },
  text: { mediaType: 'text/plain', extensions: ['txt', 'text'], label: { de: 'Textdatei (TXT)', en: 'text file (TXT)' } },
} as const satisfies Record<string, UploadType>;

export type UploadTypeId = keyof typeof uploadTypes;

/** How many leading bytes are examined; enough for file-type to see into DOCX/ODT containers. */
export const SNIFF_BYTES = 64 * 1024;

/** Endings that claim a type: everything file-type knows, ours, and active-content names file-type cannot sniff. */
const CLAIMING_EXTENSIONS = new Set<string>([
  ...supportedExtensions,
  ...Object.values(uploadTypes).flatMap((t) => t.extensions),
  ...['html', 'htm', 'xhtml', 'shtml', 'svg', 'js', 'mjs', 'hta', 'bat', 'cmd', 'com', 'scr', 'ps1', 'vbs', 'sh', 'php', 'jar', 'msi', 'lnk'],
]);

/** The result of looking at the content. */
export interface DetectedContent {
  /** The upload type, when the content is one we know. */
  type: UploadTypeId | undefined;
  /** What was found, for logs: file-type's extension, `text`, `markup` or `unknown`. */
  found: string;
}

/** True when no byte is a control character other than tab, line feed, form feed and carriage return. */
export function isPlainTextBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x0b || b === 0x7f) return false;
  }
  return true;
}

const MARKUP = /^\s*<|<\s*(script|html|svg|iframe|object|embed|body|head|meta|!doctype)\b/i;

/** Recognises the type of content from its first bytes (up to SNIFF_BYTES). */
export async function detectContent(head: Uint8Array): Promise<DetectedContent> {
  const sniffed = await fileTypeFromBuffer(head).catch(() => undefined);
  if (sniffed) {
    const match = (Object.entries(uploadTypes) as [UploadTypeId, UploadType][]).find(([, t]) => t.mediaType === sniffed.mime);
    return { type: match?.[0], found: sniffed.ext };
  }
  if (!isPlainTextBytes(head)) return { type: undefined, found: 'unknown' };
  const start = Buffer.from(head.subarray(0, 4096)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  if (MARKUP.test(start)) return { type: undefined, found: 'markup' };
  return { type: 'text', found: 'text' };
}

/** The ending of a file name when it claims a type (`scan.pdf` → `pdf`; `Antrag 12.03.2026` → undefined). */
export function claimedExtension(displayName: string): string | undefined {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(displayName)?.[1]?.toLowerCase();
  return ext && CLAIMING_EXTENSIONS.has(ext) ? ext : undefined;
}
