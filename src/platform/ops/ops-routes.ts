/**
 * Endpoints for the operator's machinery: `/healthz` (the process answers; no database, so a
 * slow database never gets a healthy process restarted), `/readyz` (send traffic here: the
 * database answers and its schema is the one this release expects) and `/metrics` (Prometheus).
 * Probes log at warn level only, so they do not flood the request log.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Settings } from '../../config/settings.js';
import type { Database } from '../db/database.js';
import { pendingMigrations, readMigrationFiles, type MigrationFile } from '../db/migrate.js';
import { AppError } from '../errors/app-error.js';
import { jobSchemaIsCurrent } from '../jobs/job-schema.js';
import { registerJobQueueGauge, type Metrics } from './metrics.js';

export interface OpsDeps {
  db: Database;
  metrics: Metrics;
  settings: Pick<Settings, 'runtime' | 'metricsToken'>;
  /** The migrations this release ships (default: the files in migrations/). */
  migrationFiles?: readonly MigrationFile[];
}

export type Readiness =
  | { status: 'ready' }
  | { status: 'unavailable'; reason: 'database_unreachable' | 'job_schema_outdated' }
  | { status: 'unavailable'; reason: 'migrations_pending'; pending: string[] };

const DATABASE_CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether this process should receive traffic, and if not, why (short, no internals). */
export async function checkReadiness(db: Database, files: readonly MigrationFile[]): Promise<Readiness> {
  let pending: string[];
  let jobsCurrent: boolean;
  try {
    [pending, jobsCurrent] = await withTimeout(Promise.all([pendingMigrations(db, [...files]), jobSchemaIsCurrent(db)]), DATABASE_CHECK_TIMEOUT_MS);
  } catch {
    return { status: 'unavailable', reason: 'database_unreachable' };
  }
  if (pending.length > 0) return { status: 'unavailable', reason: 'migrations_pending', pending };
  if (!jobsCurrent) return { status: 'unavailable', reason: 'job_schema_outdated' };
  return { status: 'ready' };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics: with METRICS_TOKEN set, only a matching bearer token (compared in
 * constant time); without it, anyone in development and test, and nobody in production.
 */
export function metricsAccess(settings: OpsDeps['settings'], authorization: string | undefined): 'granted' | 'unauthorized' | 'disabled' {
  if (!settings.metricsToken) return settings.runtime === 'production' ? 'disabled' : 'granted';
  const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (presented && timingSafeEqual(digest(presented), digest(settings.metricsToken))) return 'granted';
  return 'unauthorized';
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** Registers the endpoints and the request-duration metric for every response. */
export async function opsModule(app: FastifyInstance, deps: OpsDeps): Promise<void> {
  const files = deps.migrationFiles ?? readMigrationFiles();
  const { metrics } = deps;
  registerJobQueueGauge(metrics, deps.db);

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern keeps the label set small and free of tokens; unmatched URLs share one label.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => noStore(reply).send({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const readiness = await checkReadiness(deps.db, files);
    return noStore(reply)
      .status(readiness.status === 'ready' ? 200 : 503)
      .send(readiness);
  });

  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    const access = metricsAccess(deps.settings, request.headers.authorization);
    if (access === 'disabled') throw new AppError('http.not_found');
    if (access === 'unauthorized') {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('auth.required');
    }
    return noStore(reply).type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
