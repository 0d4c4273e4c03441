/**
 * `npm run bench [-- --quick] [-- --only B1,B7] [-- --render]`: runs the scenarios of bench/scenarios/ (every
 * file b<N>-*.ts that exports `scenario: BenchScenario`, so new scenarios plug in without a change
 * here) against the PostgreSQL server of DATABASE_URL, shows progress on stderr, and writes
 * bench/results.md and bench/results.json (a quick run: bench/results-quick.*, not committed). B0 always runs first: the other scenarios' ratios
 * refer to its baselines. Exits non-zero when a scenario throws, fails a check, or does not get
 * to run within the time budget — the results of the others are written all the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchOptionsOfProcess, USAGE, type BenchOptions } from './lib/bench-config.js';
import { killLeftoverProcesses } from './lib/child-processes.js';
import { dropLeftoverDatabases } from './lib/postgres-admin.js';
import { createProgress, type Progress } from './lib/progress.js';
import { limitsText } from './lib/limits.js';
import { renderMarkdown, type RunReport, type ScenarioOutcome } from './lib/report.js';
import { gitCommit, machine, postgresVersionOrProblem } from './lib/run-meta.js';
import type { BenchContext, BenchScenario } from './lib/scenario.js';

const BENCH_DIR = import.meta.dirname;
/**
 * Repetitions per figure: the report gives their median and range. A quick run (under two
 * minutes on two cores, with fourteen app processes to start) measures each figure once: it shows
 * that every scenario works and roughly where it stands; the committed figures come from full runs.
 */
const REPETITIONS = { quick: 1, full: 3 } as const;
/** A scenario that started in time may overrun the budget by this much before it is given up. */
const OVERRUN_SECONDS = 60;

const scenarioNumber = (id: string) => Number(/^B(\d+)$/i.exec(id)?.[1] ?? Number.NaN);

/** The scenarios in bench/scenarios/, ordered by number. */
async function discoverScenarios(): Promise<BenchScenario[]> {
  const dir = path.join(BENCH_DIR, 'scenarios');
  const files = fs.readdirSync(dir).filter((f) => /^b\d+-[\w-]+\.ts$/.test(f) && !f.endsWith('.test.ts'));
  const found: BenchScenario[] = [];
  for (const file of files) {
    try {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { scenario?: BenchScenario };
      const s = mod.scenario;
      if (!s || typeof s.run !== 'function' || !/^B\d+$/.test(s.id)) throw new Error(`bench/scenarios/${file} does not export a valid \`scenario\``);
      found.push(s);
    } catch (e) {
      // A scenario that cannot even load fails alone; the others still run and are reported.
      const id = `B${/^b(\d+)/.exec(file)![1]}`;
      found.push({ id, title: file, description: `bench/scenarios/${file}`, run: () => Promise.reject(e) });
    }
  }
  return found.sort((a, b) => scenarioNumber(a.id) - scenarioNumber(b.id));
}

function selected(all: BenchScenario[], only: string[]): BenchScenario[] {
  if (only.length === 0) return all;
  const unknown = only.filter((id) => !all.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`no scenario ${unknown.join(', ')} (there are ${all.map((s) => s.id).join(', ')})`);
  return all.filter((s) => s.id === 'B0' || only.includes(s.id));
}

async function runOne(s: BenchScenario, ctx: BenchContext, deadlineMs: number): Promise<Omit<ScenarioOutcome, 'id' | 'title' | 'description'>> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within the run's time budget (gave up after ${Math.round(seconds())} s)`)), Math.max(0, deadlineMs - performance.now()));
  });
  try {
    const result = await Promise.race([s.run(ctx), timeout]);
    const failed = result.checks.filter((c) => !c.ok);
    return { status: failed.length > 0 ? 'failed' : 'ok', seconds: seconds(), result, ...(failed.length > 0 ? { error: `check failed: ${failed.map((c) => c.name).join('; ')}` } : {}) };
  } catch (e) {
    return { status: 'failed', seconds: seconds(), error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  } finally {
    clearTimeout(timer);
    // A scenario that threw or timed out may have left its processes and databases behind.
    await killLeftoverProcesses();
    await dropLeftoverDatabases().catch(() => 0);
  }
}

