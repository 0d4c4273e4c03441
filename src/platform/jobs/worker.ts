/**
 * The worker: runs the handlers of registered jobs as pg-boss hands them out (claimed with
 * `FOR UPDATE SKIP LOCKED`, so any number of worker processes can share one database), and
 * registers the cron schedules of recurring jobs. A failed run is retried by the job's policy.
 */
import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Clock } from '../../app.js';
import type { Settings } from '../../config/settings.js';
import type { Database } from '../db/database.js';
import { createMailTransport, type MailTransport } from '../mail/mail-transport.js';
import { createStorageFromSettings } from '../storage/create-storage.js';
import type { FileStorage } from '../storage/file-storage.js';
import { resolveAppSecret } from '../secret.js';
import type { ServicePackages } from '../../definitions/service-package.js';
import { allServicePackages } from '../../service-packages.js';
import type { Metrics } from '../ops/metrics.js';
import type { AnyJobDefinition, JobServices } from './job.js';
import { assertPayload, waitUntilIdle, type JobQueue } from './job-queue.js';

export interface WorkerContext {
  db: Database;
  settings: Settings;
  clock: Clock;
  log: FastifyBaseLogger;
  metrics?: Metrics;
  /** Outgoing mail (default: from SMTP_URL). */
  mail?: MailTransport;
  /** File storage (default: from STORAGE_DRIVER). */
  storage?: FileStorage;
  /** The application secret (default: APP_SECRET or the one kept in DATA_DIR). */
  secret?: string;
  /** The procedures (default: the application's). */
  packages?: ServicePackages;
  /** How often an idle worker polls (seconds, at least 0.5); default from the settings. */
  pollingIntervalSeconds?: number;
}

export interface Worker {
  /** Stops taking jobs and waits up to `timeoutMs` for running ones; true when all finished. */
  stop(timeoutMs: number): Promise<boolean>;
}

const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** PostgreSQL's codes for a transaction it rolled back to resolve a conflict: deadlock, serialization failure. */
const TRANSIENT_CONFLICTS = new Set(['40P01', '40001']);
/** How often a handler runs again at once after such a rollback before the retry policy takes over. */
const CONFLICT_RERUNS = 3;

function isTransientConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && TRANSIENT_CONFLICTS.has(String((err as { code?: unknown }).code));
}

/** Starts working on `jobs` (each must be registered with `queue`). */
export async function startWorker(queue: JobQueue, jobs: readonly AnyJobDefinition[], ctx: WorkerContext): Promise<Worker> {
  const services: JobServices = {
    db: ctx.db,
    settings: ctx.settings,
    clock: ctx.clock,
    queue,
    log: ctx.log,
    mail: ctx.mail ?? createMailTransport({ smtpUrl: ctx.settings.smtpUrl, from: ctx.settings.mailFrom }),
    storage: ctx.storage ?? createStorageFromSettings(ctx.settings),
    secret: ctx.secret ?? resolveAppSecret(ctx.settings),
    packages: ctx.packages ?? allServicePackages(ctx.settings),
  };
  const running = new Set<Promise<void>>();

  const run = async (job: AnyJobDefinition, claimed: PgBoss.JobWithMetadata<unknown>): Promise<void> => {
    const attempt = claimed.retryCount + 1;
    const log = ctx.log.child({ job: job.name, jobId: claimed.id, attempt });
    const endTimer = ctx.metrics?.jobDuration.startTimer({ job: job.name });
    try {
      assertPayload(job, claimed.data);
      for (let rerun = 1; ; rerun++) {
        try {
          await job.handler(claimed.data, { ...services, log, job: { id: claimed.id, name: job.name, attempt } });
          break;
        } catch (err) {
          // PostgreSQL rolled the handler's transaction back to break a deadlock (a tenant's
          // event-chain lock against case or delivery rows held by another job): handlers are
          // idempotent, so run it again now instead of after the retry policy's 30 s, which
          // held whole pipelines up under two workers (benchmark B5).
          if (!isTransientConflict(err) || rerun > CONFLICT_RERUNS) throw err;
          log.info({ code: (err as { code: string }).code, rerun }, 'job run again after a transaction conflict');
          await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 90));
        }
      }
      ctx.metrics?.jobRuns.inc({ job: job.name, outcome: 'completed' });
    } catch (err) {
      ctx.metrics?.jobRuns.inc({ job: job.name, outcome: 'failed' });
      log.warn({ err, willRetry: claimed.retryCount < claimed.retryLimit }, 'job run failed');
      throw err; // pg-boss records the failure and schedules the retry
    } finally {
      endTimer?.();
    }
  };

  const pollingIntervalSeconds = ctx.pollingIntervalSeconds ?? ctx.settings.jobPollingSeconds;
  for (const job of jobs) {
    if (queue.jobs.get(job.name) !== job) throw new Error(`Job ${job.name} is not registered with the queue`);
    let workerId: string | undefined;
    workerId = await queue.boss.work<unknown>(job.name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds }, async ([claimed]) => {
      const p = run(job, claimed!);
      running.add(p);
      const forget = () => running.delete(p);
      p.then(forget, forget);
      // pg-boss waits a whole polling interval after every fetch, also one that found a job: one
      // job per queue every JOB_POLLING_SECONDS (benchmark B5: half a case per second). After a
      // job the next is fetched at once; only an empty queue waits for the interval.
      return p.finally(() => {
        if (workerId !== undefined) queue.boss.notifyWorker(workerId);
      });
    });
  }

  // Schedules live in the database: add the current ones, drop those of jobs that are gone.
  const scheduled = new Set<string>();
  for (const job of jobs) {
    if (!job.schedule) continue;
    await queue.boss.schedule(job.name, job.schedule.cron, {}, { tz: job.schedule.tz ?? DEFAULT_TIME_ZONE });
    scheduled.add(job.name);
  }
  for (const existing of await queue.boss.getSchedules()) {
    const stillScheduled = scheduled.has(existing.name) || queue.jobs.get(existing.name)?.schedule !== undefined;
    if (!stillScheduled) await queue.boss.unschedule(existing.name);
  }

  return {
    async stop(timeoutMs) {
      for (const job of jobs) await queue.boss.offWork(job.name);
      return waitUntilIdle(() => running.size === 0, timeoutMs);
    },
  };
}
