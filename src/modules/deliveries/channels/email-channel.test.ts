import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport, type MailTransport } from '../../../platform/mail/mail-transport.js';
import { instantiatePlugin, PluginOptionsError } from '../../../platform/plugins/plugin-definition.js';
import { samplePayload, testEnvironment } from '../../../../test/support/delivery-kit.js';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.js';
import { DeliveryError } from './delivery-channel.js';
import { deliveryMessageId, emailChannelPlugin } from './email-channel.js';

describe('email channel', () => {
  let smtp: TestSmtp;
  let mail: MailTransport;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    mail = createMailTransport({ smtpUrl: smtp.url, from: 'Stadt Wurzen <noreply@wurzen.example>' });
  });
  afterAll(async () => {
    mail?.close();
    await smtp?.close();
  });

  it('sends the payload as an attachment with a Message-ID derived from the delivery id', async () => {
    const env = testEnvironment({ mail });
    const { bytes, meta, stream } = samplePayload();
    const channel = instantiatePlugin(emailChannelPlugin, { to: 'gewerbe@ihk.example' });
    const receipt = await channel.deliver(stream(), meta, env);
    expect(receipt).toEqual({ to: 'gewerbe@ihk.example', messageId: deliveryMessageId(meta.deliveryId), bytes: bytes.length });
    const message = smtp.messages.find((m) => m.messageId === deliveryMessageId(meta.deliveryId));
    expect(message).toBeDefined();
    expect(message!.subject).toBe('Übermittlung GewA1.xml – WUR-GEW-2026-000123');
    expect(message!.text).toContain('IHK zu Leipzig');
    expect(message!.attachments).toHaveLength(1);
    expect(message!.attachments[0]!.filename).toBe('GewA1.xml');
    expect(message!.attachments[0]!.contentType).toBe('application/xml');
    expect(message!.attachments[0]!.content).toEqual(bytes);
    env.cleanup();
  });

  it('classifies a refused recipient (SMTP 5xx) as permanent', async () => {
    const env = testEnvironment({ mail });
    smtp.refuseRecipients = true;
    try {
      const { meta, stream } = samplePayload();
      const failure = await instantiatePlugin(emailChannelPlugin, { to: 'weg@ihk.example' }).deliver(stream(), meta, env).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DeliveryError);
      expect((failure as DeliveryError).retryable).toBe(false);
      expect((failure as Error).message).toContain('SMTP 550');
    } finally {
      smtp.refuseRecipients = false;
      env.cleanup();
    }
  });

  it('fails visibly, not silently, without an SMTP server (dev mailbox)', async () => {
    const env = testEnvironment();
    const { meta, stream } = samplePayload();
    const channel = instantiatePlugin(emailChannelPlugin, { to: 'gewerbe@ihk.example' });
    await expect(channel.deliver(stream(), meta, env)).rejects.toThrow('Kein SMTP-Server eingerichtet');
    expect(await channel.selfCheck(env)).toMatchObject({ ok: false });
    env.cleanup();
  });

  it('refuses malformed addresses in the options', () => {
    for (const to of ['kein-at', 'a@b', 'a b@c.de', 'x@y.de\r\nBcc: z@q.de']) {
      expect(() => instantiatePlugin(emailChannelPlugin, { to }), to).toThrow(PluginOptionsError);
    }
  });

  it('self-check asks the SMTP server', async () => {
    const env = testEnvironment({ mail });
    expect(await instantiatePlugin(emailChannelPlugin, { to: 'gewerbe@ihk.example' }).selfCheck(env)).toMatchObject({ ok: true });
    env.cleanup();
  });
});
