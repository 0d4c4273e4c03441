/**
 * B5: from submission to receipt and deliveries. The platform runs as in production on
 * PostgreSQL — one web process and two worker processes (`rathaus web`, `rathaus worker`, one
 * per core) — with every founding municipality delivering to its Gewerbe recipients through a
 * file-drop folder. Each repetition sends a burst of complete Gewerbe-Anmeldungen (the B1 load
 * for a second) and a trickle of one every half second, and reads from the database when
 * each case had its receipt PDF stored and its deliveries built. Baseline in the same run:
 * receipt PDFs rendered per second by one idle Node process.
 */
import { startApp, type AppProcess } from '../lib/app-process.js';
import { CLIENTS, WARMUP_SECONDS } from '../lib/bench-config.js';
import { cpuMsOf, pacedSubmissions, waitForPipeline, type PipelineTimes } from '../lib/b5-pipeline.js';
import { receiptRenderRate } from '../lib/b5-render.js';
import { configureGewerbeDeliveries } from '../lib/b5-setup.js';
import { createInstallation } from '../lib/installation.js';
import { withLoadGenerator, type LoadGenerator } from '../lib/load.js';
import { measurement, repeat } from '../lib/measure.js';
import { queryServer } from '../lib/postgres-admin.js';
import type { BenchContext, BenchScenario, ScenarioResult } from '../lib/scenario.js';
import { percentile } from '../lib/stats.js';
import { submissionLoad, submissionTenants } from '../lib/submission-load.js';
import { openDatabase } from '../../src/platform/db/database.js';

const SIZES = {
  quick: { burstSeconds: 1, clients: 8, paced: 2, drainSeconds: 45, renderSeconds: 0.5 },
  full: { burstSeconds: 1, clients: CLIENTS, paced: 8, drainSeconds: 150, renderSeconds: 2 },
} as const;

/** Issue 7's target. */
const TARGET_CASES_PER_SECOND = 50;
/** One trickle submission every this many ms. */
const PACE_MS = 500;

interface Repetition {
  burst: PipelineTimes;
  submittedPerSecond: number;
  paced: PipelineTimes;
  workerCpuMsPerCase: number;
  renderRate: number;
}

const casesPerSecond = (t: PipelineTimes) => t.done / Math.max(0.001, (t.lastDone - t.firstSubmitted) / 1000);

/**
 * The B1 load with the municipalities in another order for each run: the load generator numbers
 * its applicants from 0 in every run, and the same person with the same business again in the
 * same town is a possible duplicate (gewerbe.duplicates) that goes to a caseworker instead of
 * getting its receipt — in another town it is a new registration.
 */
function burstLoad(webUrl: string, seconds: number, clients: number, run: number) {
  const spec = { ...submissionLoad([webUrl], seconds, true), connections: clients };
  const tenants = submissionTenants();
  const rotated = [...tenants.slice(run % tenants.length), ...tenants.slice(0, run % tenants.length)];
  return spec.request.kind === 'gewerbe-submission' ? { ...spec, request: { ...spec.request, tenants: rotated } } : spec;
}

async function oneRepetition(ctx: BenchContext, load: LoadGenerator, web: AppProcess, workers: AppProcess[], databaseUrl: string, run: number): Promise<Omit<Repetition, 'renderRate'>> {
  const size = SIZES[ctx.size];
  const cpuBefore = workers.reduce((sum, w) => sum + cpuMsOf(w.appPid), 0);
  const sent = await load.run({ ...burstLoad(web.url, size.burstSeconds, size.clients, run), runId: `b5r${run}` });
  ctx.progress(`B5: ${sent.references.length} submitted, waiting for receipts and deliveries`);
  const burst = await waitForPipeline(databaseUrl, sent.references, size.drainSeconds * 1000);
  const workerCpuMsPerCase = (workers.reduce((sum, w) => sum + cpuMsOf(w.appPid), 0) - cpuBefore) / Math.max(1, burst.done);
  ctx.progress(`B5: a trickle of ${size.paced}, one every ${PACE_MS} ms`);
  const trickle = await pacedSubmissions(web.url, submissionTenants(), size.paced, PACE_MS, 100_000 + 1_000 * run);
  const paced = await waitForPipeline(databaseUrl, trickle, size.drainSeconds * 1000);
  return { burst, submittedPerSecond: sent.requestsPerSecond, paced, workerCpuMsPerCase };
}

