/**
 * The e-mail outbox. `queueMail` writes the mail in the caller's transaction (so it exists exactly
 * when the act that causes it commits); `deliverOutboxMail` sends it and is idempotent — a mail
 * already sent is never sent again, which makes the job safe to retry.
 */
import type { Database, Trx } from '../db/database.js';
import type { MailTransport } from './mail-transport.js';
import type { RenderedMail } from './mail-renderer.js';

export interface QueuedMail extends RenderedMail {
  to: string;
  template: string;
  caseId?: string | null;
  /** Blank the bodies after sending (they hold a secret link). */
  containsSecretLink?: boolean;
}

/** Inserts a mail into the outbox in the caller's tenant-scoped transaction; returns its id. */
export async function queueMail(trx: Trx, tenantId: string, mail: QueuedMail): Promise<string> {
  const row = await trx
    .insertInto('mail_outbox')
    .values({
      tenant_id: tenantId,
      case_id: mail.caseId ?? null,
      template: mail.template,
      recipient: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      purge_body_after_send: mail.containsSecretLink ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'missing';

/**
 * Sends one queued mail. On failure the attempt and error are recorded and the error rethrown,
 * so the job queue retries with backoff; `finalAttempt` marks the mail failed for good.
 */
export async function deliverOutboxMail(
  db: Database,
  transport: MailTransport,
  tenantId: string,
  mailId: string,
  opts: { now: Date; finalAttempt?: boolean },
): Promise<DeliveryOutcome> {
  const mail = await db.withTenant(tenantId, (trx) =>
    trx.selectFrom('mail_outbox').selectAll().where('tenant_id', '=', tenantId).where('id', '=', mailId).executeTakeFirst(),
  );
  if (!mail) return 'missing';
  if (mail.status === 'sent') return 'already-sent';
  try {
    await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.text_body ?? '', html: mail.html_body ?? '' });
  } catch (e) {
    const message = e instanceof Error ? e.message.slice(0, 500) : 'unknown error';
    await db.withTenant(tenantId, (trx) =>
      trx
        .updateTable('mail_outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: message, status: opts.finalAttempt ? 'failed' : 'queued' }))
        .where('tenant_id', '=', tenantId)
        .where('id', '=', mailId)
        .execute(),
    );
    throw e;
  }
  // The dev mailbox keeps bodies so developers can follow links; real delivery blanks secret ones.
  const purge = mail.purge_body_after_send && transport.kind === 'smtp';
  await db.withTenant(tenantId, (trx) =>
    trx
      .updateTable('mail_outbox')
      .set((eb) => ({
        status: 'sent',
        sent_at: opts.now,
        attempts: eb('attempts', '+', 1),
        last_error: null,
        ...(purge ? { text_body: null, html_body: null } : {}),
      }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', mailId)
      .execute(),
  );
  return 'sent';
}
