/**
 * What staff do with a request after asking: withdraw it while it is open (asked by mistake, or
 * settled by phone — the applicant's status page stops asking and no reminder goes out), and
 * acknowledge an answer, which clears the inbox's "answer arrived" marker of the case.
 */
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import type { Trx } from '../../platform/db/database.js';
import { loadCase } from '../cases/case-engine.js';
import { lockOpenRequest } from './request-queries.js';

/** Withdraws an open request of the case; another case's or tenant's request is not found (404). */
export async function withdrawInformationRequest(trx: Trx, cmd: { tenantId: string; caseId: string; requestId: string; staffId: string; now: Date }): Promise<void> {
  const row = await loadCase(trx, cmd.tenantId, cmd.caseId, { forUpdate: true });
  const request = await lockOpenRequest(trx, cmd.tenantId, row.id, cmd.requestId);
  await trx
    .updateTable('information_requests')
    .set({ status: 'withdrawn', withdrawn_at: cmd.now, withdrawn_by: cmd.staffId })
    .where('tenant_id', '=', cmd.tenantId)
    .where('id', '=', request.id)
    .execute();
  await appendCaseEvent(trx, cmd.tenantId, { caseId: row.id, at: cmd.now, actorKind: 'caseworker', actorId: cmd.staffId, type: 'information.withdrawn', data: { requestId: request.id } });
}

/** Clears the case's "answer arrived" marker (the inbox stops showing it); the answers stay. */
export async function acknowledgeAnswers(trx: Trx, cmd: { tenantId: string; caseId: string }): Promise<void> {
  const row = await loadCase(trx, cmd.tenantId, cmd.caseId, { forUpdate: true });
  await trx.updateTable('cases').set({ information_answered_at: null }).where('tenant_id', '=', cmd.tenantId).where('id', '=', row.id).execute();
}
