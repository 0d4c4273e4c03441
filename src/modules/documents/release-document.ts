/**
 * Releasing a document to the applicant (it then appears on the status page and verifies as
 * valid) and revoking one. Both run in the caller's tenant transaction — a caseworker's request
 * or a workflow transition — and write a case event. Releasing twice is harmless.
 */
import type { Updateable } from 'kysely';
import type { Trx } from '../../platform/db/database.js';
import type { CaseDocumentsTable } from '../../platform/db/schema.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isUuid } from '../cases/case-engine.js';
import type { WorkflowActor } from '../../definitions/workflow/workflow-schema.js';

export interface DocumentActionInput {
  tenantId: string;
  caseId: string;
  documentId: string;
  /** Who acts: a caseworker (id = staff user id) or the system/a transition. */
  actor: WorkflowActor;
  now: Date;
}

/** The staff user behind an actor, for the *_by columns; null for the system, citizens and timers. */
export function staffIdOf(actor: WorkflowActor): string | null {
  return actor.kind === 'caseworker' && actor.id && isUuid(actor.id) ? actor.id : null;
}

async function lockDocument(trx: Trx, input: DocumentActionInput) {
  if (!isUuid(input.caseId) || !isUuid(input.documentId)) throw new AppError('document.not_found');
  const doc = await trx
    .selectFrom('case_documents')
    .selectAll()
    .where('tenant_id', '=', input.tenantId)
    .where('case_id', '=', input.caseId)
    .where('id', '=', input.documentId)
    .forUpdate()
    .executeTakeFirst();
  if (!doc) throw new AppError('document.not_found');
  return doc;
}

/** Changes the document's row and writes the case event of the act. */
async function recordAct(trx: Trx, input: DocumentActionInput, changes: Updateable<CaseDocumentsTable>, type: string, data: Record<string, unknown>): Promise<void> {
  await trx.updateTable('case_documents').set(changes).where('tenant_id', '=', input.tenantId).where('case_id', '=', input.caseId).where('id', '=', input.documentId).execute();
  await appendCaseEvent(trx, input.tenantId, { caseId: input.caseId, at: input.now, actorKind: input.actor.kind, actorId: input.actor.id ?? null, type, data });
}

/**
 * Releases a document; returns false when it was released already. Only the newest version of its
 * kind can be released (an older one would contradict it), and a revoked one never again.
 */
export async function releaseDocument(trx: Trx, input: DocumentActionInput): Promise<boolean> {
  const doc = await lockDocument(trx, input);
  if (doc.revoked_at) throw new AppError('document.revoked');
  if (doc.released_at) return false;
  const newer = await trx
    .selectFrom('case_documents')
    .select('id')
    .where('tenant_id', '=', input.tenantId)
    .where('case_id', '=', input.caseId)
    .where('kind', '=', doc.kind)
    .where('version', '>', doc.version)
    .executeTakeFirst();
  if (newer) throw new AppError('document.not_latest');
  await recordAct(trx, input, { released_at: input.now, released_by: staffIdOf(input.actor) }, 'document.released', {
    documentId: doc.id,
    kind: doc.kind,
    version: doc.version,
    sha256: doc.sha256,
  });
  return true;
}

/** Revokes a document (it then verifies as revoked); returns false when it was revoked already. */
export async function revokeDocument(trx: Trx, input: DocumentActionInput & { reason: string }): Promise<boolean> {
  const doc = await lockDocument(trx, input);
  if (doc.revoked_at) return false;
  await recordAct(trx, input, { revoked_at: input.now, revoked_by: staffIdOf(input.actor), revocation_reason: input.reason }, 'document.revoked', {
    documentId: doc.id,
    kind: doc.kind,
    version: doc.version,
    reason: input.reason,
  });
  return true;
}
