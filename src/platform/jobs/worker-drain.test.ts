/**
 * A worker works a queue off job after job: pg-boss waits its polling interval after every
 * fetch, also one that found a job, so without the worker's nudge a backlog moved at one job
 * per interval and queue (benchmark B5: half a case per second). The interval here is a minute,
 * so a worker that pauses between jobs cannot finish three within the wait. And a run that
 * PostgreSQL rolled back to break a deadlock runs again at once, in the same attempt.
 */
import { Type } from '@sinclair/typebox';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../app.js';
import { loadSettings } from '../../config/settings.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { defineJob } from './job.js';
import { createJobQueue, type JobQueue } from './job-queue.js';
import { startWorker, type Worker } from './worker.js';

const log = pino({ level: 'silent' });
const done: string[] = [];

const countJob = defineJob({
  name: 'test.count',
  payloadSchema: Type.Object({ n: Type.String() }),
  async handler({ n }) {
    done.push(n);
  },
});

const conflictRuns: number[] = [];
const deadlockedOnce = defineJob({
  name: 'test.deadlocked-once',
  payloadSchema: Type.Object({}),
  async handler(_payload, ctx) {
    conflictRuns.push(ctx.job.attempt);
    if (conflictRuns.length === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
  },
});

let testDb: TestDatabase;
let queue: JobQueue;
let worker: Worker | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
  queue = await createJobQueue(testDb.db, { jobs: [countJob, deadlockedOnce], log, pollingIntervalSeconds: 60 });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await queue?.stop();
  await testDb?.drop();
});

it('runs the jobs waiting in a queue one after another, without a polling pause between them', async () => {
  for (const n of ['1', '2', '3']) await queue.enqueue(countJob, { n });
  await queue.enqueue(deadlockedOnce, {});
  worker = await startWorker(queue, [countJob, deadlockedOnce], { db: testDb.db, settings: loadSettings({ NODE_ENV: 'test' }), clock: systemClock, log, pollingIntervalSeconds: 60 });
  await waitFor(async () => done.length === 3, 30_000, 'three queued jobs done');
  expect([...done].sort()).toEqual(['1', '2', '3']);
});

it('runs a job again at once, in the same attempt, when PostgreSQL broke a deadlock by rolling it back', async () => {
  await waitFor(async () => conflictRuns.length === 2, 30_000, 'the deadlocked job run again');
  // Both runs are attempt 1: the retry policy (30 s and more) was not needed.
  expect(conflictRuns).toEqual([1, 1]);
});
