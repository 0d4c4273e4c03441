/**
 * The job queue: pg-boss on our own database. Every process that enqueues (web) or works (worker)
 * opens one; the schema was installed by the owner during migration, so pg-boss starts with
 * `migrate: false` as the application role and only makes sure the registered queues exist.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database, Trx } from '../db/database.js';
import { retryPolicyOf, type AnyJobDefinition, type JobDefinition } from './job.js';
import { JOB_SCHEMA } from './job-schema.js';
import { databaseAdapter, InFlight, transactionAdapter } from './sql-adapter.js';

export interface EnqueueOptions {
  /**
   * The business transaction to enqueue in (transactional outbox): the job exists exactly when
   * the transaction commits. Always pass it when enqueueing inside `db.transaction`/`withTenant`.
   */
  trx?: Trx;
  /** Deduplicates waiting jobs only on queues with policy `short`, `singleton` or `stately`. */
  singletonKey?: string;
  /** Not before this moment, or this many seconds from now. */
  startAfter?: Date | number;
}

export interface JobQueue {
  /** Adds a job; returns its id, or null when the queue policy dropped it as a duplicate. */
  enqueue<S extends TSchema>(job: JobDefinition<S>, payload: Static<S>, options?: EnqueueOptions): Promise<string | null>;
  /** The registered jobs by name. */
  readonly jobs: ReadonlyMap<string, AnyJobDefinition>;
  /** The pg-boss instance, for the worker and for tests that inspect jobs. */
  readonly boss: PgBoss;
  /** Statements pg-boss has started and not finished; stop waits for them. */
  readonly inFlight: InFlight;
  /** Stops polling and maintenance, waits up to `timeoutMs` for pending statements; the database stays open. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobQueueOptions {
  jobs: readonly AnyJobDefinition[];
  log: FastifyBaseLogger;
  /** Expiry/archive maintenance and cron schedules; on in worker processes, off in web-only ones. */
  supervise?: boolean;
  /** How often an idle worker asks for new jobs. */
  pollingIntervalSeconds?: number;
}

/** Resolves true once `isIdle()` holds (checked between macrotasks), false after `timeoutMs`. */
export async function waitUntilIdle(isIdle: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A timer between checks lets every pending promise chain (fetch → handler) run first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (isIdle()) return true;
    if (Date.now() >= deadline) return false;
  }
}

function payloadProblem(job: AnyJobDefinition, payload: unknown): string | null {
  if (Value.Check(job.payloadSchema, payload)) return null;
  const first = Value.Errors(job.payloadSchema, payload).First();
  return `Invalid payload for job ${job.name}: ${first ? `${first.path || '/'} ${first.message}` : 'does not match its schema'}`;
}

/**
 * Runs `fn` again when PostgreSQL broke a deadlock by aborting it. Processes that start at the
 * same time on a fresh database (several web and worker copies) each create the queues, and
 * pg-boss's create_queue inserts into its queue table and then adds a foreign key to it, so two
 * of them can deadlock; the retry finds the queue the other one created.
 */
async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if ((e as { code?: string }).code !== '40P01' || attempt >= attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** Opens the queue and ensures a pg-boss queue (with the retry policy) exists for every registered job. */
export async function createJobQueue(db: Database, options: JobQueueOptions): Promise<JobQueue> {
  const registry = new Map<string, AnyJobDefinition>();
  for (const job of options.jobs) {
    if (registry.has(job.name)) throw new Error(`Job ${job.name} is registered twice`);
    registry.set(job.name, job);
  }
  const inFlight = new InFlight();
  const supervise = options.supervise ?? false;
  const boss = new PgBoss({
    db: databaseAdapter(db, inFlight),
    schema: JOB_SCHEMA,
    migrate: false,
    supervise,
    schedule: supervise,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
  });
  // pg-boss is an EventEmitter: an unobserved 'error' event would crash the process.
  boss.on('error', (err) => options.log.error({ err }, 'job queue error'));
  await boss.start();
  for (const job of registry.values()) {
    const queue = { name: job.name, policy: job.policy ?? 'standard', ...retryPolicyOf(job), ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}) };
    await retryOnDeadlock(() => boss.createQueue(job.name, queue));
    // createQueue leaves an existing queue alone; keep its policy in step with the code.
    await retryOnDeadlock(() => boss.updateQueue(job.name, queue));
  }

  return {
    jobs: registry,
    boss,
    inFlight,
    async enqueue(job, payload, opts = {}) {
      if (registry.get(job.name) !== job) throw new Error(`Job ${job.name} is not registered with this queue`);
      const problem = payloadProblem(job, payload);
      if (problem) throw new Error(problem);
      const send: PgBoss.SendOptions = {};
      if (opts.singletonKey !== undefined) send.singletonKey = opts.singletonKey;
      if (opts.startAfter !== undefined) send.startAfter = opts.startAfter;
      if (opts.trx) send.db = transactionAdapter(opts.trx);
      return boss.send(job.name, payload as object, send);
    },
    async stop(timeoutMs = 5_000) {
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 1_000 });
      await waitUntilIdle(() => inFlight.size === 0, timeoutMs);
    },
  };
}

/** Checks a payload read back from the queue (the worker calls this before the handler). */
export function assertPayload(job: AnyJobDefinition, payload: unknown): void {
  const problem = payloadProblem(job, payload);
  if (problem) throw new Error(problem);
}
