/**
 * The "Nachrichten" panel of the back office case page: every e-mail sent about the case, with
 * its status — so a mail that could not be delivered is visible on the case, with its error and
 * attempts, instead of failing silently.
 */
import type { CasePanelContext, CasePanelItem, CasePanelProvider, PanelTone } from '../backoffice/case-panels.js';
import { formatDateTime } from '../../platform/i18n/i18n.js';

const TONES: Record<'queued' | 'sent' | 'failed', PanelTone> = { queued: 'info', sent: 'success', failed: 'danger' };

/** The provider for the `messages` placeholder. */
export function messagesCasePanel(): CasePanelProvider {
  return {
    id: 'messages',
    async load(ctx: CasePanelContext) {
      const rows = await ctx.trx
        .selectFrom('mail_outbox')
        .select(['subject', 'recipient', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('case_id', '=', ctx.caseId)
        .orderBy('created_at', 'desc')
        .limit(50)
        .execute();
      const items: CasePanelItem[] = rows.map((r) => ({
        title: r.subject,
        status: { label: ctx.t(`messages.status.${r.status}`), tone: TONES[r.status] },
        details: [
          ctx.t('messages.detail.to', { to: r.recipient }),
          ctx.t('messages.detail.created', { at: formatDateTime(r.created_at, ctx.locale) }),
          ...(r.sent_at ? [ctx.t('messages.detail.sent', { at: formatDateTime(r.sent_at, ctx.locale) })] : []),
          ...(r.attempts > 0 && r.status !== 'sent' ? [ctx.t('messages.detail.attempts', { n: r.attempts })] : []),
          ...(r.last_error ? [ctx.t('messages.detail.error', { error: r.last_error })] : []),
        ],
      }));
      return { items };
    },
  };
}
