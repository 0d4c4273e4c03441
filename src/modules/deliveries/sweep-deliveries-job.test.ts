import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { configureTestChannel, queueTestDelivery } from '../../../test/support/delivery-kit.js';
import { TestClock } from '../../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { JobContext } from '../../platform/jobs/job.js';
import { createJobQueue, type JobQueue } from '../../platform/jobs/job-queue.js';
import { createMemoryStorage } from '../../platform/storage/demo-storage.js';
import { SENDING_STALE_SECONDS } from './delivery-policy.js';
import { sendDeliveryJob } from './send-delivery-job.js';
import { OVERDUE_MINUTES, sweepDeliveriesJob } from './sweep-deliveries-job.js';

describe('deliveries.sweep', () => {
  let t: TestDatabase;
  let queue: JobQueue;
  const storage = createMemoryStorage();
  const clock = new TestClock(new Date('2026-11-30T09:00:00Z'));

  beforeAll(async () => {
    t = await createTestDatabase();
    queue = await createJobQueue(t.db, { jobs: [sendDeliveryJob, sweepDeliveriesJob], log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await queue?.stop();
    await t?.drop();
  });

  const context = () => ({ db: t.db, queue, clock, log: pino({ level: 'silent' }) }) as Partial<JobContext> as JobContext;
  const queued = async () => (await queue.boss.fetch<{ deliveryId: string }>(sendDeliveryJob.name, { batchSize: 100 })).map((j) => j.data.deliveryId).sort();

  it('plans overdue and stale items of every tenant again, and leaves the rest alone', async () => {
    const ids: Record<string, string> = {};
    for (const slug of ['wurzen', 'bennewitz']) {
      const tenantId = await tenantIdOf(t.db, slug);
      await configureTestChannel(t.db, tenantId, { id: 'ablage', displayName: 'Ablage', channelType: 'file-drop', options: { folder: slug } });
      const caseId = await insertTestCase(t.db, tenantId);
      const make = () => queueTestDelivery({ db: t.db, queue, storage }, tenantId, caseId, { channelId: 'ablage', at: clock.now() });
      const [overdue, stale, fresh, delivered, waiting] = [await make(), await make(), await make(), await make(), await make()];
      const long = new Date(clock.now().getTime() - (OVERDUE_MINUTES + 1) * 60_000);
      await t.db.withTenant(tenantId, async (trx) => {
        const set = (id: string, values: Record<string, unknown>) => trx.updateTable('deliveries').set(values).where('id', '=', id).execute();
        await set(overdue!, { status: 'failed', next_attempt_at: long });
        await set(stale!, { status: 'sending', sending_since: new Date(clock.now().getTime() - SENDING_STALE_SECONDS * 1000 - 1) });
        await set(delivered!, { status: 'delivered', next_attempt_at: null, delivered_at: long });
        await set(waiting!, { status: 'failed', next_attempt_at: null });
      });
      Object.assign(ids, { [`${slug}-overdue`]: overdue, [`${slug}-stale`]: stale, [`${slug}-fresh`]: fresh });
    }
    await queued(); // take the jobs the creation queued
    await sweepDeliveriesJob.handler({}, context());
    expect(await queued()).toEqual([ids['wurzen-overdue'], ids['wurzen-stale'], ids['bennewitz-overdue'], ids['bennewitz-stale']].sort());
  });
});
