/**
 * Where mail goes: an SMTP server (nodemailer) in production, or, without SMTP_URL outside
 * production, nowhere but the outbox table — the dev mailbox page shows those mails.
 */
import nodemailer from 'nodemailer';

/** A file sent with a mail (e.g. a delivery's payload). */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: readonly MailAttachment[];
  /** A fixed Message-ID (`<id@domain>`), so a resent mail can be recognised as the same message. */
  messageId?: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'dev-mailbox';
  /** Sends one mail; throws when the server refuses or cannot be reached. */
  send(mail: OutgoingMail): Promise<void>;
  /** Checks that the server answers and accepts our login; absent when there is nothing to check. */
  verify?(): Promise<void>;
  close(): void;
}

/** Removes line breaks so user text can never add mail headers. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/** Creates the transport from settings. */
export function createMailTransport(opts: { smtpUrl?: string | undefined; from: string }): MailTransport {
  if (!opts.smtpUrl) {
    return { kind: 'dev-mailbox', async send() {}, close() {} };
  }
  const transporter = nodemailer.createTransport(opts.smtpUrl, { from: opts.from });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: opts.from,
        to: headerSafe(mail.to),
        subject: headerSafe(mail.subject),
        text: mail.text,
        html: mail.html,
        ...(mail.messageId ? { messageId: headerSafe(mail.messageId) } : {}),
        ...(mail.attachments ? { attachments: mail.attachments.map((a) => ({ filename: headerSafe(a.filename), content: a.content, contentType: headerSafe(a.contentType) })) } : {}),
      });
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close();
    },
  };
}
