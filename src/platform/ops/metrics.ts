/**
 * Prometheus metrics. Each app (and each test) builds its own registry: prom-client's global
 * default registry would be a module-level singleton shared by every app in the process.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import { JOB_SCHEMA } from '../jobs/job-schema.js';

export interface Metrics {
  registry: Registry;
  /** Request duration by route pattern (never the raw URL), method and status. */
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  /** Job runs finished in this process, by job name and outcome (`completed` or `failed`). */
  jobRuns: Counter<'job' | 'outcome'>;
  jobDuration: Histogram<'job'>;
}

/** A fresh registry with the platform's metrics; `processMetrics` adds CPU, memory, event loop, GC. */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'rathaus_http_request_duration_seconds',
      help: 'Duration of HTTP requests by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobRuns: new Counter({
      name: 'rathaus_job_runs_total',
      help: 'Job runs finished in this process, by job and outcome.',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'rathaus_job_duration_seconds',
      help: 'Duration of job runs in this process, by job.',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers,
    }),
  };
}

/**
 * Jobs waiting, running and finished per job and state, read from the queue tables at scrape
 * time: the truth for all worker processes together, whichever process is scraped.
 */
export function registerJobQueueGauge(metrics: Metrics, db: Database): void {
  new Gauge({
    name: 'rathaus_jobs',
    help: 'Jobs in the queue tables by job and state (all processes).',
    labelNames: ['job', 'state'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      try {
        const rows = await db.sql.query<{ name: string; state: string; n: number }>(
          `SELECT name, state::text AS state, count(*)::int AS n FROM ${JOB_SCHEMA}.job GROUP BY name, state`,
        );
        for (const r of rows.rows) this.set({ job: r.name, state: r.state }, Number(r.n));
      } catch {
        // An unreachable database shows in /readyz; the scrape still returns the other metrics.
      }
    },
  });
}
