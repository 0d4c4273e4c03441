/**
 * Sending a document's PDF to a browser, for the staff download here and the applicant's status
 * page (which finds the document with `findReleasedDocument` first). The caller has checked who
 * may see it; this only names the file and streams it with the platform's safe headers.
 */
import type { FastifyReply } from 'fastify';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import { sendStoredFile } from '../../platform/uploads/send-stored-file.js';
import type { CaseDocument } from './document-queries.js';

/** The download name, e.g. `Gebührenbescheid WUR-ORD-2026-000042 (Fassung 2).pdf`; slashes in references become dashes. */
export function documentFileName(doc: Pick<CaseDocument, 'title' | 'version'>, reference: string): string {
  const version = doc.version > 1 ? ` (Fassung ${doc.version})` : '';
  return `${doc.title.de} ${reference.replace(/[/\\]/g, '-')}${version}.pdf`;
}

/** Streams the document's PDF; `inline` shows it in the browser's viewer instead of downloading. */
export function sendDocumentFile(reply: FastifyReply, storage: FileStorage, doc: CaseDocument, reference: string, options: { inline?: boolean } = {}): Promise<FastifyReply> {
  return sendStoredFile(reply, storage, { key: doc.storageKey, displayName: documentFileName(doc, reference), mediaType: 'application/pdf', size: doc.sizeBytes }, options);
}
