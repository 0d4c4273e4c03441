/**
 * The contract between the benchmark runner (bench/run.ts) and its scenarios (bench/scenarios/).
 * A scenario measures one thing the platform does and, in the same run, a baseline that the
 * machine itself sets (raw PostgreSQL inserts, a bare Fastify route …), so that the ratio between
 * the two means something on a noisy shared machine. Figures are medians of repetitions with
 * their min–max; the runner writes them to bench/results.md and bench/results.json.
 */

/** How big and how long: `quick` keeps the whole run under two minutes, `full` under ten. */
export type BenchSize = 'quick' | 'full';

/** What the runner hands every scenario. */
export interface BenchContext {
  size: BenchSize;
  /** PostgreSQL server to measure against (the machine's, from DATABASE_URL); scenarios create and drop their own databases on it. */
  postgresUrl: string;
  /** Repetitions per figure (≥ 3; the runner reports median and min–max). */
  repetitions: number;
  /** A line for the progress display ("B1: PGlite, repetition 2 of 3"). */
  progress(message: string): void;
  /** Scratch directory of this run (PGlite data dirs, logs); removed afterwards. */
  workDir: string;
}

/** One measured figure over all repetitions. */
export interface Measurement {
  /** Stable key, e.g. "submissions-per-second". */
  key: string;
  /** Label for the table, e.g. "Submissions/s (PostgreSQL, 32 clients)". */
  label: string;
  unit: string;
  /** One value per repetition. */
  samples: number[];
  /** Larger is better (throughput) or smaller is better (latency, memory). */
  better: 'higher' | 'lower';
}

/** A figure compared with a baseline or a target. */
export interface Comparison {
  label: string;
  /** Key of the measurement in this scenario's `measurements`. */
  measurement: string;
  /** Key of the baseline measurement (in this scenario, or `B0:<key>` for the B0 scenario's). */
  baseline?: string;
  /** The target of issue 7, in the measurement's unit, e.g. { op: '>=', value: 1000 }. */
  target?: { op: '>=' | '<=' | '<' | '>'; value: number; text: string };
}

export interface ScenarioResult {
  measurements: Measurement[];
  comparisons: Comparison[];
  /** Extra facts for the report: query plans, seeded sizes, checks (Markdown allowed). */
  notes: string[];
  /** Correctness checks that ran (e.g. B7: "every acknowledged case exists once"): failed checks fail the run. */
  checks: { name: string; ok: boolean; detail?: string }[];
}

export interface BenchScenario {
  /** "B0" … "B7". */
  id: string;
  title: string;
  /** What it measures, for the report and docs/performance.md. */
  description: string;
  run(ctx: BenchContext): Promise<ScenarioResult>;
}
