/**
 * Starts and stops the processes of ARCHITECTURE.md §1 on the configured database: the web
 * process, the worker, or both in one (the embedded default). Used by `npm start` (main.ts),
 * `rathaus web` and `rathaus worker`.
 *
 * Stopping is graceful and bounded: the web server stops accepting connections and finishes
 * in-flight requests while the worker finishes its running jobs; then the queue and the database
 * close. Whatever is still running after SHUTDOWN_GRACE_SECONDS is cut off (exit code 1).
 */
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createApp, systemClock } from './app.js';
import type { Settings } from './config/settings.js';
import type { ServicePackages } from './definitions/service-package.js';
import { allJobs } from './job-registry.js';
import { allServicePackages } from './service-packages.js';
import { formatDemoAccounts } from './modules/tenants/demo-accounts.js';
import { seedPlatform } from './modules/tenants/seed.js';
import { databaseTargetFromSettings, openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { createJobQueue, type JobQueue } from './platform/jobs/job-queue.js';
import { startWorker, type Worker } from './platform/jobs/worker.js';
import { createMetrics } from './platform/ops/metrics.js';
import { resolveAppSecret } from './platform/secret.js';

export interface ProcessRoles {
  web: boolean;
  worker: boolean;
}

/** What a process may be given instead of the application's defaults. */
export interface ProcessOptions {
  /** The procedures (default: the application's); tests that spawn the real process pass fixtures. */
  packages?: ServicePackages;
}

export interface RunningProcess {
  /** The web application, when this process serves HTTP. */
  app?: FastifyInstance;
  /** Stops gracefully within the grace period; resolves true when everything finished in time. */
  stop(): Promise<boolean>;
}

async function stopAll(parts: { app?: FastifyInstance; worker?: Worker; queue?: JobQueue; db: Database }, graceMs: number): Promise<boolean> {
  const deadline = Date.now() + graceMs;
  const left = () => Math.max(0, deadline - Date.now());
  // Requests may still enqueue jobs while they finish, so the queue closes only after the app.
  const [, jobsFinished] = await Promise.all([parts.app?.close(), parts.worker?.stop(left()) ?? true]);
  await parts.queue?.stop(left());
  await parts.db.close();
  return jobsFinished;
}

/** Opens and migrates the database, then starts the requested roles. */
export async function startProcess(
  settings: Settings,
  roles: ProcessRoles,
  out: (text: string) => void = (t) => process.stdout.write(t),
  options: ProcessOptions = {},
): Promise<RunningProcess> {
  const started = Date.now();
  const secret = roles.web ? resolveAppSecret(settings) : '';
  const db = await openDatabase(databaseTargetFromSettings(settings));
  const parts: { app?: FastifyInstance; worker?: Worker; queue?: JobQueue; db: Database } = { db };
  try {
    await migrate(db);
    if (roles.web && settings.seedDemo) {
      const seeded = await seedPlatform(db, { demoStaff: true });
      if (seeded.demoAccounts.length > 0) out(formatDemoAccounts(seeded.demoAccounts));
    }
    // Built once and shared by jobs, worker and web: building the procedures (definitions,
    // schemas, workflows, templates) is the largest part of a start after loading the code.
    const servicePackages = options.packages ?? allServicePackages(settings);
    const jobs = allJobs({ documentTemplates: servicePackages.documentTemplates });
    const log = pino({ level: settings.logLevel, name: 'jobs' });
    const metrics = createMetrics();
    parts.queue = await createJobQueue(db, { jobs, log, supervise: roles.worker, pollingIntervalSeconds: settings.jobPollingSeconds });
    // The web app listens before the worker starts: after a restart with jobs waiting, the worker
    // would otherwise take the (embedded: only) database connection and the CPU first, and the
    // first page would wait for the backlog (benchmark B6).
    if (roles.web) {
      parts.app = await createApp({ settings, db, secret, queue: parts.queue, metrics, packages: servicePackages });
      await parts.app.listen({ port: settings.port, host: settings.host });
    }
    if (roles.worker) parts.worker = await startWorker(parts.queue, jobs, { db, settings, clock: systemClock, log, metrics, packages: servicePackages });
    if (parts.app) parts.app.log.info({ ms: Date.now() - started, database: db.kind, worker: roles.worker }, 'ready');
    else log.info({ ms: Date.now() - started, database: db.kind }, 'worker ready');
  } catch (e) {
    await stopAll(parts, settings.shutdownGraceSeconds * 1000).catch(() => undefined);
    throw e;
  }
  return { app: parts.app, stop: () => stopAll(parts, settings.shutdownGraceSeconds * 1000) };
}

/**
 * Runs the roles until SIGTERM or SIGINT, then stops gracefully. Resolves with the exit code:
 * 0 after a clean stop, 1 when the grace period ran out first.
 */
export async function runUntilSignalled(settings: Settings, roles: ProcessRoles, options: ProcessOptions = {}): Promise<number> {
  const running = await startProcess(settings, roles, undefined, options);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  process.stderr.write(`${signal} received, shutting down (at most ${settings.shutdownGraceSeconds} s)\n`);
  const cutOff = setTimeout(() => {
    process.stderr.write('Shutdown grace period over; exiting with work unfinished.\n');
    process.exit(1);
  }, settings.shutdownGraceSeconds * 1000);
  cutOff.unref();
  const finished = await running.stop();
  clearTimeout(cutOff);
  return finished ? 0 : 1;
}
