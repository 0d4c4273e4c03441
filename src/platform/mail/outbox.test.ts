import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { createMailTransport, type MailTransport } from './mail-transport.js';
import { deliverOutboxMail, queueMail } from './outbox.js';

describe('mail outbox', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let wurzen: string;
  const now = new Date('2026-11-28T10:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    smtp = await startTestSmtp();
    transport = createMailTransport({ smtpUrl: smtp.url, from: 'Rathaus Cloud <noreply@test.invalid>' });
    wurzen = await tenantIdOf(t.db, 'wurzen');
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await t?.drop();
  });

  const queue = (to: string, secret = false) =>
    t.db.withTenant(wurzen, (trx) =>
      queueMail(trx, wurzen, {
        to,
        template: 'test',
        subject: 'Eingangsbestätigung für Jörg Müller',
        text: 'Gebühr: 25,00 € – Ihr Link: https://x/s/secret',
        html: '<p>Gebühr: 25,00 €</p>',
        containsSecretLink: secret,
      }),
    );

  it('sends a queued mail once, with umlauts and the euro sign intact', async () => {
    const id = await queue('anna@example.org');
    expect(await deliverOutboxMail(t.db, transport, wurzen, id, { now })).toBe('sent');
    expect(await deliverOutboxMail(t.db, transport, wurzen, id, { now })).toBe('already-sent');
    const received = smtp.messages.filter((m) => m.subject === 'Eingangsbestätigung für Jörg Müller');
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain('25,00 €');
  });

  it('records failures for retry and marks the last attempt failed', async () => {
    const id = await queue('bob@example.org');
    smtp.refuseRecipients = true;
    await expect(deliverOutboxMail(t.db, transport, wurzen, id, { now })).rejects.toThrow();
    await expect(deliverOutboxMail(t.db, transport, wurzen, id, { now, finalAttempt: true })).rejects.toThrow();
    smtp.refuseRecipients = false;
    const row = await t.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(2);
    expect(row.last_error).toMatch(/550|unavailable/i);
  });

  it('blanks bodies holding secret links once sent by SMTP', async () => {
    const id = await queue('carla@example.org', true);
    await deliverOutboxMail(t.db, transport, wurzen, id, { now });
    const row = await t.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    expect(row.status).toBe('sent');
    expect(row.text_body).toBeNull();
    expect(row.html_body).toBeNull();
  });

  it('keeps mails of one municipality invisible to another', async () => {
    const bennewitz = await tenantIdOf(t.db, 'bennewitz');
    const id = await queue('dora@example.org');
    expect(await deliverOutboxMail(t.db, transport, bennewitz, id, { now })).toBe('missing');
  });
});
