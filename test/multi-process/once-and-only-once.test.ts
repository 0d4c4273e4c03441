/**
 * Issue 7, B7's correctness check at a small size, run in both database modes so neither run
 * skips it. Sixty complete Gewerbe-Anmeldungen go to the real app processes (started as
 * bench/lib/app-process.ts starts them: NODE_ENV=production, own ports, own secret); once they
 * are processed, every acknowledged case exists exactly once, with one submission event and one
 * processing job, and no job ran to completion twice (bench/lib/scale-out-check.ts).
 * - PostgreSQL: two `rathaus web` and two `rathaus worker` processes share one database.
 * - PGlite: the single embedded process of `npm start` (web and worker in one; PGlite allows no
 *   second process), checked after it has stopped and released its data directory.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess, type Installation } from '../../bench/lib/app-process.js';
import type { Acknowledged } from '../../bench/lib/load.js';
import { checkOnceAndOnlyOnce } from '../../bench/lib/scale-out-check.js';
import { submissionBodies } from '../../bench/lib/submission-body.js';
import { SUBMISSION_SERVICE, submissionTenants } from '../../bench/lib/submission-load.js';
import { processSubmissionJob } from '../../src/modules/cases/case-jobs.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../support/test-database.js';

const SUBMISSIONS = 60;
const CONCURRENT = 6;
const METRICS_TOKEN = randomBytes(16).toString('hex');
const onPostgres = Boolean(testPostgresUrl());

const running: AppProcess[] = [];
let testDb: TestDatabase | undefined;
let smtp: TestSmtp | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await testDb?.drop();
  await smtp?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Posts the submissions, the web processes taking turns; returns those answered 201. */
async function submitAll(webUrls: string[]): Promise<{ acknowledged: Acknowledged[]; refused: string[] }> {
  const tenants = submissionTenants();
  const body = submissionBodies();
  const acknowledged: Acknowledged[] = [];
  const refused: string[] = [];
  let next = 0;
  const client = async () => {
    for (let n = next++; n < SUBMISSIONS; n = next++) {
      const tenant = tenants[n % tenants.length]!;
      const res = await fetch(`${webUrls[n % webUrls.length]}/api/v1/${tenant.slug}/services/${SUBMISSION_SERVICE}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `once-test-${n}` },
        body: body(n, tenant),
      });
      const text = await res.text();
      if (res.status === 201) acknowledged.push({ tenant: tenant.slug, reference: (JSON.parse(text) as { reference: string }).reference });
      else refused.push(`${res.status}: ${text.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT }, client));
  return { acknowledged, refused };
}

/** Processing-job runs the embedded process has completed so far, read from its /metrics. */
async function completedRuns(url: string): Promise<number> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  const line = text.split('\n').find((l) => l.startsWith('rathaus_job_runs_total{') && l.includes(`job="${processSubmissionJob.name}"`) && l.includes('outcome="completed"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

async function waitFor(condition: () => Promise<boolean>, ms: number): Promise<void> {
  for (const until = Date.now() + ms; !(await condition()) && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 1_000));
}

const title = onPostgres ? 'two web and two worker processes on one PostgreSQL database' : 'the single embedded process of `npm start` on PGlite';

describe(`once and only once: ${title}`, () => {
  it('keeps every acknowledged case exactly once and runs no job to completion twice', { timeout: 300_000 }, async () => {
    smtp = await startTestSmtp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-once-'));
    const secret = randomBytes(32).toString('base64url');
    if (onPostgres) {
      testDb = await createTestDatabase();
      const installation: Installation = { databaseUrl: testDb.url!, dataDir, secret, smtpUrl: smtp.url };
      const start = (role: 'web' | 'worker') => startApp({ role, installation, env: { SEED_DEMO: 'false' } }).then((p) => (running.push(p), p));
      const [webA, webB] = await Promise.all([start('web'), start('web'), start('worker'), start('worker')]);
      const { acknowledged, refused } = await submitAll([webA!.url, webB!.url]);
      expect(refused).toEqual([]);
      expect(acknowledged).toHaveLength(SUBMISSIONS);
      let outcome = await checkOnceAndOnlyOnce(testDb.url!, acknowledged);
      await waitFor(async () => (outcome = await checkOnceAndOnlyOnce(testDb!.url!, acknowledged)).pending === 0, 180_000);
      expect(outcome.pending, 'processing jobs still waiting after 180 s').toBe(0);
      expect(outcome.checks.filter((c) => !c.ok)).toEqual([]);
      return;
    }
    const installation: Installation = { dataDir, secret, smtpUrl: smtp.url };
    const app = await startApp({ role: 'embedded', installation, env: { METRICS_TOKEN } });
    running.push(app);
    const { acknowledged, refused } = await submitAll([app.url]);
    expect(refused).toEqual([]);
    expect(acknowledged).toHaveLength(SUBMISSIONS);
    await waitFor(async () => (await completedRuns(app.url)) >= SUBMISSIONS, 180_000);
    expect(await app.stop()).toBe(0);
    const outcome = await checkOnceAndOnlyOnce({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') }, acknowledged);
    expect(outcome.pending, 'processing jobs still waiting after 180 s').toBe(0);
    expect(outcome.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
