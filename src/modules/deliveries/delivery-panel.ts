/**
 * What staff see of a case's deliveries, in two shapes:
 *
 * - {@link deliveryPanelModel} for the partial `views/panel.eta` (a table with status, attempts,
 *   last error, resend button and each item's attempt history), which any staff page can include:
 *   `<%~ include('/modules/deliveries/views/panel', { panel: it.deliveries, page: it.page }) %>`;
 * - {@link deliveriesCasePanel}, a provider for the back office case page's generic panel list
 *   (id `deliveries`), which reads with the page's own transaction.
 *
 * Texts such as the last error come from other systems: they are passed as plain strings and
 * escaped by the templates, never marked as HTML.
 */
import type { Trx } from '../../platform/db/database.js';
import { formatDateTime, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import { findCaseDeliveriesIn, type CaseDelivery } from './find-deliveries.js';

/** Paths of the deliveries pages of a case. */
export function caseDeliveriesPath(tenantSlug: string, caseId: string): string {
  return `/${tenantSlug}/staff/vorgaenge/${caseId}/uebermittlungen`;
}

/** The resend action of one delivery. */
export function resendPath(tenantSlug: string, caseId: string, deliveryId: string): string {
  return `${caseDeliveriesPath(tenantSlug, caseId)}/${deliveryId}/erneut-senden`;
}

type Tone = 'info' | 'success' | 'warning' | 'danger';

const TONES: Record<CaseDelivery['status'], Tone> = { queued: 'info', sending: 'info', delivered: 'success', failed: 'danger' };

/** One row of the panel, ready for the template. */
export interface DeliveryPanelRow {
  id: string;
  recipient: string;
  channel: string;
  filename: string;
  status: { label: string; tone: Tone; detail: string | null };
  attempts: number;
  lastError: string | null;
  resendUrl: string | null;
  history: { text: string; error: string | null }[];
}

export interface DeliveryPanelModel {
  rows: DeliveryPanelRow[];
  /** Where the resend button returns to (the page that shows the panel). */
  returnTo: string;
}

function statusDetail(d: CaseDelivery, locale: Locale, t: Translate): string | null {
  if (d.status === 'delivered' && d.deliveredAt) return t('deliveries.detail.deliveredAt', { at: formatDateTime(d.deliveredAt, locale) });
  if (d.status === 'failed') return d.nextAttemptAt ? t('deliveries.detail.nextAttempt', { at: formatDateTime(d.nextAttemptAt, locale) }) : t('deliveries.detail.noRetry');
  return null;
}

/** The model of `views/panel.eta` for a case's deliveries. */
export function deliveryPanelModel(
  deliveries: readonly CaseDelivery[],
  opts: { tenantSlug: string; caseId: string; returnTo: string; locale: Locale; t: Translate },
): DeliveryPanelModel {
  const { locale, t } = opts;
  return {
    returnTo: opts.returnTo,
    rows: deliveries.map((d) => ({
      id: d.id,
      recipient: d.recipient.displayName,
      channel: `${d.channel.id} (${d.channel.type})`,
      filename: d.payload.filename,
      status: { label: t(`deliveries.status.${d.status}`), tone: TONES[d.status], detail: statusDetail(d, locale, t) },
      attempts: d.attempts,
      lastError: d.status === 'delivered' ? null : d.lastError,
      resendUrl: d.resendable ? resendPath(opts.tenantSlug, opts.caseId, d.id) : null,
      history: d.history.map((a) => ({
        text: t('deliveries.attempt', { attempt: a.attempt, at: formatDateTime(a.startedAt, locale), outcome: t(`deliveries.outcome.${a.outcome}`) }),
        error: a.error,
      })),
    })),
  };
}

/** The part of the back office's panel context this provider reads. */
export interface DeliveriesPanelContext {
  trx: Trx;
  tenantId: string;
  tenantSlug: string;
  caseId: string;
  locale: Locale;
  t: Translate;
}

/** A provider for the back office case page's panel list (id `deliveries`, one item per delivery). */
export function deliveriesCasePanel(clock: { now(): Date }) {
  return {
    id: 'deliveries',
    async load(ctx: DeliveriesPanelContext) {
      const deliveries = await findCaseDeliveriesIn(ctx.trx, ctx.tenantId, ctx.caseId, clock.now());
      const model = deliveryPanelModel(deliveries, { ...ctx, returnTo: '' });
      // Title and empty text are the back office's placeholder texts.
      return {
        items: model.rows.map((row) => ({
          title: row.recipient,
          status: { label: row.status.label, tone: row.status.tone },
          details: [
            ctx.t('deliveries.detail.channel', { channel: row.channel }),
            ctx.t('deliveries.detail.file', { filename: row.filename }),
            ctx.t('deliveries.detail.attempts', { count: row.attempts }),
            ...(row.status.detail ? [row.status.detail] : []),
            ...(row.lastError ? [ctx.t('deliveries.detail.lastError', { error: row.lastError })] : []),
          ],
          link: { label: ctx.t('deliveries.history', { recipient: row.recipient, count: row.attempts }), href: caseDeliveriesPath(ctx.tenantSlug, ctx.caseId) },
          ...(row.resendUrl ? { action: { label: ctx.t('deliveries.resend'), url: row.resendUrl } } : {}),
        })),
      };
    },
  };
}
