/**
 * The benchmark's own command line and target database. The bench is not the application, so it
 * does not go through src/config/settings.ts: it reads its arguments and DATABASE_URL here, once,
 * and hands the apps it starts their whole environment explicitly (see app-process.ts).
 */
import type { BenchSize } from './scenario.js';

/** The machine's PostgreSQL as CI and the README set it up, used when DATABASE_URL is unset. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchOptions {
  size: BenchSize;
  /** Scenario ids to run ("B1", "B7"); empty: all. */
  only: string[];
  postgresUrl: string;
  /** Wall-clock budget of the whole run, in seconds. */
  budgetSeconds: number;
  /** Only write bench/results.md again from bench/results.json (with --quick: the quick pair); measures nothing. */
  render: boolean;
  help: boolean;
}

export const USAGE = `npm run bench [-- options]

  --quick            short run (under two minutes): one short repetition per figure
  --only B1,B7       run only these scenarios (B0, the baselines, always runs: the ratios need it)
  --budget SECONDS   stop starting scenarios after this long (default 180 quick, 600 full)
  --render           measure nothing: write results.md again from results.json (after the
                     report's layout or docs/performance.md's "What limits the figures" changed)
  --help             this text

The PostgreSQL server is DATABASE_URL (default ${DEFAULT_POSTGRES_URL}); each scenario creates
and drops its own databases on it. Results go to bench/results.md and bench/results.json
(a quick run writes bench/results-quick.md and .json instead, which git ignores).`;

/** The options of this run: its arguments and DATABASE_URL; throws with a message naming a bad argument. */
export function benchOptionsOfProcess(): BenchOptions {
  return parseBenchOptions(process.argv.slice(2), process.env.DATABASE_URL);
}

/** Parses the bench's arguments; throws with a message naming the bad argument. */
export function parseBenchOptions(argv: readonly string[], databaseUrl: string | undefined): BenchOptions {
  let size: BenchSize = 'full';
  let only: string[] = [];
  let budget: number | undefined;
  let help = false;
  let render = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--quick') size = 'quick';
    else if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--render') render = true;
    else if (flag === '--only') only = value().split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    else if (flag === '--budget') {
      budget = Number(value());
      if (!Number.isFinite(budget) || budget <= 0) throw new Error('--budget must be a number of seconds');
    } else throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
  }
  return {
    size,
    only,
    postgresUrl: databaseUrl || DEFAULT_POSTGRES_URL,
    // Quick: under two minutes (82–90 s on the idle 2-core reference machine), but every
    // scenario must run, so the budget leaves room for a loaded machine.
    budgetSeconds: budget ?? (size === 'quick' ? 180 : 600),
    render,
    help,
  };
}

/**
 * PATH and HOME for the processes the bench starts: npm and node need them. Nothing else of the
 * bench's environment is passed on, so an app's settings are exactly those the bench gives it.
 */
export function launcherEnvironment(): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
}

/** Seconds of load per repetition of a throughput figure. */
export const LOAD_SECONDS = { quick: 1, full: 4 } as const;

/** Seconds of unrecorded load before the repetitions: JIT, connection pools and caches warm up (none in a quick run). */
export const WARMUP_SECONDS = { quick: 0, full: 2 } as const;

/** Seconds of load per page and repetition in B2 (four loads per repetition: three pages and hello). */
export const PAGE_SECONDS = { quick: 1, full: 2 } as const;

/** Seconds per pgbench repetition (pgbench takes whole seconds). */
export const INSERT_SECONDS = { quick: 1, full: 2 } as const;

/** Concurrent clients of the submission and page loads (issue 7: 32). */
export const CLIENTS = 32;
