/**
 * The e-mail with the resume link of a saved draft. The body holds the secret link, so it is
 * blanked in the outbox once sent.
 */
import type { Trx } from '../../platform/db/database.js';
import type { Localized } from '../../platform/db/schema.js';
import { createTranslator, formatDate, pick, type Locale } from '../../platform/i18n/i18n.js';
import { buildMessageCatalogue } from '../../platform/i18n/messages.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { createMailRenderer } from '../../platform/mail/mail-renderer.js';
import { queueMailForSending } from '../../platform/mail/send-mail-job.js';
import type { TenantRecord } from '../../platform/tenancy/tenant-directory.js';
import { mailBranding } from '../notifications/case-mails.js';
import { setResumeEmail, type DraftRecord } from './draft-store.js';

/** Queues the resume-link mail and remembers the address on the draft. */
export async function queueResumeMail(
  trx: Trx,
  queue: JobQueue,
  args: { tenant: TenantRecord; draft: DraftRecord; to: string; serviceName: Localized; resumeUrl: string; locale: Locale },
): Promise<void> {
  const t = createTranslator(args.locale, buildMessageCatalogue(), false);
  const service = pick(args.serviceName, args.locale);
  const mail = createMailRenderer({ cache: true }).render(
    'modules/notifications/mails/case-message',
    {
      subject: t('mail.resume.subject', { service }),
      paragraphs: [t('mail.resume.body', { service, until: formatDate(args.draft.expiresAt, args.locale) })],
      facts: [],
      link: { intro: '', url: args.resumeUrl, note: t('mail.statusLinkPrivate') },
    },
    { locale: args.locale, t, branding: mailBranding(args.tenant) },
  );
  await setResumeEmail(trx, args.draft, args.to);
  await queueMailForSending(trx, queue, args.tenant.id, { ...mail, to: args.to, template: 'draft.resume-link', containsSecretLink: true });
}
