/**
 * The office's mail when an applicant has answered an information request: to the case's
 * assignee, or to the municipality's address when nobody is assigned. It says which case and
 * links to it in the back office; the answer itself (personal data) stays in the application.
 */
import type { Trx } from '../../platform/db/database.js';
import type { Localized } from '../../platform/db/schema.js';
import { createTranslator, formatDateTime, pick } from '../../platform/i18n/i18n.js';
import { buildMessageCatalogue } from '../../platform/i18n/messages.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { createMailRenderer, type RenderedMail } from '../../platform/mail/mail-renderer.js';
import { queueMailForSending } from '../../platform/mail/send-mail-job.js';
import type { TenantRecord } from '../../platform/tenancy/tenant-directory.js';
import type { CaseRow } from '../cases/case-engine.js';
import { mailBranding } from '../notifications/case-mails.js';

export interface AnswerNoticeFacts {
  tenant: TenantRecord;
  reference: string;
  serviceName: Localized;
  requestedAt: Date;
  fileCount: number;
  caseUrl: string;
}

/** Renders the office's mail (German: the back office's language). */
export function composeAnswerNotice(facts: AnswerNoticeFacts): RenderedMail {
  const locale = 'de';
  const t = createTranslator(locale, buildMessageCatalogue(), false);
  const service = pick(facts.serviceName, locale);
  return createMailRenderer({ cache: true }).render(
    'modules/notifications/mails/case-message',
    {
      subject: t('requests.mail.answered.subject', { reference: facts.reference }),
      greeting: t('mail.greeting'),
      paragraphs: [t('requests.mail.answered.body', { date: formatDateTime(facts.requestedAt, locale), reference: facts.reference, service, files: facts.fileCount })],
      facts: [
        { label: t('mail.reference'), value: facts.reference },
        { label: t('mail.service'), value: service },
      ],
      link: { intro: t('requests.mail.answered.link'), url: facts.caseUrl, note: null },
    },
    { locale, t, branding: mailBranding(facts.tenant) },
  );
}

/** The office's address for a case: its assignee's, else the municipality's; null when neither is known. */
export async function officeAddressOf(trx: Trx, tenant: TenantRecord, row: Pick<CaseRow, 'assignee_id'>): Promise<string | null> {
  if (row.assignee_id) {
    const assignee = await trx.selectFrom('staff_users').select('email').where('id', '=', row.assignee_id).executeTakeFirst();
    if (assignee?.email) return assignee.email;
  }
  return tenant.email ?? null;
}

/** Queues the office's mail in the answer's transaction (keyed by the request: one mail per answer). */
export async function queueAnswerNotice(trx: Trx, queue: JobQueue, to: string, args: AnswerNoticeFacts & { caseId: string; requestId: string }): Promise<void> {
  const mail = composeAnswerNotice(args);
  await queueMailForSending(trx, queue, args.tenant.id, { ...mail, to, template: `request.answered:${args.requestId}`, caseId: args.caseId });
}
