import { Type } from '@sinclair/typebox';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../app.js';
import { loadSettings } from '../../config/settings.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { APP_ROLE, type Database } from '../db/database.js';
import { createMailTransport } from '../mail/mail-transport.js';
import { createMetrics } from '../ops/metrics.js';
import { createMemoryStorage } from '../storage/demo-storage.js';
import { createServicePackages } from '../../definitions/service-package.js';
import { defineJob, RETRY_POLICY, type JobContext } from './job.js';
import { createJobQueue, type JobQueue } from './job-queue.js';
import { jobSchemaIsCurrent } from './job-schema.js';
import { purgeExpiredSessionsJob } from './purge-expired-sessions.js';
import { startWorker, type Worker } from './worker.js';

const log = pino({ level: 'silent' });
const settings = loadSettings({ NODE_ENV: 'test' });

// The effect the test jobs produce: one row per effect id (the idempotency key), a run counter.
const runs: { name: string; id: string; attempt: number }[] = [];

async function recordEffect(db: Database, id: string): Promise<void> {
  await db.sql.query(`INSERT INTO job_test_effects (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [id]);
}

const recordJob = defineJob({
  name: 'test.record-effect',
  payloadSchema: Type.Object({ effectId: Type.String() }),
  async handler({ effectId }, ctx) {
    runs.push({ name: ctx.job.name, id: effectId, attempt: ctx.job.attempt });
    await recordEffect(ctx.db, effectId);
  },
});

const flakyJob = defineJob({
  name: 'test.fail-once',
  payloadSchema: Type.Object({ effectId: Type.String() }),
  async handler({ effectId }, ctx) {
    runs.push({ name: ctx.job.name, id: effectId, attempt: ctx.job.attempt });
    if (ctx.job.attempt === 1) throw new Error('the recipient is down');
    await recordEffect(ctx.db, effectId);
  },
});

let release: () => void = () => {};
const slowJob = defineJob({
  name: 'test.wait-for-release',
  payloadSchema: Type.Object({ effectId: Type.String() }),
  async handler({ effectId }, ctx) {
    runs.push({ name: ctx.job.name, id: effectId, attempt: ctx.job.attempt });
    await new Promise<void>((resolve) => (release = resolve));
    await recordEffect(ctx.db, effectId);
  },
});

const testJobs = [recordJob, flakyJob, slowJob, purgeExpiredSessionsJob];

let testDb: TestDatabase;
let db: Database;
let queue: JobQueue;
let worker: Worker;
const metrics = createMetrics({ processMetrics: false });

async function effects(): Promise<string[]> {
  return (await db.sql.query<{ id: string }>('SELECT id FROM job_test_effects ORDER BY id')).rows.map((r) => r.id);
}

async function jobState(name: string, id: string) {
  return queue.boss.getJobById(name, id);
}

async function waitForState(name: string, id: string, state: string) {
  await vi.waitFor(
    async () => {
      expect((await jobState(name, id))?.state).toBe(state);
    },
    { timeout: 15_000, interval: 100 },
  );
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  await db.asOwner((o) => o.exec(`CREATE TABLE job_test_effects (id text PRIMARY KEY); GRANT SELECT, INSERT ON job_test_effects TO ${APP_ROLE}`));
  queue = await createJobQueue(db, { jobs: testJobs, log, supervise: true, pollingIntervalSeconds: 0.5 });
  worker = await startWorker(queue, testJobs, { db, settings, clock: systemClock, log, metrics, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await queue?.stop();
  await testDb?.drop();
});

describe('job queue', () => {
  it('was installed by the migration and is current', async () => {
    expect(await jobSchemaIsCurrent(db)).toBe(true);
  });

  it('processes an enqueued job as the application role', async () => {
    const id = await queue.enqueue(recordJob, { effectId: 'processed' });
    expect(id).toBeTruthy();
    await waitForState(recordJob.name, id!, 'completed');
    expect(await effects()).toContain('processed');
    expect(runs.find((r) => r.id === 'processed')).toMatchObject({ attempt: 1 });
    expect(await metrics.registry.getSingleMetricAsString('rathaus_job_runs_total')).toContain('job="test.record-effect",outcome="completed"} 1');
  });

  it('creates each queue with the platform retry policy', async () => {
    const q = await queue.boss.getQueue(recordJob.name);
    expect(q).toMatchObject({ retryLimit: RETRY_POLICY.retryLimit, retryDelay: RETRY_POLICY.retryDelay, retryBackoff: true });
  });

  it('refuses a payload that does not match the schema, and an unregistered job', async () => {
    await expect(queue.enqueue(recordJob, { effectId: 42 } as unknown as { effectId: string })).rejects.toThrow(/Invalid payload for job test\.record-effect: \/effectId/);
    const stranger = defineJob({ name: 'test.not-registered', payloadSchema: Type.Object({}), handler: async () => {} });
    await expect(queue.enqueue(stranger, {})).rejects.toThrow(/not registered/);
  });

  it('retries a failed run later, with backoff, and then completes it', async () => {
    const id = (await queue.enqueue(flakyJob, { effectId: 'flaky' }))!;
    await waitForState(flakyJob.name, id, 'retry');
    const afterFailure = await queue.boss.getJobById<unknown>(flakyJob.name, id);
    expect(afterFailure).toMatchObject({ retryCount: 0, retryLimit: RETRY_POLICY.retryLimit, retryBackoff: true });
    expect(afterFailure!.output).toMatchObject({ message: 'the recipient is down' });
    // Backoff: the retry waits at least the retry delay (the database decides, from its own clock).
    const wait = await db.sql.query<{ waits: boolean }>(`SELECT start_after >= now() + make_interval(secs => $2::int - 1) AS waits FROM pgboss.job WHERE id = $1`, [
      id,
      RETRY_POLICY.retryDelay,
    ]);
    expect(wait.rows[0]!.waits).toBe(true);
    expect(await effects()).not.toContain('flaky');

    // Let the backoff elapse without waiting for it.
    await db.asOwner((o) => o.query(`UPDATE pgboss.job SET start_after = now() WHERE id = $1`, [id]));
    await waitForState(flakyJob.name, id, 'completed');
    expect(runs.filter((r) => r.id === 'flaky').map((r) => r.attempt)).toEqual([1, 2]);
    expect(await effects()).toContain('flaky');
  });

  it('leaves one effect when a job runs twice (handlers are idempotent)', async () => {
    const a = (await queue.enqueue(recordJob, { effectId: 'twice' }))!;
    const b = (await queue.enqueue(recordJob, { effectId: 'twice' }))!;
    await waitForState(recordJob.name, a, 'completed');
    await waitForState(recordJob.name, b, 'completed');
    expect(runs.filter((r) => r.id === 'twice')).toHaveLength(2);
    expect((await effects()).filter((e) => e === 'twice')).toHaveLength(1);
  });

  it('enqueues inside a business transaction: rollback leaves no job, commit keeps it', async () => {
    const countJobs = async (effectId: string) =>
      (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'effectId' = $2`, [recordJob.name, effectId])).rows[0]!.n;

    await expect(
      db.transaction(async (trx) => {
        await queue.enqueue(recordJob, { effectId: 'rolled-back' }, { trx, startAfter: 3600 });
        throw new Error('the business command failed');
      }),
    ).rejects.toThrow('the business command failed');
    expect(await countJobs('rolled-back')).toBe(0);

    const id = await db.transaction(async (trx) => queue.enqueue(recordJob, { effectId: 'committed' }, { trx, startAfter: 3600 }));
    expect(await countJobs('committed')).toBe(1);
    expect((await jobState(recordJob.name, id!))?.state).toBe('created');
  });

  it('registers the cron schedule of recurring jobs', async () => {
    const schedules = await queue.boss.getSchedules();
    expect(schedules.find((s) => s.name === purgeExpiredSessionsJob.name)).toMatchObject({ cron: '17 * * * *' });
  });

  it('purges expired sessions and stale login counters, and a second run changes nothing', async () => {
    const now = new Date();
    const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    const user = await db.kysely
      .insertInto('staff_users')
      .values({ email: 'purge@rathaus.example', display_name: 'Purge Test', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('staff_sessions')
      .values([
        { token_hash: Buffer.from('live'), user_id: user.id, created_at: now, last_seen_at: now, expires_at: hours(5) },
        { token_hash: Buffer.from('expired'), user_id: user.id, created_at: hours(-12), last_seen_at: hours(-2), expires_at: hours(-2) },
        { token_hash: Buffer.from('idle'), user_id: user.id, created_at: hours(-3), last_seen_at: hours(-2), expires_at: hours(7) },
      ])
      .execute();
    await db.kysely
      .insertInto('login_throttle')
      .values([
        { key: 'fresh', failures: 2, window_started_at: now, blocked_until: null },
        { key: 'stale', failures: 2, window_started_at: hours(-1), blocked_until: null },
        { key: 'still-blocked', failures: 9, window_started_at: hours(-1), blocked_until: hours(1) },
      ])
      .execute();

    const ctx = {
      db,
      settings,
      clock: systemClock,
      queue,
      log,
      mail: createMailTransport({ from: 'test@example.org' }),
      storage: createMemoryStorage(),
      secret: 'x'.repeat(32),
      packages: createServicePackages([]),
      job: { id: 'direct', name: purgeExpiredSessionsJob.name, attempt: 1 },
    } satisfies JobContext;
    const remaining = async () => ({
      sessions: (await db.kysely.selectFrom('staff_sessions').select('token_hash').execute()).map((r) => Buffer.from(r.token_hash).toString()).sort(),
      throttles: (await db.kysely.selectFrom('login_throttle').select('key').execute()).map((r) => r.key).sort(),
    });
    const expected = { sessions: ['live'], throttles: ['fresh', 'still-blocked'] };

    const id = (await queue.enqueue(purgeExpiredSessionsJob, {}))!;
    await waitForState(purgeExpiredSessionsJob.name, id, 'completed');
    expect(await remaining()).toEqual(expected);
    await purgeExpiredSessionsJob.handler({}, ctx);
    expect(await remaining()).toEqual(expected);
  });

  it('runs pg-boss maintenance (expire, archive, drop) as the application role', async () => {
    const id = (await queue.enqueue(recordJob, { effectId: 'archived' }))!;
    await waitForState(recordJob.name, id, 'completed');
    // Completed long ago: maintenance moves it to the archive, inside one implicit transaction.
    await db.asOwner((o) => o.query(`UPDATE pgboss.job SET completed_on = now() - interval '30 days' WHERE id = $1`, [id]));
    await queue.boss.maintain();
    const where = async (table: string) => (await db.sql.query(`SELECT 1 FROM pgboss.${table} WHERE id = $1`, [id])).rows.length;
    expect([await where('job'), await where('archive')]).toEqual([0, 1]);
    // The session is usable afterwards (a failed script must not leave an open transaction).
    expect((await db.sql.query<{ n: number }>('SELECT 1 AS n')).rows[0]!.n).toBe(1);
  });

  it('lets a running job finish when the worker stops gracefully', async () => {
    const id = (await queue.enqueue(slowJob, { effectId: 'graceful' }))!;
    await vi.waitFor(() => expect(runs.some((r) => r.id === 'graceful')).toBe(true), { timeout: 15_000, interval: 50 });
    const stopped = worker.stop(10_000);
    setTimeout(() => release(), 200);
    expect(await stopped).toBe(true);
    await queue.stop();
    expect(await effects()).toContain('graceful');
    const row = await db.sql.query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE id = $1`, [id]);
    expect(row.rows[0]!.state).toBe('completed');
  });
});
