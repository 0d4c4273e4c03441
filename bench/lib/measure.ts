/**
 * Repetitions: run a measurement `ctx.repetitions` times with progress, and collect each
 * figure's samples into the scenario contract's `Measurement`s.
 */
import type { LoadGenerator, LoadResult, LoadSpec } from './load.js';
import type { BenchContext, Measurement } from './scenario.js';

/** Builds one measurement. */
export function measurement(key: string, label: string, unit: string, better: Measurement['better'], samples: number[]): Measurement {
  return { key, label, unit, better, samples };
}

/** Runs `once` for each repetition, telling the progress display which one runs. */
export async function repeat<T>(ctx: BenchContext, what: string, once: (repetition: number) => Promise<T>, times = ctx.repetitions): Promise<T[]> {
  const out: T[] = [];
  for (let i = 1; i <= times; i++) {
    ctx.progress(`${what}, repetition ${i} of ${times}`);
    out.push(await once(i));
  }
  return out;
}

/** The repetitions of one HTTP load, by figure. */
export interface LoadSeries {
  runs: LoadResult[];
  requestsPerSecond: number[];
  p50: number[];
  p99: number[];
  errors: number[];
}

/** Repeats a load (a fresh run id each time) and gathers its figures. */
export async function repeatLoad(ctx: BenchContext, load: LoadGenerator, what: string, spec: Omit<LoadSpec, 'runId'>, runIdPrefix: string): Promise<LoadSeries> {
  const runs = await repeat(ctx, what, (i) => load.run({ ...spec, runId: `${runIdPrefix}${i}` }));
  return {
    runs,
    requestsPerSecond: runs.map((r) => r.requestsPerSecond),
    p50: runs.map((r) => r.p50),
    p99: runs.map((r) => r.p99),
    errors: runs.map((r) => r.errors),
  };
}

/** A note on the unexpected responses of a series, when there were any. */
export function errorNote(what: string, series: LoadSeries): string | undefined {
  const samples = series.runs.flatMap((r) => r.errorSamples);
  const total = series.errors.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  return `${what}: ${total} errors over ${series.runs.length} repetitions; first: ${samples.slice(0, 2).map((s) => `\`${s.replace(/`/g, "'").slice(0, 200)}\``).join(', ') || 'connection errors or timeouts'}`;
}