async function run(ctx: BenchContext): Promise<ScenarioResult> {
  const size = SIZES[ctx.size];
  const result: ScenarioResult = { measurements: [], comparisons: [], notes: [], checks: [] };
  const installation = await createInstallation(ctx.workDir, 'b5', ctx.postgresUrl);
  const processes: AppProcess[] = [];
  try {
    ctx.progress('B5: starting the web process (migrates and seeds)');
    const web = await startApp({ role: 'web', installation });
    processes.push(web);
    const databaseUrl = installation.databaseUrl!;
    const db = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 });
    try {
      await configureGewerbeDeliveries(db, new Date());
    } finally {
      await db.close();
    }
    // Started after the web process has migrated: three processes migrating an empty database
    // at once took longer than one after the other (measured in quick runs).
    ctx.progress('B5: starting two worker processes');
    const workers = await Promise.all([startApp({ role: 'worker', installation }), startApp({ role: 'worker', installation })]);
    processes.push(...workers);

    const reps = await withLoadGenerator(async (load) => {
      // A quick run has no warm-up: it shows that the pipeline works, not its speed.
      if (WARMUP_SECONDS[ctx.size] > 0) {
        ctx.progress('B5: warming up');
        // A small burst: enough to warm up code and pools, without a long drain of the backlog.
        const warm = await load.run({ ...burstLoad(web.url, 1, 8, 0), runId: 'b5w' });
        await waitForPipeline(databaseUrl, warm.references, size.drainSeconds * 1000);
      }
      return repeat(ctx, 'B5: a burst and a trickle of Gewerbe-Anmeldungen', async (i) => {
        const rep = await oneRepetition(ctx, load, web, workers, databaseUrl, i);
        // The baseline while the workers are idle, on a case of this run.
        const [sample] = await queryServer<{ tenant_id: string; id: string }>(databaseUrl, `SELECT tenant_id, id FROM cases ORDER BY submitted_at DESC LIMIT 1`);
        const renderDb = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 1 });
        try {
          return { ...rep, renderRate: await receiptRenderRate(renderDb, sample!.tenant_id, sample!.id, 'http://127.0.0.1', size.renderSeconds) };
        } finally {
          await renderDb.close();
        }
      });
    });

    result.measurements.push(
      measurement('cases-per-second', 'Cases/s from submission to receipt stored and deliveries built (burst, 1 web + 2 workers)', 'cases/s', 'higher', reps.map((r) => casesPerSecond(r.burst))),
      measurement('burst-p50', 'End-to-end latency in the burst, p50 (includes the wait behind the burst)', 'ms', 'lower', reps.map((r) => percentile(r.burst.latencies, 50))),
      measurement('burst-p99', 'End-to-end latency in the burst, p99', 'ms', 'lower', reps.map((r) => percentile(r.burst.latencies, 99))),
      measurement('trickle-p50', `End-to-end latency, one submission every ${PACE_MS} ms, p50`, 'ms', 'lower', reps.map((r) => percentile(r.paced.latencies, 50))),
      measurement('trickle-p99', `End-to-end latency, one submission every ${PACE_MS} ms, p99`, 'ms', 'lower', reps.map((r) => percentile(r.paced.latencies, 99))),
      measurement('worker-cpu-per-case', 'Worker CPU time per case (both workers, burst)', 'ms', 'lower', reps.map((r) => r.workerCpuMsPerCase)),
      measurement('burst-submissions-per-second', `Submissions/s acknowledged during the burst (${size.clients} clients)`, 'submissions/s', 'higher', reps.map((r) => r.submittedPerSecond)),
      measurement('receipt-pdfs-per-second', 'Baseline: receipt PDFs rendered per second by one idle Node process', 'PDFs/s', 'higher', reps.map((r) => r.renderRate)),
    );
    result.comparisons.push(
      { label: 'Cases/s through the pipeline against bare receipt rendering', measurement: 'cases-per-second', baseline: 'receipt-pdfs-per-second', target: { op: '>=', value: TARGET_CASES_PER_SECOND, text: `≥ ${TARGET_CASES_PER_SECOND} cases/s` } },
      { label: 'Trickle latency p99', measurement: 'trickle-p99' },
    );
    for (const [what, times] of reps.flatMap((r, i) => [[`burst ${i + 1}`, r.burst], [`trickle ${i + 1}`, r.paced]] as const)) {
      if (times.done < times.total) result.checks.push({ name: `B5 every acknowledged case of the ${what} got its receipt and deliveries within ${size.drainSeconds} s`, ok: false, detail: `${times.done} of ${times.total}` });
    }
    result.checks.push({ name: 'B5 every acknowledged case got its receipt and deliveries', ok: reps.every((r) => r.burst.done === r.burst.total && r.paced.done === r.paced.total), detail: reps.map((r) => `${r.burst.done}/${r.burst.total} + ${r.paced.done}/${r.paced.total}`).join('; ') });
    const [deliveries] = await queryServer<{ per_case: string }>(databaseUrl, `SELECT round(count(*)::numeric / nullif(count(DISTINCT case_id), 0), 1)::text AS per_case FROM deliveries`);
    const [retried] = await queryServer<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM pgboss.job WHERE retry_count > 0`);
    const reruns = workers.reduce((sum, w) => sum + w.output().split('job run again after a transaction conflict').length - 1, 0);
    const [review] = await queryServer<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM cases WHERE state = 'in-review'`);
    result.notes.push(
      `Over the run: ${reruns} job runs repeated at once after PostgreSQL broke a deadlock, ${retried?.n ?? 0} jobs retried by the retry policy, ${review?.n ?? 0} cases sent to a caseworker instead of the automatic receipt.`,
    );
    result.notes.push(
      `${ctx.size === 'quick' ? `Quick size: a ${size.burstSeconds} s burst from ${size.clients} clients and ${size.paced} trickle submissions, without a warm-up. ` : ''}` +
        `One web process and two worker processes on PostgreSQL, as in production; JOB_POLLING_SECONDS at its default (2 s): an idle worker looks for a new job at that interval, a busy one takes the next at once. ` +
        `Per case the workers run the rules and automatic steps (issue-receipt, transmit: XGewerbeanzeige messages built and stored, ${deliveries?.per_case ?? '?'} deliveries per case), render and store the receipt PDF, send two mails and deliver each message to the file-drop folder. ` +
        `Throughput = cases of the burst / (last done − first submitted); the web process and the load generator share the two cores with the workers during the burst. ` +
        `The trickle shows the latency without a queue: its p50 is mostly the two polling waits (submission → rules, rules → receipt).`,
    );
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await installation.close();
  }
  return result;
}

export const scenario: BenchScenario = {
  id: 'B5',
  title: 'Pipeline: submission to receipt PDF and deliveries',
  description:
    'Complete Gewerbe-Anmeldungen through the JSON API of a web process while two worker processes turn them into cases with a stored receipt PDF and built deliveries (XGewerbeanzeige to IHK, Finanzamt, DGUV … on a file-drop channel): cases per second through the workers for a burst of the B1 load, and end-to-end latency (p50/p99, from the acknowledged submission to receipt and deliveries) in the burst and for a trickle of one submission every half second; baseline: receipt PDFs per second rendered by one idle Node process in the same run.',
  run,
};
