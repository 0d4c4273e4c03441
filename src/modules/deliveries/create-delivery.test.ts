import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { caseEventsOf, configureTestChannel, deliveryRow, queueTestDelivery } from '../../../test/support/delivery-kit.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { createJobQueue, type JobQueue } from '../../platform/jobs/job-queue.js';
import { createMemoryStorage } from '../../platform/storage/demo-storage.js';
import { createDeliveryChannelRegistry } from './channels/channel-registry.js';
import { createDelivery, DeliveryInputError, storeDeliveryPayload } from './create-delivery.js';
import { findCaseDeliveries } from './find-deliveries.js';
import { resendDelivery } from './resend-delivery.js';
import { sendDeliveryJob } from './send-delivery-job.js';
import { channelConfigProblems, configureDeliveryChannel, listTenantChannels } from './tenant-channels.js';

describe('creating deliveries inside the business transaction', () => {
  let t: TestDatabase;
  let queue: JobQueue;
  let wurzen: string;
  let bennewitz: string;
  const storage = createMemoryStorage();

  async function queuedJobs(): Promise<{ tenantId: string; deliveryId: string }[]> {
    const jobs = await queue.boss.fetch<{ tenantId: string; deliveryId: string }>(sendDeliveryJob.name, { batchSize: 100 });
    return jobs.map((j) => j.data);
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    queue = await createJobQueue(t.db, { jobs: [sendDeliveryJob], log: pino({ level: 'silent' }) });
    wurzen = await tenantIdOf(t.db, 'wurzen');
    bennewitz = await tenantIdOf(t.db, 'bennewitz');
    await configureTestChannel(t.db, wurzen, { id: 'ablage', displayName: 'Ablage', channelType: 'file-drop', options: { folder: 'wurzen' } });
    await configureTestChannel(t.db, bennewitz, { id: 'ablage', displayName: 'Ablage', channelType: 'file-drop', options: { folder: 'bennewitz' } });
  });
  afterAll(async () => {
    await queue?.stop();
    await t?.drop();
  });

  it('writes the item, its queued event and its send job when the transaction commits', async () => {
    await queuedJobs(); // drain
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ablage' });
    const row = await deliveryRow(t.db, wurzen, id);
    expect(row).toMatchObject({ status: 'queued', attempts: 0, recipient_id: 'ihk', recipient_name: 'IHK zu Leipzig', channel_id: 'ablage', channel_type: 'file-drop', payload_filename: 'GewA1.xml' });
    expect(row.channel_options).toEqual({ folder: 'wurzen' });
    expect(await storage.exists(row.payload_key)).toBe(true);
    expect(row.payload_key.startsWith(`${wurzen}/delivery/`)).toBe(true);
    expect(await caseEventsOf(t.db, wurzen, caseId)).toMatchObject([{ type: 'delivery.queued', actor_kind: 'system', data: { deliveryId: id, channelId: 'ablage' } }]);
    expect(await queuedJobs()).toEqual([{ tenantId: wurzen, deliveryId: id }]);
  });

  it('leaves no delivery, no event and no job when the business transaction rolls back', async () => {
    await queuedJobs();
    const caseId = await insertTestCase(t.db, wurzen);
    const payload = await storeDeliveryPayload(storage, wurzen, Buffer.from('<x/>'), { mediaType: 'application/xml', filename: 'x.xml' });
    await expect(
      t.db.withTenant(wurzen, async (trx) => {
        await createDelivery(trx, queue, { tenantId: wurzen, caseId, recipient: { id: 'ihk', displayName: 'IHK' }, channelId: 'ablage', payload, at: new Date() });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await findCaseDeliveries(t.db, wurzen, caseId)).toEqual([]);
    expect(await caseEventsOf(t.db, wurzen, caseId)).toEqual([]);
    expect(await queuedJobs()).toEqual([]);
  });

  it('creates one item per origin key', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const payload = await storeDeliveryPayload(storage, wurzen, Buffer.from('<x/>'), { mediaType: 'application/xml', filename: '../../x.xml' });
    const create = () =>
      t.db.withTenant(wurzen, (trx) =>
        createDelivery(trx, queue, { tenantId: wurzen, caseId, recipient: { id: 'hwk', displayName: 'HWK' }, channelId: 'ablage', payload, originKey: 'export:x:t1@2:hwk', at: new Date() }),
      );
    const first = await create();
    expect(await create()).toBe(first);
    const items = await findCaseDeliveries(t.db, wurzen, caseId);
    expect(items.map((d) => d.id)).toEqual([first]);
    expect(items[0]!.payload.filename).toBe('_.._x.xml');
  });

  it('refuses an unknown channel and malformed references with a message naming the field', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const payload = await storeDeliveryPayload(storage, wurzen, Buffer.from('<x/>'), { mediaType: 'application/xml', filename: 'x.xml' });
    const attempt = (input: Partial<Parameters<typeof createDelivery>[2]>) =>
      t.db.withTenant(wurzen, (trx) => createDelivery(trx, queue, { tenantId: wurzen, caseId, recipient: { id: 'ihk', displayName: 'IHK' }, channelId: 'ablage', payload, at: new Date(), ...input }));
    await expect(attempt({ channelId: 'gibt-es-nicht' })).rejects.toThrow('no delivery channel "gibt-es-nicht"');
    await expect(attempt({ recipient: { id: 'IHK Leipzig', displayName: 'IHK' } })).rejects.toThrow(DeliveryInputError);
    await expect(attempt({ payload: { ...payload, sha256: 'abc' } })).rejects.toThrow('payload.sha256');
  });

  it('keeps tenants apart: Bennewitz neither sees nor resends a Wurzen delivery, and cannot use its channel', async () => {
    const caseId = await insertTestCase(t.db, wurzen);
    const id = await queueTestDelivery({ db: t.db, queue, storage }, wurzen, caseId, { channelId: 'ablage' });
    expect(await findCaseDeliveries(t.db, bennewitz, caseId)).toEqual([]);
    const rows = await t.db.withTenant(bennewitz, (trx) => trx.selectFrom('deliveries').select('id').where('id', '=', id).execute());
    expect(rows).toEqual([]);
    const resend = resendDelivery({ db: t.db, queue, channels: createDeliveryChannelRegistry() }, { tenantId: bennewitz, caseId, deliveryId: id, staffId: caseId, now: new Date() });
    await expect(resend).rejects.toMatchObject({ code: 'delivery.not_found' });
    expect((await listTenantChannels(t.db, bennewitz)).map((c) => c.options)).toEqual([{ folder: 'bennewitz' }]);
    // Even a forged tenant id in a row is refused by row-level security.
    await expect(
      t.db.withTenant(bennewitz, (trx) =>
        trx.insertInto('tenant_delivery_channels').values({ tenant_id: wurzen, id: 'fremd', display_name: 'x', channel_type: 'demo', options: '{}' }).execute(),
      ),
    ).rejects.toThrow();
  });

  it('checks channel configurations against the plug-in’s options schema, naming the field in German and English', async () => {
    const registry = createDeliveryChannelRegistry();
    const problems = channelConfigProblems(registry, { id: 'IHK', displayName: ' ', channelType: 'http-post', options: { url: 'http://ihk.example/x' } });
    expect(problems.map((p) => p.path)).toEqual(['id', 'displayName', 'options']);
    expect(problems[2]!.message.de).toContain('https');
    expect(channelConfigProblems(registry, { id: 'x', displayName: 'X', channelType: 'fax', options: {} })[0]!.message).toMatchObject({
      de: expect.stringContaining('Unbekannter Kanaltyp „fax“'),
      en: expect.stringContaining('Unknown channel type "fax"'),
    });
    const failure = await t.db
      .withTenant(wurzen, (trx) => configureDeliveryChannel(trx, registry, wurzen, { id: 'x', displayName: 'X', channelType: 'file-drop', options: { folder: '/etc' } }, new Date()))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('validation.failed');
    expect((failure as AppError).fieldErrors[0]!.path).toBe('options');
  });
});
