/**
 * A worker works a queue off job after job: pg-boss waits its polling interval after every
 * fetch, also one that found a job, so without the worker's nudge a backlog moved at one job
 * per interval and queue (benchmark B5: half a case per second). The interval here is a minute,
 * so a worker that pauses between jobs cannot finish three within the wait.
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

let testDb: TestDatabase;
let queue: JobQueue;
let worker: Worker | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
  queue = await createJobQueue(testDb.db, { jobs: [countJob], log, pollingIntervalSeconds: 60 });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await queue?.stop();
  await testDb?.drop();
});

it('runs the jobs waiting in a queue one after another, without a polling pause between them', async () => {
  for (const n of ['1', '2', '3']) await queue.enqueue(countJob, { n });
  worker = await startWorker(queue, [countJob], { db: testDb.db, settings: loadSettings({ NODE_ENV: 'test' }), clock: systemClock, log, pollingIntervalSeconds: 60 });
  await waitFor(async () => done.length === 3, 30_000, 'three queued jobs done');
  expect([...done].sort()).toEqual(['1', '2', '3']);
});
