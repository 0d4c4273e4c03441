/**
 * B6: what the embedded process costs to start and to keep — the time from `npm start` to the
 * first served page on an empty data directory (or empty database) and on a restart, and its
 * resident memory idle and at its peak under the B1 submission load followed by a B2 page load,
 * in PGlite mode and in PostgreSQL mode (`npm start` with DATABASE_URL).
 */
import { startApp } from '../lib/app-process.js';
import { CLIENTS } from '../lib/bench-config.js';
import { startHelloServer } from '../lib/hello-process.js';
import { sampleResidentMemory } from '../lib/child-processes.js';
import { createInstallation } from '../lib/installation.js';
import { withLoadGenerator, type LoadGenerator } from '../lib/load.js';
import { measurement, repeat } from '../lib/measure.js';
import type { BenchContext, BenchScenario, Comparison, Measurement } from '../lib/scenario.js';
import { submissionLoad } from '../lib/submission-load.js';

/** Seconds of each load while memory is sampled (memory, not throughput, is measured here). */
const LOAD_SECONDS = { quick: 1, full: 2 } as const;
/** Seconds to let a freshly started process settle before its idle memory is read. */
const SETTLE_SECONDS = { quick: 0.5, full: 1 } as const;

interface Mode {
  key: 'pglite' | 'postgres';
  name: string;
  postgresUrl?: string;
  rssTarget: number;
}

/** The same-run baseline: the bare Fastify hello process, started the same way (plain node). */
async function helloBaseline(): Promise<{ start: number; rss: number }> {
  const hello = await startHelloServer();
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { start: hello.readyMs / 1000, rss: hello.residentMb() };
  } finally {
    await hello.stop();
  }
}

interface Sample {
  firstStart: number;
  restart: number;
  idleRss: number;
  peakRss: number;
}

async function oneRound(ctx: BenchContext, load: LoadGenerator, mode: Mode, round: number): Promise<Sample> {
  const installation = await createInstallation(ctx.workDir, `${mode.key}-${round}`, mode.postgresUrl);
  try {
    ctx.progress(`${mode.name}: npm start on an empty ${mode.postgresUrl ? 'database' : 'data directory'}`);
    const first = await startApp({ role: 'embedded', launcher: 'npm-start', installation });
    let idleRss: number;
    let peakRss: number;
    try {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS[ctx.size] * 1000));
      idleRss = first.residentMb();
      ctx.progress(`${mode.name}: submissions, then the catalogue page, memory sampled`);
      const sampler = sampleResidentMemory(first.appPid);
      await load.run({ ...submissionLoad([first.url], LOAD_SECONDS[ctx.size]), runId: `b6${mode.key}${round}` });
      await load.run({ targets: [first.url], connections: CLIENTS, durationSeconds: LOAD_SECONDS[ctx.size], request: { kind: 'get', path: '/wurzen' }, runId: `b6page${mode.key}${round}` });
      peakRss = sampler.stop();
    } finally {
      ctx.progress(`${mode.name}: stopping`);
      await first.stop();
    }
    ctx.progress(`${mode.name}: npm start again (restart)`);
    const again = await startApp({ role: 'embedded', launcher: 'npm-start', installation });
    await again.stop();
    return { firstStart: first.readyMs / 1000, restart: again.readyMs / 1000, idleRss, peakRss };
  } finally {
    await installation.close();
  }
}

function figures(mode: Mode, samples: Sample[]): { measurements: Measurement[]; comparisons: Comparison[] } {
  const k = mode.key;
  return {
    measurements: [
      measurement(`${k}-first-start`, `${mode.name}: npm start to first page, empty`, 's', 'lower', samples.map((s) => s.firstStart)),
      measurement(`${k}-restart`, `${mode.name}: npm start to first page, restart`, 's', 'lower', samples.map((s) => s.restart)),
      measurement(`${k}-idle-rss`, `${mode.name}: resident memory, idle`, 'MiB', 'lower', samples.map((s) => s.idleRss)),
      measurement(`${k}-peak-rss`, `${mode.name}: resident memory, peak under B1 and B2 load`, 'MiB', 'lower', samples.map((s) => s.peakRss)),
    ],
    comparisons: [
      { label: `${mode.name}: first start`, measurement: `${k}-first-start`, baseline: 'hello-start', target: { op: '<', value: 8, text: '< 8 s' } },
      { label: `${mode.name}: restart`, measurement: `${k}-restart`, baseline: 'hello-start', target: { op: '<', value: 2, text: '< 2 s' } },
      { label: `${mode.name}: idle memory`, measurement: `${k}-idle-rss`, baseline: 'hello-rss' },
      { label: `${mode.name}: memory under load`, measurement: `${k}-peak-rss`, baseline: 'hello-rss', target: { op: '<', value: mode.rssTarget, text: `< ${mode.rssTarget} MB (taken as MiB)` } },
    ],
  };
}

export const scenario: BenchScenario = {
  id: 'B6',
  title: 'Footprint: start time and memory of the embedded process',
  description:
    'Baseline in the same run: a bare Fastify hello process started with plain node, as the platform is, to its first answer, and its idle memory. ' +
    'The literal `npm start` (web and worker in one process) on an empty data directory — PGlite — or an empty PostgreSQL database (DATABASE_URL), timed from the command to the first page served (GET / answering 200): the first start migrates and seeds; then the same again as a restart. Resident memory (VmRSS of the node process that runs the app, not of npm) after the start settles, and its peak, sampled every 100 ms, under the B1 submission load followed by a B2 page load.',
  async run(ctx) {
    const rounds = ctx.size === 'quick' ? 1 : ctx.repetitions;
    const modes: Mode[] = [
      { key: 'pglite', name: 'PGlite', rssTarget: 450 },
      { key: 'postgres', name: 'PostgreSQL', postgresUrl: ctx.postgresUrl, rssTarget: 250 },
    ];
    const baseline = await repeat(ctx, 'baseline: bare Fastify hello process, start and memory', () => helloBaseline());
    const measurements: Measurement[] = [
      measurement('hello-start', 'Baseline: bare Fastify hello process (plain node) to first answer', 's', 'lower', baseline.map((b) => b.start)),
      measurement('hello-rss', 'Baseline: bare Fastify hello process, resident memory idle', 'MiB', 'lower', baseline.map((b) => b.rss)),
    ];
    const comparisons: Comparison[] = [];
    await withLoadGenerator(async (load) => {
      for (const mode of modes) {
        const samples = await repeat(ctx, `${mode.name}: first start, load, restart`, (round) => oneRound(ctx, load, mode, round), rounds);
        const f = figures(mode, samples);
        measurements.push(...f.measurements);
        comparisons.push(...f.comparisons);
      }
    });
    const notes = [
      `Memory is read from /proc/<pid>/status (VmRSS) of the node process that runs bin/start.js. Loads during the peak: ${LOAD_SECONDS[ctx.size]} s of submissions, then ${LOAD_SECONDS[ctx.size]} s of the catalogue page, ${CLIENTS} clients each.`,
      ...(ctx.size === 'quick' ? [`Quick run: one round per mode (a full run repeats each three times, each on a new data directory or database).`] : []),
    ];
    return { measurements, comparisons, notes, checks: [] };
  },
};
