import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { caseEventsOf, configureTestChannel, deliveryRow, queueTestDelivery, testEnvironment, visibleFiles } from '../../../test/support/delivery-kit.js';
import { TestClock } from '../../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { createJobQueue, type JobQueue } from '../../platform/jobs/job-queue.js';
import { createMemoryStorage } from '../../platform/storage/demo-storage.js';
import { createDeliveryChannelRegistry } from './channels/channel-registry.js';
import { FAILING_DEMO_MESSAGE } from './channels/demo-channels.js';
import { SENDING_STALE_SECONDS } from './delivery-policy.js';
import { findCaseDeliveries } from './find-deliveries.js';
import { sendDelivery, type DeliveryDeps } from './send-delivery.js';
import { enqueueDeliverySend, sendDeliveryJob } from './send-delivery-job.js';

describe('sending a delivery (attempts, retries, idempotency)', () => {
  let t: TestDatabase;
  let queue: JobQueue;
  let wurzen: string;
  let server: http.Server;
  let endpoint: string;
  let status = 201;
  let requests = 0;
  const storage = createMemoryStorage();
  const clock = new TestClock(new Date('2026-11-30T09:00:00Z'));
  const env = testEnvironment();
  const scheduled: { deliveryId: string; at: Date }[] = [];
  let deps: DeliveryDeps;

  beforeAll(async () => {
    t = await createTestDatabase();
    queue = await createJobQueue(t.db, { jobs: [sendDeliveryJob], log: pino({ level: 'silent' }) });
    wurzen = await tenantIdOf(t.db, 'wurzen');
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests++;
        res.writeHead(status).end(status >= 400 ? 'Dienst nicht verfügbar' : '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eingang`;
    deps = {
      db: t.db,
      storage,
      clock,
      env,
      channels: createDeliveryChannelRegistry(),
      scheduleAttempt: async (trx, tenantId, deliveryId, at) => {
        scheduled.push({ deliveryId, at });
        await enqueueDeliverySend(trx, queue, tenantId, deliveryId, at);
      },
    };
    await configureTestChannel(t.db, wurzen, { id: 'kaputt', displayName: 'Testkanal', channelType: 'failing-demo', options: {} });
    await configureTestChannel(t.db, wurzen, { id: 'ablage', displayName: 'Ablage', channelType: 'file-drop', options: { folder: 'wurzen' } });
    await configureTestChannel(t.db, wurzen, { id: 'ihk-api', displayName: 'IHK-Schnittstelle', channelType: 'http-post', options: { url: endpoint, allowPlainHttp: true, timeoutSeconds: 5 } });
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await queue?.stop();
    await t?.drop();
    env.cleanup();
  });
  beforeEach(() => {
    scheduled.length = 0;
    status = 201;
    requests = 0;
  });

  it('a failing-demo delivery ends failed with its error and attempt, visible on the case, with no retry planned', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'kaputt', at: clock.now() });
    expect(await sendDelivery(deps, wurzen, id)).toBe('failed');
    const [item] = await findCaseDeliveries(t.db, wurzen, caseId, clock.now());
    expect(item).toMatchObject({ id, status: 'failed', attempts: 1, lastError: FAILING_DEMO_MESSAGE, nextAttemptAt: null, resendable: true });
    expect(item!.history).toMatchObject([{ attempt: 1, outcome: 'permanent-failure', error: FAILING_DEMO_MESSAGE, channelType: 'failing-demo' }]);
    expect(scheduled).toEqual([]);
    expect((await caseEventsOf(t.db, wurzen, caseId)).map((e) => e.type)).toEqual(['delivery.queued', 'delivery.failed']);
    // Running the job again changes nothing: a permanent failure waits for a resend.
    expect(await sendDelivery(deps, wurzen, id)).toBe('waiting-for-resend');
    expect((await deliveryRow(t.db, wurzen, id)).attempts).toBe(1);
  });

  it('delivers once: a second run of the job finds the item delivered and writes no second file', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ablage', at: clock.now() });
    expect(await sendDelivery(deps, wurzen, id)).toBe('delivered');
    expect(await sendDelivery(deps, wurzen, id)).toBe('already-delivered');
    const row = await deliveryRow(t.db, wurzen, id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, last_error: null, next_attempt_at: null });
    expect(row.receipt).toMatchObject({ folder: 'wurzen', alreadyPresent: false });
    expect(visibleFiles(env.dropRoot).filter((f) => f.includes(id))).toHaveLength(1);
    expect((await caseEventsOf(t.db, wurzen, caseId)).map((e) => e.type)).toEqual(['delivery.queued', 'delivery.delivered']);
  });

  it('takes over an item whose worker died while sending, marks that attempt interrupted, and still leaves one file', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ablage', at: clock.now() });
    // The dead worker had claimed the item and even written the file before it died.
    expect(await sendDelivery(deps, wurzen, id)).toBe('delivered');
    await t.db.withTenant(wurzen, async (trx) => {
      await trx.updateTable('deliveries').set({ status: 'sending', attempts: 2, sending_since: clock.now(), delivered_at: null }).where('id', '=', id).execute();
      await trx.insertInto('delivery_attempts').values({ tenant_id: wurzen, delivery_id: id, attempt: 2, started_at: clock.now(), outcome: 'sending', channel_type: 'file-drop' }).execute();
    });
    expect(await sendDelivery(deps, wurzen, id)).toBe('in-progress');
    clock.advance(SENDING_STALE_SECONDS * 1000);
    expect(await sendDelivery(deps, wurzen, id)).toBe('delivered');
    const [item] = await findCaseDeliveries(t.db, wurzen, caseId, clock.now());
    expect(item!.history.map((a) => a.outcome)).toEqual(['delivered', 'interrupted', 'delivered']);
    expect(item!.receipt).toMatchObject({ alreadyPresent: true });
    expect(visibleFiles(env.dropRoot).filter((f) => f.includes(id))).toHaveLength(1);
  });

  it('http-post: a 503 is retried with backoff, and the next due attempt delivers', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ihk-api', at: clock.now() });
    status = 503;
    expect(await sendDelivery(deps, wurzen, id)).toBe('failed-retry-planned');
    let row = await deliveryRow(t.db, wurzen, id);
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('HTTP 503');
    const firstDelay = row.next_attempt_at!.getTime() - clock.now().getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(30_000);
    expect(firstDelay).toBeLessThanOrEqual(33_000);
    expect(scheduled).toEqual([{ deliveryId: id, at: row.next_attempt_at }]);
    // Not yet due: an early run does nothing.
    expect(await sendDelivery(deps, wurzen, id)).toBe('not-due');
    expect(requests).toBe(1);
    clock.set(row.next_attempt_at!);
    expect(await sendDelivery(deps, wurzen, id)).toBe('failed-retry-planned');
    row = await deliveryRow(t.db, wurzen, id);
    expect(row.next_attempt_at!.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(60_000);
    clock.set(row.next_attempt_at!);
    status = 201;
    expect(await sendDelivery(deps, wurzen, id)).toBe('delivered');
    const [item] = await findCaseDeliveries(t.db, wurzen, caseId, clock.now());
    expect(item).toMatchObject({ status: 'delivered', attempts: 3, lastError: null, nextAttemptAt: null, resendable: false });
    expect(item!.history.map((a) => a.outcome)).toEqual(['retryable-failure', 'retryable-failure', 'delivered']);
    expect((await caseEventsOf(t.db, wurzen, caseId)).map((e) => e.type)).toEqual(['delivery.queued', 'delivery.failed', 'delivery.failed', 'delivery.delivered']);
  });

  it('http-post: a 400 is permanent — no retry is planned', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ihk-api', at: clock.now() });
    status = 400;
    expect(await sendDelivery(deps, wurzen, id)).toBe('failed');
    const row = await deliveryRow(t.db, wurzen, id);
    expect(row).toMatchObject({ status: 'failed', next_attempt_at: null, retry_count: 1 });
    expect(row.last_error).toContain('HTTP 400');
    expect(scheduled).toEqual([]);
  });

  it('stops retrying when the round of retries is used up', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ihk-api', at: clock.now() });
    status = 500;
    const outcomes: string[] = [];
    for (let i = 0; i < 9; i++) {
      outcomes.push(await sendDelivery(deps, wurzen, id));
      const row = await deliveryRow(t.db, wurzen, id);
      if (row.next_attempt_at) clock.set(row.next_attempt_at);
    }
    expect(outcomes).toEqual([...Array(8).fill('failed-retry-planned'), 'failed']);
    expect(await deliveryRow(t.db, wurzen, id)).toMatchObject({ status: 'failed', attempts: 9, next_attempt_at: null });
    expect(await sendDelivery(deps, wurzen, id)).toBe('waiting-for-resend');
  });

  it('a switched-off channel fails permanently with a clear error', async () => {
    await configureTestChannel(t.db, wurzen, { id: 'aus', displayName: 'Alter Weg', channelType: 'file-drop', options: { folder: 'alt' }, enabled: false });
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'aus', at: clock.now() });
    expect(await sendDelivery(deps, wurzen, id)).toBe('failed');
    expect((await deliveryRow(t.db, wurzen, id)).last_error).toBe('Der Übermittlungsweg „Alter Weg“ ist abgeschaltet.');
    expect(visibleFiles(path.join(env.dropRoot, 'alt'))).toEqual([]);
  });

  it('a payload that is gone from storage fails permanently, naming the file', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ablage', at: clock.now() });
    await storage.delete((await deliveryRow(t.db, wurzen, id)).payload_key);
    expect(await sendDelivery(deps, wurzen, id)).toBe('failed');
    expect((await deliveryRow(t.db, wurzen, id)).last_error).toBe('Die Nutzdaten „GewA1.xml“ sind nicht mehr gespeichert.');
  });
});
