/**
 * E-mails to applicants about their case: received, decided, information requested, reminder,
 * status changed. One template in both languages, filled from the case and the municipality;
 * the status link is added where the mail invites the applicant to act or look.
 */
import type { Trx } from '../../platform/db/database.js';
import type { Localized } from '../../platform/db/schema.js';
import { createTranslator, pick, type Locale } from '../../platform/i18n/i18n.js';
import { buildMessageCatalogue } from '../../platform/i18n/messages.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { createMailRenderer, type MailBranding, type RenderedMail } from '../../platform/mail/mail-renderer.js';
import { queueMailForSending } from '../../platform/mail/send-mail-job.js';
import type { TenantRecord } from '../../platform/tenancy/tenant-directory.js';

export const CASE_MESSAGE_KINDS = ['received', 'decided', 'information-requested', 'reminder', 'status-changed'] as const;
export type CaseMessageKind = (typeof CASE_MESSAGE_KINDS)[number];

export interface CaseMessageFacts {
  tenant: TenantRecord;
  locale: Locale;
  reference: string;
  serviceName: Localized;
  stateName?: Localized;
  processingTime?: Localized;
  statusUrl?: string;
  /** Addressed by name where known (escaped like every value in the mail). */
  applicantName?: string | null;
}

/** The municipality's look in mails: name, colour, contact lines. */
export function mailBranding(tenant: TenantRecord): MailBranding {
  return {
    tenantName: tenant.officialName,
    primaryColor: tenant.branding.primaryColor ?? '#00507a',
    contactLines: [tenant.officialName, tenant.address.street, `${tenant.address.postalCode} ${tenant.address.town}`, ...(tenant.phone ? [tenant.phone] : [])],
  };
}

/** Renders a case message in the applicant's language. */
export function composeCaseMessage(kind: CaseMessageKind, facts: CaseMessageFacts): RenderedMail {
  const t = createTranslator(facts.locale, buildMessageCatalogue(), false);
  const service = pick(facts.serviceName, facts.locale);
  const params = { service, reference: facts.reference, state: facts.stateName ? pick(facts.stateName, facts.locale) : '' };
  const paragraphs = [t(`mail.${kind}.body`, params)];
  if (kind === 'received' && facts.processingTime) paragraphs.push(t('mail.received.next', { time: pick(facts.processingTime, facts.locale) }));
  if (kind === 'decided') paragraphs.push(t('mail.decided.documents'));
  const facts2 = [
    { label: t('mail.reference'), value: facts.reference },
    { label: t('mail.service'), value: service },
    ...(facts.stateName ? [{ label: t('mail.status'), value: params.state }] : []),
  ];
  const renderer = createMailRenderer({ cache: true });
  return renderer.render(
    'modules/notifications/mails/case-message',
    {
      subject: t(`mail.${kind}.subject`, params),
      greeting: facts.applicantName ? t('mail.greetingNamed', { name: facts.applicantName }) : t('mail.greeting'),
      paragraphs,
      facts: facts2,
      link: facts.statusUrl ? { intro: t('mail.statusLink'), url: facts.statusUrl, note: t('mail.statusLinkPrivate') } : null,
    },
    { locale: facts.locale, t, branding: mailBranding(facts.tenant) },
  );
}

/** Queues the confirmation of receipt inside the submission's transaction. */
export async function queueReceivedMail(
  trx: Trx,
  queue: JobQueue,
  args: { tenant: TenantRecord; caseId: string; to: string; facts: Omit<CaseMessageFacts, 'tenant'> },
): Promise<void> {
  const mail = composeCaseMessage('received', { ...args.facts, tenant: args.tenant });
  await queueMailForSending(trx, queue, args.tenant.id, { ...mail, to: args.to, template: 'case.received', caseId: args.caseId, containsSecretLink: Boolean(args.facts.statusUrl) });
}
