/**
 * `email`: sends the payload as an attachment to a configured address through the platform's
 * SMTP transport. The Message-ID is derived from the delivery id, so a resent mail is the same
 * message for the recipient's mail system (many de-duplicate on it). The dev mailbox (no
 * SMTP_URL) cannot carry attachments to anyone, so there the channel fails visibly instead of
 * pretending to have delivered.
 */
import { Type } from '@sinclair/typebox';
import { definePlugin } from '../../../platform/plugins/plugin-definition.js';
import { DeliveryError, type DeliveryChannel, type DeliveryMeta } from './delivery-channel.js';
import { readVerifiedPayload } from './read-payload.js';

// A pragmatic address check (one @, no spaces or angle brackets); the SMTP server has the last word.
const EMAIL_PATTERN = '^[^\\s@<>,;"]+@[^\\s@<>,;"]+\\.[^\\s@<>,;"]+$';

/** Options: the recipient address and an optional subject. */
export const EmailChannelOptions = Type.Object(
  {
    to: Type.String({ pattern: EMAIL_PATTERN, maxLength: 254, description: 'Recipient address, e.g. gewerbe@leipzig.ihk.de' }),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Subject; default names the file and the reference number' })),
  },
  { additionalProperties: false },
);

/** The Message-ID of a delivery's mail: the same for every attempt of the same delivery. */
export function deliveryMessageId(deliveryId: string): string {
  return `<delivery-${deliveryId}@deliveries.rathaus-cloud.invalid>`;
}

function bodyText(meta: DeliveryMeta): string {
  return [
    `Guten Tag,`,
    ``,
    `anbei erhalten Sie die Übermittlung „${meta.payload.filename}“ für ${meta.recipient.displayName}.`,
    meta.caseReference ? `Aktenzeichen: ${meta.caseReference}` : undefined,
    `Übermittlungs-ID: ${meta.deliveryId}`,
    `SHA-256 der Datei: ${meta.payload.sha256}`,
    ``,
    `Diese Nachricht wurde automatisch erstellt.`,
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** SMTP 5xx answers are final (unknown mailbox, refused); 4xx and connection problems pass. */
function classify(e: unknown, to: string): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const responseCode = (e as { responseCode?: number }).responseCode;
  const permanent = typeof responseCode === 'number' && responseCode >= 500;
  const what = responseCode ? `SMTP ${responseCode}` : ((e as NodeJS.ErrnoException).code ?? 'Verbindungsfehler');
  return new DeliveryError(`E-Mail an ${to} nicht gesendet (${what}): ${(e as Error).message.slice(0, 300)}`, !permanent, { cause: e });
}

/** The `email` channel plug-in. */
export const emailChannelPlugin = definePlugin({
  id: 'email',
  summary: 'Sends each delivery as an e-mail attachment to a configured address (SMTP_URL).',
  optionsSchema: EmailChannelOptions,
  create(options): DeliveryChannel {
    return {
      type: 'email',
      async deliver(payload, meta, env) {
        if (env.mail.kind !== 'smtp') {
          payload.destroy();
          throw new DeliveryError('Kein SMTP-Server eingerichtet (SMTP_URL): E-Mail-Übermittlungen können nicht gesendet werden.', false);
        }
        const content = await readVerifiedPayload(payload, meta);
        const subject = options.subject ?? `Übermittlung ${meta.payload.filename}${meta.caseReference ? ` – ${meta.caseReference}` : ''}`;
        const text = bodyText(meta);
        const messageId = deliveryMessageId(meta.deliveryId);
        try {
          await env.mail.send({
            to: options.to,
            subject,
            text,
            html: `<pre>${escapeHtml(text)}</pre>`,
            messageId,
            attachments: [{ filename: meta.payload.filename, content, contentType: meta.payload.mediaType }],
          });
        } catch (e) {
          throw classify(e, options.to);
        }
        return { to: options.to, messageId, bytes: content.length };
      },
      async selfCheck(env) {
        if (env.mail.kind !== 'smtp') return { ok: false, detail: 'email: no SMTP server configured (SMTP_URL)' };
        try {
          await env.mail.verify?.();
          return { ok: true, detail: `email: SMTP server answers; recipient ${options.to}` };
        } catch (e) {
          return { ok: false, detail: `email: SMTP server: ${(e as Error).message}` };
        }
      },
    };
  },
});
