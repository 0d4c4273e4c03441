/**
 * Prometheus metrics. Each app (and each test) builds its own registry: prom-client's global
 * default registry would be a module-level singleton shared by every app in the process.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

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
