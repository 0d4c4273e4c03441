/**
 * The one reminder of an unanswered information request, a few days before its deadline. The job
 * is queued with the request for its `remind_at`; it reloads the request under a row lock and
 * sends only when the request is still open, the reminder is due and not sent yet — so a
 * repeated, early or late run, or a run after the answer or a withdrawal, sends nothing more.
 * The mail itself is the case mail 'reminder' (cases.send-message, keyed by the request).
 */
import { Type } from '@sinclair/typebox';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import type { Database } from '../../platform/db/database.js';
import { defineJob, UuidSchema } from '../../platform/jobs/job.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { isUuid } from '../cases/case-engine.js';
import { caseMessageJob } from '../cases/case-jobs.js';

/** Why a reminder run sent nothing. */
export type ReminderSkipReason = 'not-found' | 'not-open' | 'already-sent' | 'no-reminder' | 'not-due';

export type ReminderOutcome = { sent: true } | { sent: false; reason: ReminderSkipReason };

/** Sends the reminder of one request if it is still due; idempotent. */
export async function sendRequestReminder(deps: { db: Database; queue: JobQueue }, cmd: { tenantId: string; requestId: string; now: Date }): Promise<ReminderOutcome> {
  if (!isUuid(cmd.requestId)) return { sent: false, reason: 'not-found' };
  return deps.db.withTenant(cmd.tenantId, async (trx): Promise<ReminderOutcome> => {
    const request = await trx
      .selectFrom('information_requests')
      .select(['id', 'case_id', 'status', 'remind_at', 'reminder_sent_at', 'due_date'])
      .where('tenant_id', '=', cmd.tenantId)
      .where('id', '=', cmd.requestId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) return { sent: false, reason: 'not-found' };
    if (request.status !== 'open') return { sent: false, reason: 'not-open' };
    if (request.reminder_sent_at) return { sent: false, reason: 'already-sent' };
    if (!request.remind_at) return { sent: false, reason: 'no-reminder' };
    if (cmd.now < request.remind_at) return { sent: false, reason: 'not-due' };
    await trx.updateTable('information_requests').set({ reminder_sent_at: cmd.now }).where('tenant_id', '=', cmd.tenantId).where('id', '=', request.id).execute();
    await appendCaseEvent(trx, cmd.tenantId, {
      caseId: request.case_id,
      at: cmd.now,
      actorKind: 'system',
      type: 'information.reminded',
      data: { requestId: request.id, dueDate: request.due_date },
    });
    await deps.queue.enqueue(caseMessageJob, { tenantId: cmd.tenantId, caseId: request.case_id, eventKey: `request:${request.id}:reminder`, template: 'reminder', to: 'applicant' }, { trx });
    return { sent: true };
  });
}

export const requestReminderJob = defineJob({
  name: 'requests.send-reminder',
  payloadSchema: Type.Object({ tenantId: UuidSchema, requestId: UuidSchema }, { additionalProperties: false }),
  async handler({ tenantId, requestId }, services) {
    const outcome = await sendRequestReminder(services, { tenantId, requestId, now: services.clock.now() });
    services.log.info({ sent: outcome.sent, reason: outcome.sent ? undefined : outcome.reason }, 'information request reminder');
  },
});
