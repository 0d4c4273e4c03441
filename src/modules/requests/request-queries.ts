/**
 * Reads of information requests, inside the caller's tenant transaction: a case's requests with
 * their answer files (for staff and the applicant), and the bytes a case's files already use
 * (the per-application upload limit counts them), and the row lock a command on one request takes.
 */
import type { Trx } from '../../platform/db/database.js';
import type { InformationRequestStatus } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isUuid } from '../cases/case-engine.js';

/** The `files.field_path` of an answer's files. */
export function answerFieldPath(requestId: string): string {
  return `request:${requestId}`;
}

/** The purpose of answer files in `files` and in their storage keys. */
export const ANSWER_FILE_PURPOSE = 'request-answer';

export interface AnswerFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

export interface InformationRequest {
  id: string;
  caseId: string;
  requestedBy: string | null;
  requestedAt: Date;
  message: string;
  dueDate: string;
  status: InformationRequestStatus;
  answeredAt: Date | null;
  answerText: string | null;
  withdrawnAt: Date | null;
  reminderSentAt: Date | null;
  files: AnswerFile[];
}

/** The requests of a case, newest first, with the files of their answers. */
export async function listCaseRequests(trx: Trx, tenantId: string, caseId: string): Promise<InformationRequest[]> {
  const rows = await trx
    .selectFrom('information_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const files = await trx
    .selectFrom('files')
    .select(['id', 'field_path', 'display_name', 'media_type', 'size_bytes'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('purpose', '=', ANSWER_FILE_PURPOSE)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    message: r.message,
    dueDate: r.due_date,
    status: r.status,
    answeredAt: r.answered_at,
    answerText: r.answer_text,
    withdrawnAt: r.withdrawn_at,
    reminderSentAt: r.reminder_sent_at,
    files: files
      .filter((f) => f.field_path === answerFieldPath(r.id))
      .map((f) => ({ id: f.id, name: f.display_name, mediaType: f.media_type, size: Number(f.size_bytes) })),
  }));
}

/** Bytes the files of a case already take (answers count against the application's upload limit). */
export async function caseFileBytes(trx: Trx, tenantId: string, caseId: string): Promise<number> {
  const row = await trx
    .selectFrom('files')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('used'))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.used);
}

/** True when the deadline (end of the due day, Europe/Berlin) has passed: the due day is before today. */
export function isOverdue(request: Pick<InformationRequest, 'status' | 'dueDate'>, today: string): boolean {
  return request.status === 'open' && request.dueDate < today;
}

/** Locks an open request of the case for the rest of the transaction; another case's (or tenant's) is not found (404), a settled one is 409. */
export async function lockOpenRequest(trx: Trx, tenantId: string, caseId: string, requestId: string) {
  if (!isUuid(requestId)) throw new AppError('request.not_found');
  const request = await trx
    .selectFrom('information_requests')
    .select(['id', 'status', 'message', 'requested_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw new AppError('request.not_found');
  if (request.status !== 'open') throw new AppError('request.not_open');
  return request;
}
