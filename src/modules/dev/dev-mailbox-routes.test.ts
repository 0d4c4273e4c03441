import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { queueMail } from '../../platform/mail/outbox.js';

describe('development mailbox', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    const wurzen = await tenantIdOf(ctx.db, 'wurzen');
    await ctx.db.withTenant(wurzen, (trx) =>
      queueMail(trx, wurzen, { to: 'x@example.org', template: 't', subject: '<script>alert(1)</script> Bestätigung', text: 'Link: /wurzen/x', html: '<p>x</p>' }),
    );
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('lists queued mails of every municipality with escaped subjects and shows their text', async () => {
    const list = await ctx.app.inject('/dev/mail');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bestätigung');
    expect(list.body).not.toContain('<script>alert(1)');
    const href = /href="(\/dev\/mail\/wurzen\/[0-9a-f-]{36})"/.exec(list.body)?.[1];
    expect(href).toBeDefined();
    const mail = await ctx.app.inject(href!);
    expect(mail.body).toContain('Link: /wurzen/x');
    // a mail id looked up under another municipality is not found
    const foreign = await ctx.app.inject(href!.replace('/wurzen/', '/bennewitz/'));
    expect(foreign.statusCode).toBe(404);
  });

  it('does not exist in production', async () => {
    const prod = await createTestContext({ settings: { runtime: 'production', publicBaseUrl: 'https://x.example', smtpUrl: 'smtp://127.0.0.1:1' } });
    try {
      expect((await prod.app.inject('/dev/mail')).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
