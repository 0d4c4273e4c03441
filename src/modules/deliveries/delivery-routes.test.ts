/**
 * The acceptance case of issue 4 end to end: a delivery over the failing-demo channel shows as
 * failed with its error and attempts; the tenant switches the channel to file-drop, a caseworker
 * presses resend, the worker delivers — exactly one file, also when the job runs again. Plus the
 * e-mail channel through the worker, and tenant isolation of the routes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../test/support/factories.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { caseEventsOf, configureTestChannel, deliveryRow, queueTestDelivery, visibleFiles } from '../../../test/support/delivery-kit.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { createTestContext, type Browser, type TestContext } from '../../../test/support/test-app.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { systemClock } from '../../app.js';
import { startWorker, type Worker } from '../../platform/jobs/worker.js';
import { createMailTransport } from '../../platform/mail/mail-transport.js';
import { FAILING_DEMO_MESSAGE } from './channels/demo-channels.js';
import { caseDeliveriesPath, resendPath } from './delivery-panel.js';
import { sendDeliveryJob } from './send-delivery-job.js';

describe('deliveries: failed → fix the channel → resend → delivered once', () => {
  let ctx: TestContext;
  let worker: Worker;
  let smtp: TestSmtp;
  let dropDir: string;
  let wurzen: string;
  let bennewitz: string;
  let caseworker: { staff: { id: string }; browser: Browser };

  const status = (tenantId: string, id: string) => deliveryRow(ctx.db, tenantId, id).then((r) => r.status);
  const resend = async (browser: Browser, tenantSlug: string, caseId: string, deliveryId: string, caseUrl?: string) => {
    const token = await browser.csrfFrom('/staff/password');
    return browser.post(resendPath(tenantSlug, caseId, deliveryId), { _csrf: token, ...(caseUrl ? { caseUrl } : {}) });
  };

  beforeAll(async () => {
    dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-drop-'));
    smtp = await startTestSmtp();
    ctx = await createTestContext({ settings: { deliveryDropDir: dropDir } });
    worker = await startWorker(ctx.queue, [sendDeliveryJob], {
      db: ctx.db,
      settings: ctx.settings,
      clock: systemClock,
      log: pino({ level: 'silent' }),
      mail: createMailTransport({ smtpUrl: smtp.url, from: 'noreply@wurzen.example' }),
      storage: ctx.storage,
      pollingIntervalSeconds: 0.5,
    });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    caseworker = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', role: 'caseworker' });
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await ctx?.close();
    await smtp?.close();
    fs.rmSync(dropDir, { recursive: true, force: true });
  });

  it('shows the failure, and after the channel is switched to file-drop a resend delivers exactly one file', async () => {
    await configureTestChannel(ctx.db, wurzen, { id: 'ihk-leipzig', displayName: 'IHK zu Leipzig', channelType: 'failing-demo', options: {} });
    const caseId = await insertTestCase(ctx.db, wurzen);
    const id = await queueTestDelivery(ctx, wurzen, caseId, { channelId: 'ihk-leipzig' });
    await waitFor(async () => (await status(wurzen, id)) === 'failed');

    const page = await caseworker.browser.get(caseDeliveriesPath('wurzen', caseId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Fehlgeschlagen');
    expect(page.body).toContain(FAILING_DEMO_MESSAGE);
    expect(page.body).toContain('Keine automatischen Versuche mehr');
    expect(page.body).toMatch(/kern-table__cell--numeric">1</);
    expect(page.body).toContain(`action="${resendPath('wurzen', caseId, id)}"`);

    // The back office case page shows the same item in its deliveries panel, with the resend button.
    const caseUrl = `/wurzen/staff/vorgaenge/${caseId}`;
    const casePage = await caseworker.browser.get(caseUrl);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain(FAILING_DEMO_MESSAGE);
    expect(casePage.body).toContain(`action="${resendPath('wurzen', caseId, id)}"`);

    await configureTestChannel(ctx.db, wurzen, { id: 'ihk-leipzig', displayName: 'IHK zu Leipzig', channelType: 'file-drop', options: { folder: 'wurzen/ihk' } });
    const res = await resend(caseworker.browser, 'wurzen', caseId, id, caseUrl);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(caseUrl);
    await waitFor(async () => (await status(wurzen, id)) === 'delivered');
    expect(visibleFiles(dropDir)).toEqual([path.join('wurzen', 'ihk', `${(await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow())).reference}_ihk_${id}.xml`)]);

    // The job runs again (a duplicate, or a retry after a lost acknowledgement): nothing more is written.
    const jobId = await ctx.queue.enqueue(sendDeliveryJob, { tenantId: wurzen, deliveryId: id });
    await waitFor(async () => (await ctx.queue.boss.getJobById(sendDeliveryJob.name, jobId!))?.state === 'completed');
    expect(visibleFiles(dropDir)).toHaveLength(1);
    const row = await deliveryRow(ctx.db, wurzen, id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, channel_type: 'file-drop' });

    const events = await caseEventsOf(ctx.db, wurzen, caseId);
    expect(events.map((e) => e.type)).toEqual(['delivery.queued', 'delivery.failed', 'delivery.resent', 'delivery.delivered']);
    expect(events[2]).toMatchObject({ actor_kind: 'caseworker', actor_id: caseworker.staff.id, data: { previousStatus: 'failed', channelType: 'file-drop' } });

    const after = await caseworker.browser.get(caseDeliveriesPath('wurzen', caseId));
    expect(after.body).toContain('Zugestellt');
    expect(after.body).not.toContain(`action="${resendPath('wurzen', caseId, id)}"`);
    expect(after.body).toContain('Versuch 1');
    expect(after.body).toContain('Versuch 2');
    // A delivered item is not sent again, even when someone posts the form.
    const again = await resend(caseworker.browser, 'wurzen', caseId, id);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('bereits zugestellt');
  });

  it('the e-mail channel delivers the payload as an attachment through the worker', async () => {
    await configureTestChannel(ctx.db, wurzen, { id: 'hwk-mail', displayName: 'HWK Leipzig', channelType: 'email', options: { to: 'gewerbe@hwk.example' } });
    const caseId = await insertTestCase(ctx.db, wurzen);
    const id = await queueTestDelivery(ctx, wurzen, caseId, { channelId: 'hwk-mail', content: '<GewA1>Bäckerei Groß</GewA1>', recipient: { id: 'hwk', displayName: 'HWK Leipzig' } });
    await waitFor(async () => (await status(wurzen, id)) === 'delivered');
    const mail = smtp.messages.find((m) => m.to && JSON.stringify(m.to).includes('gewerbe@hwk.example'));
    expect(mail?.attachments.map((a) => [a.filename, a.content.toString('utf8')])).toEqual([['GewA1.xml', '<GewA1>Bäckerei Groß</GewA1>']]);
  });

  it('escapes error texts from other systems', async () => {
    await configureTestChannel(ctx.db, wurzen, { id: 'boese', displayName: 'X', channelType: 'failing-demo', options: { message: '<script>alert(1)</script>' } });
    const caseId = await insertTestCase(ctx.db, wurzen);
    const id = await queueTestDelivery(ctx, wurzen, caseId, { channelId: 'boese' });
    await waitFor(async () => (await status(wurzen, id)) === 'failed');
    const page = await caseworker.browser.get(caseDeliveriesPath('wurzen', caseId));
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers 404 across tenants, for unknown ids, and never resends another tenant’s delivery', async () => {
    await configureTestChannel(ctx.db, bennewitz, { id: 'ihk-leipzig', displayName: 'IHK', channelType: 'failing-demo', options: {} });
    const bennewitzCase = await insertTestCase(ctx.db, bennewitz);
    const bennewitzDelivery = await queueTestDelivery(ctx, bennewitz, bennewitzCase, { channelId: 'ihk-leipzig' });
    await waitFor(async () => (await status(bennewitz, bennewitzDelivery)) === 'failed');
    const wurzenCase = await insertTestCase(ctx.db, wurzen);

    const attempts = [
      // The Bennewitz URL: refused by the role check before anything is read.
      await resend(caseworker.browser, 'bennewitz', bennewitzCase, bennewitzDelivery),
      // Bennewitz ids under Wurzen: row-level security finds nothing.
      await resend(caseworker.browser, 'wurzen', bennewitzCase, bennewitzDelivery),
      await resend(caseworker.browser, 'wurzen', wurzenCase, bennewitzDelivery),
      await resend(caseworker.browser, 'wurzen', 'kein-uuid', 'auch-keine'),
      await caseworker.browser.get(caseDeliveriesPath('wurzen', bennewitzCase)),
      await caseworker.browser.get(caseDeliveriesPath('bennewitz', bennewitzCase)),
    ];
    for (const res of attempts) expect(res.statusCode).toBe(404);
    expect(await status(bennewitz, bennewitzDelivery)).toBe('failed');
    expect((await caseEventsOf(ctx.db, bennewitz, bennewitzCase)).map((e) => e.type)).toEqual(['delivery.queued', 'delivery.failed']);
  });

  it('refuses a resend without a valid CSRF token, and never redirects outside the tenant’s staff area', async () => {
    await configureTestChannel(ctx.db, wurzen, { id: 'kaputt', displayName: 'Kaputt', channelType: 'failing-demo', options: {} });
    const caseId = await insertTestCase(ctx.db, wurzen);
    const id = await queueTestDelivery(ctx, wurzen, caseId, { channelId: 'kaputt' });
    await waitFor(async () => (await status(wurzen, id)) === 'failed');
    const forged = await caseworker.browser.post(resendPath('wurzen', caseId, id), { _csrf: 'falsch' });
    expect(forged.statusCode).toBe(403);
    expect(await status(wurzen, id)).toBe('failed');
    const res = await resend(caseworker.browser, 'wurzen', caseId, id, 'https://evil.example/');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(caseDeliveriesPath('wurzen', caseId));
  });
});
