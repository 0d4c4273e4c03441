/**
 * B2: three pages a citizen meets, served by a web process on PostgreSQL under 32 connections —
 * a form page (the first page of a fresh Gewerbe-Anmeldung draft), the check-answers page of a
 * draft filled through the forms, and a municipality's catalogue page. Each repetition also loads
 * the bare Fastify hello server right after the pages, so "share of hello" compares like with like.
 */
import { startApp } from '../lib/app-process.js';
import { CLIENTS, PAGE_SECONDS, WARMUP_SECONDS } from '../lib/bench-config.js';
import { fillDraftThroughForms } from '../lib/form-filler.js';
import { startHelloServer } from '../lib/hello-process.js';
import { createInstallation } from '../lib/installation.js';
import { withLoadGenerator, type LoadGenerator, type LoadResult } from '../lib/load.js';
import { measurement, repeat } from '../lib/measure.js';
import type { BenchContext, BenchScenario, Comparison, Measurement, ScenarioResult } from '../lib/scenario.js';
import { SUBMISSION_SERVICE } from '../lib/submission-load.js';
import { webDesignerAnswers } from '../../src/services/gewerbe/testing/gewerbe-answers.js';
import { allServicePackages } from '../../src/service-packages.js';

const TENANT = 'wurzen';

interface Page {
  key: string;
  label: string;
  path: string;
}

/** The three pages, set up through the real routes: a started draft, a filled draft, the catalogue. */
async function preparePages(baseUrl: string): Promise<Page[]> {
  const definition = allServicePackages().registry.latest(SUBMISSION_SERVICE);
  if (!definition) throw new Error(`no service ${SUBMISSION_SERVICE}`);
  const started = await fetch(`${baseUrl}/${TENANT}/${SUBMISSION_SERVICE}/antrag`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  const formPage = started.headers.get('location');
  if (started.status !== 303 || !formPage) throw new Error(`starting a draft answered ${started.status}`);
  const filled = await fillDraftThroughForms(baseUrl, TENANT, definition, webDesignerAnswers());
  return [
    { key: 'form-page', label: 'Form page (first page of a GewA1 draft)', path: formPage },
    { key: 'check-page', label: 'Check-answers page (filled GewA1 draft)', path: `${filled}/pruefen` },
    { key: 'catalogue-page', label: `Municipality catalogue page (/${TENANT})`, path: `/${TENANT}` },
  ];
}

async function measurePages(ctx: BenchContext, load: LoadGenerator, appUrl: string, helloUrl: string, pages: Page[]): Promise<Measurement[]> {
  const get = (target: string, path: string, seconds: number, runId: string) =>
    load.run({ targets: [target], connections: CLIENTS, durationSeconds: seconds, request: { kind: 'get', path }, runId });
  if (WARMUP_SECONDS[ctx.size] > 0) {
    ctx.progress('warming up');
    // Half the warm-up per page: four of them, and a page warms up faster than a submission.
    for (const p of pages) await get(appUrl, p.path, WARMUP_SECONDS[ctx.size] / 2, `${p.key}w`);
    await get(helloUrl, '/hello', WARMUP_SECONDS[ctx.size] / 2, 'hellow');
  }
  const reps = await repeat(ctx, 'three pages and hello', async (i) => {
    const byPage = new Map<string, LoadResult>();
    for (const p of pages) byPage.set(p.key, await get(appUrl, p.path, PAGE_SECONDS[ctx.size], `${p.key}${i}`));
    return { byPage, hello: await get(helloUrl, '/hello', PAGE_SECONDS[ctx.size], `hello${i}`) };
  });
  const out: Measurement[] = [measurement('hello-rps', 'Fastify hello requests/s (between the pages)', 'req/s', 'higher', reps.map((r) => r.hello.requestsPerSecond))];
  for (const p of pages) {
    const runs = reps.map((r) => r.byPage.get(p.key)!);
    out.push(
      measurement(`${p.key}-rps`, `${p.label}: requests/s`, 'req/s', 'higher', runs.map((r) => r.requestsPerSecond)),
      measurement(`${p.key}-p99`, `${p.label}: p99 latency`, 'ms', 'lower', runs.map((r) => r.p99)),
      measurement(`${p.key}-errors`, `${p.label}: errors`, 'count', 'lower', runs.map((r) => r.errors)),
      measurement(`${p.key}-share`, `${p.label}: share of hello's requests/s`, '%', 'higher', runs.map((r, i) => (100 * r.requestsPerSecond) / reps[i]!.hello.requestsPerSecond)),
    );
  }
  return out;
}

export const scenario: BenchScenario = {
  id: 'B2',
  title: 'Pages: form page, check-answers page, catalogue page',
  description:
    'Requests per second and p99 latency of three pages a citizen meets, from a web process on PostgreSQL under 32 connections from a separate autocannon process: the first page of a fresh Gewerbe-Anmeldung draft, the check-answers page of a draft filled through the forms (it runs the pre-submit checks), and the catalogue page of a municipality. Only 200 counts. Each repetition loads the bare Fastify hello server right after the pages; the share of hello is taken per repetition.',
  async run(ctx) {
    const result: ScenarioResult = { measurements: [], comparisons: [], notes: [], checks: [] };
    const installation = await createInstallation(ctx.workDir, 'postgres', ctx.postgresUrl);
    try {
      ctx.progress('starting the web process and the hello server');
      const [web, hello] = await Promise.all([startApp({ role: 'web', installation }), startHelloServer()]);
      try {
        ctx.progress('filling a draft through the forms');
        const pages = await preparePages(web.url);
        result.measurements.push(...(await withLoadGenerator((load) => measurePages(ctx, load, web.url, hello.url, pages))));
        for (const p of pages) {
          result.comparisons.push(
            { label: `${p.label}: requests/s`, measurement: `${p.key}-rps`, baseline: 'B0:hello-rps' },
            { label: `${p.label}: share of hello`, measurement: `${p.key}-share`, target: { op: '>=', value: 50, text: "≥ 50 % of hello's requests/s" } },
            { label: `${p.label}: errors`, measurement: `${p.key}-errors`, target: { op: '<=', value: 0, text: 'none' } },
          );
        }
      } finally {
        await hello.stop();
        await web.stop();
      }
    } finally {
      await installation.close();
    }
    return result;
  },
};
