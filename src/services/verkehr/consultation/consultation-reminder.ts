/**
 * The one reminder of an unanswered consultation, on the morning before its deadline day. The job
 * is queued with the consultation for that time; it reloads the row under a lock and mails the
 * party only while the consultation is open and not reminded yet — so repeated, early or late
 * runs, or a run after the answer, send nothing more. The mail repeats the personal link.
 */
import { Type } from '@sinclair/typebox';
import { publicBaseUrlOf } from '../../../config/settings.js';
import { appendCaseEvent } from '../../../platform/audit/case-events.js';
import { addDays, berlinStartOfDay } from '../../../platform/calendar/calendar-date.js';
import { defineJob, UuidSchema, type JobServices } from '../../../platform/jobs/job.js';
import { queueMailForSending } from '../../../platform/mail/send-mail-job.js';
import { consultationLink, consultationToken } from './consultation-links.js';
import { consultationMail } from './consultation-mail.js';

/** 08:00 in Berlin on the day before the deadline day. */
export function reminderTime(dueDate: string): Date {
  return new Date(berlinStartOfDay(addDays(dueDate, -1)).getTime() + 8 * 3600_000);
}

export type ConsultationReminderOutcome = { sent: true } | { sent: false; reason: 'not-found' | 'not-open' | 'already-sent' | 'not-due' };

/** Sends the reminder of one consultation if it is still due; idempotent. */
export async function sendConsultationReminder(services: Pick<JobServices, 'db' | 'queue' | 'secret' | 'settings'>, cmd: { tenantId: string; consultationId: string; now: Date }): Promise<ConsultationReminderOutcome> {
  return services.db.withTenant(cmd.tenantId, async (trx): Promise<ConsultationReminderOutcome> => {
    const row = await trx
      .selectFrom('traffic_consultations as k')
      .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.case_id'))
      .innerJoin('tenants as t', 't.id', 'k.tenant_id')
      .select(['k.id', 'k.case_id', 'k.status', 'k.due_date', 'k.reminder_sent_at', 'k.party_name', 'k.party_email', 'c.reference', 't.slug', 't.official_name'])
      .where('k.tenant_id', '=', cmd.tenantId)
      .where('k.id', '=', cmd.consultationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { sent: false, reason: 'not-found' };
    if (row.status !== 'open') return { sent: false, reason: 'not-open' };
    if (row.reminder_sent_at) return { sent: false, reason: 'already-sent' };
    if (cmd.now < reminderTime(row.due_date)) return { sent: false, reason: 'not-due' };
    await trx.updateTable('traffic_consultations').set({ reminder_sent_at: cmd.now }).where('tenant_id', '=', cmd.tenantId).where('id', '=', row.id).execute();
    const link = consultationLink(publicBaseUrlOf(services.settings), row.slug, consultationToken(services.secret, row.id));
    const mail = consultationMail({ authority: row.official_name, reference: row.reference, party: row.party_name, link, dueDate: row.due_date });
    await queueMailForSending(trx, services.queue, cmd.tenantId, { ...mail, subject: `Erinnerung: ${mail.subject}`, to: row.party_email, template: `verkehr.consultation-reminder:${row.id}`, caseId: row.case_id, containsSecretLink: true });
    await appendCaseEvent(trx, cmd.tenantId, { caseId: row.case_id, at: cmd.now, actorKind: 'system', type: 'consultation.reminded', data: { consultationId: row.id, dueDate: row.due_date } });
    return { sent: true };
  });
}

export const consultationReminderJob = defineJob({
  name: 'verkehr.consultation-reminder',
  payloadSchema: Type.Object({ tenantId: UuidSchema, consultationId: UuidSchema }, { additionalProperties: false }),
  async handler({ tenantId, consultationId }, services) {
    const outcome = await sendConsultationReminder(services, { tenantId, consultationId, now: services.clock.now() });
    services.log.info({ sent: outcome.sent, reason: outcome.sent ? undefined : outcome.reason }, 'consultation reminder');
  },
});
