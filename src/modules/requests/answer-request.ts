/**
 * The applicant answers an information request on the status page. The files have been received
 * and stored by then (readUploadForm); one tenant transaction records them as case files of the
 * answer, closes the request, marks the case "answer arrived" for the inbox, appends the event,
 * mails the office and — when this was the last open request and the case waits in the
 * workflow's `information-requested` state — takes the workflow's answering step. A request is
 * answered once: a second answer (another tab, a replayed post) is refused with 409.
 */
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { TenantRecord } from '../../platform/tenancy/tenant-directory.js';
import type { ReceivedFile } from '../../platform/uploads/multipart.js';
import type { Localized } from '../../platform/db/schema.js';
import { loadCase, type CaseEngineDeps } from '../cases/case-engine.js';
import { officeAddressOf, queueAnswerNotice } from './answer-notice.js';
import { requestTitle } from './request-information.js';
import { ANSWER_FILE_PURPOSE, answerFieldPath, lockOpenRequest } from './request-queries.js';
import { answerTransitionOf, takeStepIfAny } from './request-workflow.js';

export const ANSWER_MAX_LENGTH = 5000;

export interface AnswerRequestDeps {
  db: Database;
  queue: JobQueue;
  engine: CaseEngineDeps;
  /** The service's name for the office's mail. */
  serviceName(serviceId: string, version: number): Localized;
  /** The absolute URL of a case in the back office, for the office's mail. */
  caseUrl(tenantSlug: string, caseId: string): string;
}

export interface AnswerRequestCommand {
  tenant: TenantRecord;
  caseId: string;
  requestId: string;
  text: string;
  files: readonly ReceivedFile[];
  now: Date;
}

/** Checks the answer's text (an answer needs text or at least one file); returns the normalised text. */
export function checkAnswer(rawText: string, fileCount: number): string {
  const text = rawText.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  const errors: FieldError[] = [];
  if (text === '' && fileCount === 0) {
    errors.push({ path: 'answer', message: { de: 'Bitte schreiben Sie bei „Ihre Antwort“ eine Antwort oder fügen Sie eine Datei bei.', en: 'Please write an answer under “Your answer” or attach a file.' } });
  } else if ([...text].length > ANSWER_MAX_LENGTH) {
    errors.push({ path: 'answer', message: { de: `„Ihre Antwort“ darf höchstens ${ANSWER_MAX_LENGTH} Zeichen lang sein.`, en: `“Your answer” must be ${ANSWER_MAX_LENGTH} characters or fewer.` } });
  }
  if (errors.length > 0) throw new AppError('validation.failed', errors);
  return text;
}

/** Records the answer in one tenant transaction; the caller deletes the stored files if this throws. */
export async function answerInformationRequest(deps: AnswerRequestDeps, cmd: AnswerRequestCommand): Promise<void> {
  const tenantId = cmd.tenant.id;
  await deps.db.withTenant(tenantId, async (trx) => {
    const row = await loadCase(trx, tenantId, cmd.caseId, { forUpdate: true });
    const request = await lockOpenRequest(trx, tenantId, row.id, cmd.requestId);
    for (const file of cmd.files) {
      await trx
        .insertInto('files')
        .values({
          tenant_id: tenantId,
          id: file.id,
          case_id: row.id,
          field_path: answerFieldPath(request.id),
          purpose: ANSWER_FILE_PURPOSE,
          storage_key: file.key,
          display_name: file.displayName,
          media_type: file.mediaType,
          size_bytes: file.size,
          sha256: file.sha256,
          created_at: cmd.now,
        })
        .execute();
    }
    await trx
      .updateTable('information_requests')
      .set({ status: 'answered', answered_at: cmd.now, answer_text: cmd.text === '' ? null : cmd.text })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', request.id)
      .execute();
    await trx.updateTable('cases').set({ information_answered_at: cmd.now, updated_at: cmd.now }).where('tenant_id', '=', tenantId).where('id', '=', row.id).execute();
    const title = requestTitle(request.message);
    await appendCaseEvent(trx, tenantId, {
      caseId: row.id,
      at: cmd.now,
      actorKind: 'citizen',
      type: 'information.answered',
      data: { requestId: request.id, title: { de: title, en: title }, files: cmd.files.length },
    });
    const to = await officeAddressOf(trx, cmd.tenant, row);
    if (to) {
      await queueAnswerNotice(trx, deps.queue, to, {
        tenant: cmd.tenant,
        caseId: row.id,
        requestId: request.id,
        reference: row.reference,
        serviceName: deps.serviceName(row.service_id, row.service_version),
        requestedAt: request.requested_at,
        fileCount: cmd.files.length,
        caseUrl: deps.caseUrl(cmd.tenant.slug, row.id),
      });
    }
    const stillOpen = await trx.selectFrom('information_requests').select('id').where('tenant_id', '=', tenantId).where('case_id', '=', row.id).where('status', '=', 'open').executeTakeFirst();
    const workflow = deps.engine.services.get(row.service_id, row.service_version)?.workflow;
    if (!stillOpen && workflow) {
      await takeStepIfAny(trx, deps.engine, row, { transition: answerTransitionOf(workflow, row.state), actor: { kind: 'citizen' }, input: {}, now: cmd.now });
    }
  });
}
