/**
 * B1: complete Gewerbe-Anmeldungen through the real HTTP endpoint (the JSON API), 32 concurrent
 * clients, on PostgreSQL (a web process; in production the workers run apart, see B7) and on
 * PGlite (the embedded single process with its worker, as `npm start` runs it).
 */
import { startApp, type AppProcess } from '../lib/app-process.js';
import { CLIENTS } from '../lib/bench-config.js';
import { createInstallation, type BenchInstallation } from '../lib/installation.js';
import { withLoadGenerator, type LoadGenerator } from '../lib/load.js';
import { errorNote, measurement, type LoadSeries } from '../lib/measure.js';
import { queryServer } from '../lib/postgres-admin.js';
import type { BenchContext, BenchScenario, Measurement, ScenarioResult } from '../lib/scenario.js';
import { measureSubmissions } from '../lib/submission-load.js';

function figures(series: LoadSeries, key: string, where: string): Measurement[] {
  return [
    measurement(`${key}-per-second`, `Submissions/s (${where}, ${CLIENTS} clients)`, 'submissions/s', 'higher', series.requestsPerSecond),
    measurement(`${key}-p50`, `p50 latency (${where})`, 'ms', 'lower', series.p50),
    measurement(`${key}-p99`, `p99 latency (${where})`, 'ms', 'lower', series.p99),
    measurement(`${key}-errors`, `Errors (${where})`, 'count', 'lower', series.errors),
  ];
}

interface Setup {
  key: 'postgres' | 'pglite';
  where: string;
  installation: BenchInstallation;
  app: AppProcess;
}

async function measureOn(ctx: BenchContext, load: LoadGenerator, { key, where, installation, app }: Setup, result: ScenarioResult): Promise<void> {
  const runIdPrefix = `b1${key}`;
  const series = await measureSubmissions(ctx, load, where, [app.url], runIdPrefix);
  result.measurements.push(...figures(series, key, where));
  const note = errorNote(where, series);
  if (note) result.notes.push(note);
  if (installation.databaseUrl) {
    // Every 201 must be a case in the database (the superuser of the bench's URL reads past row-level security).
    const acknowledged = series.runs.reduce((a, r) => a + r.completed, 0);
    const [row] = await queryServer<{ n: number }>(installation.databaseUrl, 'SELECT count(*)::int AS n FROM cases WHERE idempotency_key LIKE $1', [`bench-${runIdPrefix}%`]);
    result.checks.push({ name: `every acknowledged submission is a case (${where})`, ok: (row?.n ?? 0) >= acknowledged, detail: `${acknowledged} acknowledged in the measured repetitions, ${row?.n ?? 0} cases incl. warm-up` });
  }
}

export const scenario: BenchScenario = {
  id: 'B1',
  title: 'Submissions: complete Gewerbe-Anmeldungen through the API',
  description:
    'Complete Gewerbe-Anmeldungen (GewA1, about 40 answers, full validation; case, first event, jobs and confirmation mail in one transaction) posted to POST /api/v1/{municipality}/services/gewerbe-anmeldung/applications by 32 concurrent clients from a separate autocannon process, each with a new applicant and Idempotency-Key, the five founding municipalities taking turns; only 201 counts as success. On PostgreSQL a web process alone (workers run apart in production); on PGlite the embedded process with its worker, as `npm start` runs it.',
  async run(ctx) {
    const result: ScenarioResult = { measurements: [], comparisons: [], notes: [], checks: [] };
    const [postgres, pglite] = await Promise.all([createInstallation(ctx.workDir, 'postgres', ctx.postgresUrl), createInstallation(ctx.workDir, 'pglite')]);
    const running: AppProcess[] = [];
    try {
      // Both start together (the start is not measured here); each is measured while the other idles or is stopped.
      ctx.progress('starting a web process on PostgreSQL and the embedded process on PGlite');
      const [web, embedded] = await Promise.all([startApp({ role: 'web', installation: postgres }), startApp({ role: 'embedded', installation: pglite })]);
      running.push(web, embedded);
      await withLoadGenerator(async (load) => {
        await measureOn(ctx, load, { key: 'postgres', where: 'PostgreSQL', installation: postgres, app: web }, result);
        await web.stop();
        await measureOn(ctx, load, { key: 'pglite', where: 'PGlite, web + worker in one process', installation: pglite, app: embedded }, result);
      });
    } finally {
      // A short grace: the embedded process still works through the load's backlog of jobs, and
      // a graceful stop would wait for them although the installation is thrown away.
      await Promise.all(running.map((p) => p.stop(2_000)));
      await Promise.all([postgres.close(), pglite.close()]);
    }
    result.comparisons.push(
      { label: 'Submissions/s on PostgreSQL', measurement: 'postgres-per-second', baseline: 'B0:inserts-32', target: { op: '>=', value: 1000, text: '≥ 1,000 submissions/s' } },
      { label: 'p99 latency on PostgreSQL', measurement: 'postgres-p99', target: { op: '<', value: 100, text: '< 100 ms' } },
      { label: 'Errors on PostgreSQL', measurement: 'postgres-errors', target: { op: '<=', value: 0, text: 'none' } },
      { label: 'Submissions/s on PGlite', measurement: 'pglite-per-second', baseline: 'B0:inserts-32' },
      { label: 'Errors on PGlite', measurement: 'pglite-errors', target: { op: '<=', value: 0, text: 'none' } },
    );
    result.notes.push('Web processes run with NODE_ENV=production and LOG_LEVEL=warn (no per-request log lines); the PostgreSQL pool has its default size (DATABASE_POOL_SIZE=10).');
    return result;
  },
};
