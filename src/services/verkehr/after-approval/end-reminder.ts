/**
 * What the order's timers do when they fire (see `end-timers.ts`):
 *
 * - `remind-end` (timer `end-reminder`) runs the step `verkehr.queue-end-reminder`, which queues
 *   the job `verkehr.end-reminder` in the transition's transaction. The job mails the applicant,
 *   in their language, the last day of the order with the request to remove the signs and report
 *   completion on the status page (the mail holds the status link, so its bodies are blanked once
 *   sent). One mail per timer step: the mail is keyed by the step's case version.
 * - `flag-overrun` (timer `overrun-check`) moves the case into `overrun` and runs the step
 *   `verkehr.flag-overrun`, which adds a warning finding the caseworker sees on the case and in
 *   the inbox (verkehr.md § 7.4: flag overrun sites for inspection).
 */
import { Type } from '@sinclair/typebox';
import { publicBaseUrlOf } from '../../../config/settings.js';
import type { ProcedureStep } from '../../../definitions/service-package.js';
import { createTranslator, pick } from '../../../platform/i18n/i18n.js';
import { buildMessageCatalogue } from '../../../platform/i18n/messages.js';
import { defineJob, UuidSchema, type JobServices } from '../../../platform/jobs/job.js';
import { createMailRenderer } from '../../../platform/mail/mail-renderer.js';
import { queueMailForSending } from '../../../platform/mail/send-mail-job.js';
import { createTenantDirectory } from '../../../platform/tenancy/tenant-directory.js';
import { loadCase } from '../../../modules/cases/case-engine.js';
import { statusTokenFor } from '../../../modules/cases/status-links.js';
import { mailBranding } from '../../../modules/notifications/case-mails.js';
import { longDate } from '../date-text.js';
import { readTrafficApplication } from '../traffic-application.js';
import { addFinding } from './added-finding.js';
import { currentPeriod, listExtensions } from './extension-queries.js';

/** States in which the signs still stand and the reminder still makes sense. */
const RUNNING_STATES = ['approved', 'extension-requested'];

export type EndReminderOutcome = { sent: true } | { sent: false; reason: 'not-found' | 'not-running' | 'already-sent' | 'no-address' };

/** Mails the end reminder of one timer step, unless the order no longer runs or the mail was queued already; idempotent. */
export async function sendEndReminder(services: Pick<JobServices, 'db' | 'queue' | 'secret' | 'settings' | 'packages'>, cmd: { tenantId: string; caseId: string; version: number }): Promise<EndReminderOutcome> {
  const tenant = (await createTenantDirectory(services.db, () => Date.now(), 0).listActive()).find((t) => t.id === cmd.tenantId);
  if (!tenant) return { sent: false, reason: 'not-found' };
  const template = `verkehr.end-reminder:${cmd.caseId}@${cmd.version}`;
  return services.db.withTenant(cmd.tenantId, async (trx): Promise<EndReminderOutcome> => {
    const row = await trx.selectFrom('cases').selectAll().where('tenant_id', '=', cmd.tenantId).where('id', '=', cmd.caseId).forUpdate().executeTakeFirst();
    if (!row) return { sent: false, reason: 'not-found' };
    if (!RUNNING_STATES.includes(row.state)) return { sent: false, reason: 'not-running' };
    if (!row.applicant_email) return { sent: false, reason: 'no-address' };
    const already = await trx.selectFrom('mail_outbox').select('id').where('tenant_id', '=', cmd.tenantId).where('case_id', '=', row.id).where('template', '=', template).executeTakeFirst();
    if (already) return { sent: false, reason: 'already-sent' };
    const app = readTrafficApplication(row.data);
    const period = app && currentPeriod(app, await listExtensions(trx, cmd.tenantId, row.id));
    if (!period) return { sent: false, reason: 'not-running' };
    const locale = row.locale;
    const t = createTranslator(locale, buildMessageCatalogue(), false);
    const service = pick(services.packages.registry.get(row.service_id, row.service_version)?.name ?? { de: row.service_id, en: row.service_id }, locale);
    const params = { service, reference: row.reference, date: pick(longDate(period.to), locale) };
    const statusUrl = `${publicBaseUrlOf(services.settings)}/${tenant.slug}/status/${statusTokenFor(services.secret, row.id, row.status_link_generation)}`;
    const mail = createMailRenderer({ cache: true }).render(
      'modules/notifications/mails/case-message',
      {
        subject: t('verkehr.after.reminder.subject', params),
        greeting: row.applicant_name ? t('mail.greetingNamed', { name: row.applicant_name }) : t('mail.greeting'),
        paragraphs: [t('verkehr.after.reminder.body', params), t('verkehr.after.reminder.next')],
        facts: [
          { label: t('mail.reference'), value: row.reference },
          { label: t('mail.service'), value: service },
        ],
        link: { intro: t('mail.statusLink'), url: statusUrl, note: t('mail.statusLinkPrivate') },
      },
      { locale, t, branding: mailBranding(tenant) },
    );
    await queueMailForSending(trx, services.queue, cmd.tenantId, { ...mail, to: row.applicant_email, template, caseId: row.id, containsSecretLink: true });
    return { sent: true };
  });
}

export const endReminderJob = defineJob({
  name: 'verkehr.end-reminder',
  payloadSchema: Type.Object({ tenantId: UuidSchema, caseId: UuidSchema, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  async handler(payload, services) {
    const outcome = await sendEndReminder(services, payload);
    services.log.info({ sent: outcome.sent, reason: outcome.sent ? undefined : outcome.reason }, 'traffic order end reminder');
  },
});

/** The step `verkehr.queue-end-reminder` of the timer step `remind-end`. */
export const queueEndReminderStep: ProcedureStep = {
  id: 'verkehr.queue-end-reminder',
  async run(trx, inv, { queue }) {
    await queue.enqueue(endReminderJob, { tenantId: inv.tenantId, caseId: inv.caseId, version: inv.caseVersion }, { trx });
  },
};

/** The step `verkehr.flag-overrun`: a warning finding that the end passed without a completion report. */
export const flagOverrunStep: ProcedureStep = {
  id: 'verkehr.flag-overrun',
  async run(trx, inv) {
    const row = await loadCase(trx, inv.tenantId, inv.caseId, { forUpdate: true });
    const app = readTrafficApplication(row.data);
    const period = app && currentPeriod(app, await listExtensions(trx, inv.tenantId, row.id));
    if (!period) return;
    const end = longDate(period.to);
    await addFinding(
      trx,
      inv.tenantId,
      row,
      {
        ruleId: 'verkehr.after-approval',
        code: 'verkehr.overrun',
        severity: 'warning',
        message: {
          de: `Die Anordnung endete am ${end.de}; eine Fertigmeldung fehlt. Bitte prüfen Sie vor Ort, ob die Schilder entfernt sind.`,
          en: `The order ended on ${end.en}; no completion has been reported. Please check on site whether the signs have been removed.`,
        },
      },
      inv.at,
    );
  },
};