async function runAll(options: BenchOptions, progress: Progress): Promise<RunReport> {
  const started = performance.now();
  const budgetEnd = started + options.budgetSeconds * 1000;
  const scenarios = selected(await discoverScenarios(), options.only);
  // Scratch space on the repository's disk (not a tmpfs), so PGlite's files cost what they cost.
  fs.mkdirSync(path.join(BENCH_DIR, '.work'), { recursive: true });
  const workRoot = fs.mkdtempSync(path.join(BENCH_DIR, '.work', 'run-'));
  const outcomes: ScenarioOutcome[] = [];
  try {
    for (const [i, s] of scenarios.entries()) {
      const head = { id: s.id, title: s.title, description: s.description };
      if (performance.now() > budgetEnd) {
        outcomes.push({ ...head, status: 'skipped', seconds: 0, error: `the run's budget of ${options.budgetSeconds} s was used up before it could start` });
        continue;
      }
      progress.scenario(i + 1, scenarios.length, s.id);
      const workDir = path.join(workRoot, s.id);
      fs.mkdirSync(workDir, { recursive: true });
      const ctx: BenchContext = { size: options.size, postgresUrl: options.postgresUrl, repetitions: REPETITIONS[options.size], progress: (m) => progress.message(m), workDir };
      const outcome = { ...head, ...(await runOne(s, ctx, budgetEnd + OVERRUN_SECONDS * 1000)) };
      outcomes.push(outcome);
      progress.log(`${s.id} ${outcome.status} in ${Math.round(outcome.seconds)} s${outcome.error ? `: ${outcome.error.split('\n')[0]}` : ''}`);
    }
  } finally {
    fs.rmSync(workRoot, { recursive: true, force: true });
  }
  return {
    meta: {
      date: new Date().toISOString(),
      commit: gitCommit(),
      size: options.size,
      ...machine(),
      node: process.version,
      postgres: await postgresVersionOrProblem(options.postgresUrl),
      seconds: (performance.now() - started) / 1000,
      budgetSeconds: options.budgetSeconds,
    },
    scenarios: outcomes,
  };
}

async function main(): Promise<number> {
  const options = benchOptionsOfProcess();
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const base = options.size === 'quick' ? 'results-quick' : 'results';
  if (options.render) {
    const report = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, `${base}.json`), 'utf8')) as RunReport;
    fs.writeFileSync(path.join(BENCH_DIR, `${base}.md`), renderMarkdown(report, limitsText()));
    process.stderr.write(`bench: wrote bench/${base}.md from bench/${base}.json (nothing measured)\n`);
    return 0;
  }
  const progress = createProgress(options.budgetSeconds);
  process.once('SIGINT', () => {
    progress.stop();
    void killLeftoverProcesses()
      .then(() => dropLeftoverDatabases())
      .finally(() => process.exit(130));
  });
  const report = await runAll(options, progress);
  progress.stop();
  // A quick run is a smoke test of the suite: it must not overwrite the committed full results.
  fs.writeFileSync(path.join(BENCH_DIR, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(BENCH_DIR, `${base}.md`), renderMarkdown(report, limitsText()));
  const bad = report.scenarios.filter((s) => s.status !== 'ok');
  process.stderr.write(`bench: ${report.scenarios.length - bad.length} of ${report.scenarios.length} scenarios ok in ${Math.round(report.meta.seconds)} s; wrote bench/${base}.md and bench/${base}.json\n`);
  for (const s of bad) process.stderr.write(`  ${s.id} ${s.status}: ${s.error ?? ''}\n`);
  return bad.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    await killLeftoverProcesses();
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
