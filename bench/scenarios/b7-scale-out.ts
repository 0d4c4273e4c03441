/**
 * B7: two web processes and two worker processes (`rathaus web`, `rathaus worker`) against one
 * PostgreSQL database under the B1 load. Each repetition loads one web process, then both, with
 * the workers running throughout; afterwards every acknowledged submission is checked to exist
 * exactly once and no processing job to have run to completion twice (bench/lib/scale-out-check.ts,
 * the same check that test/multi-process/once-and-only-once.test.ts runs at a small size in `npm test`).
 */
import { startApp, type AppProcess } from '../lib/app-process.js';
import { CLIENTS, LOAD_SECONDS, WARMUP_SECONDS } from '../lib/bench-config.js';
import { createInstallation } from '../lib/installation.js';
import { withLoadGenerator, type LoadGenerator, type LoadResult } from '../lib/load.js';
import { errorNote, measurement, repeat, type LoadSeries } from '../lib/measure.js';
import { checkOnceAndOnlyOnce } from '../lib/scale-out-check.js';
import type { BenchContext, BenchScenario, ScenarioResult } from '../lib/scenario.js';
import { submissionLoad } from '../lib/submission-load.js';

/** How long the workers may take to catch up before the check (jobs still waiting are reported, not failed). */
const DRAIN_SECONDS = { quick: 3, full: 10 } as const;

const seriesOf = (runs: LoadResult[]): LoadSeries => ({ runs, requestsPerSecond: runs.map((r) => r.requestsPerSecond), p50: runs.map((r) => r.p50), p99: runs.map((r) => r.p99), errors: runs.map((r) => r.errors) });

async function measure(ctx: BenchContext, load: LoadGenerator, webs: AppProcess[]) {
  const seconds = LOAD_SECONDS[ctx.size];
  const urls = webs.map((w) => w.url);
  const warm: LoadResult[] = [];
  if (WARMUP_SECONDS[ctx.size] > 0) {
    ctx.progress('warming up both web processes');
    warm.push(await load.run({ ...submissionLoad(urls, WARMUP_SECONDS[ctx.size], true), runId: 'b7w' }));
  }
  const reps = await repeat(ctx, 'one web process, then two', async (i) => ({
    one: await load.run({ ...submissionLoad(urls.slice(0, 1), seconds, true), runId: `b7one${i}` }),
    two: await load.run({ ...submissionLoad(urls, seconds, true), runId: `b7two${i}` }),
  }));
  const acknowledged = [...warm, ...reps.flatMap((r) => [r.one, r.two])].flatMap((r) => r.references);
  return { one: seriesOf(reps.map((r) => r.one)), two: seriesOf(reps.map((r) => r.two)), acknowledged };
}

export const scenario: BenchScenario = {
  id: 'B7',
  title: 'Scale-out: two web and two worker processes on one PostgreSQL',
  description:
    'Two web processes and two worker processes against one PostgreSQL database under the B1 load (32 clients, the five municipalities taking turns). Each repetition loads one web process, then both (the clients split between them), with both workers processing the cases throughout; the scale factor is taken per repetition. Afterwards every acknowledged case must exist exactly once, with one submission event and one processing job, and no job may have run to completion twice.',
  async run(ctx) {
    const result: ScenarioResult = { measurements: [], comparisons: [], notes: [], checks: [] };
    const installation = await createInstallation(ctx.workDir, 'postgres', ctx.postgresUrl);
    const processes: AppProcess[] = [];
    try {
      // All four at once, as a container platform starts them; migrations take an advisory lock,
      // and only the first web process seeds (two seeding an empty database at once would collide).
      ctx.progress('starting two web processes and two workers');
      const unseeded = { env: { SEED_DEMO: 'false' } };
      const starting = [startApp({ role: 'web', installation }), startApp({ role: 'web', installation, ...unseeded }), startApp({ role: 'worker', installation, ...unseeded }), startApp({ role: 'worker', installation, ...unseeded })];
      const started = await Promise.allSettled(starting);
      for (const s of started) if (s.status === 'fulfilled') processes.push(s.value);
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      const webs = processes.filter((p) => p.role === 'web');
      const { one, two, acknowledged } = await withLoadGenerator((load) => measure(ctx, load, webs));
      result.measurements.push(
        measurement('one-web-per-second', `Submissions/s, one web process (${CLIENTS} clients)`, 'submissions/s', 'higher', one.requestsPerSecond),
        measurement('two-web-per-second', `Submissions/s, two web processes (${CLIENTS} clients)`, 'submissions/s', 'higher', two.requestsPerSecond),
        measurement('scale-factor', 'Two web processes over one', '×', 'higher', two.requestsPerSecond.map((v, i) => v / one.requestsPerSecond[i]!)),
        measurement('two-web-p99', 'p99 latency, two web processes', 'ms', 'lower', two.p99),
        measurement('errors', 'Errors (both loads)', 'count', 'lower', one.errors.map((e, i) => e + two.errors[i]!)),
      );
      for (const note of [errorNote('one web process', one), errorNote('two web processes', two)]) if (note) result.notes.push(note);

      ctx.progress(`letting the workers catch up (at most ${DRAIN_SECONDS[ctx.size]} s), then checking`);
      let outcome = await checkOnceAndOnlyOnce(installation.databaseUrl!, acknowledged);
      for (const until = performance.now() + DRAIN_SECONDS[ctx.size] * 1000; outcome.pending > 0 && performance.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        outcome = await checkOnceAndOnlyOnce(installation.databaseUrl!, acknowledged);
      }
      result.checks.push(...outcome.checks);
      result.notes.push(
        `${acknowledged.length} submissions acknowledged over the run; when checked, ${outcome.pending} of their processing jobs were still waiting or running (the two workers generate receipts, register entries, deliveries and mails for each case, on the same cores as the web processes and PostgreSQL).`,
      );
      result.comparisons.push(
        { label: 'Two web processes over one', measurement: 'scale-factor', target: { op: '>=', value: 1.5, text: '≥ 1.5× where the database allows' } },
        { label: 'Submissions/s, two web processes', measurement: 'two-web-per-second', baseline: 'B0:inserts-32' },
        { label: 'Errors', measurement: 'errors', target: { op: '<=', value: 0, text: 'none' } },
      );
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await installation.close();
    }
    return result;
  },
};
