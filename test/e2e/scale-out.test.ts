/**
 * Issue 7, B7 at a small size: two web processes and two worker processes (the real
 * `rathaus web` and `rathaus worker`, as bench/lib/app-process.ts starts them) share one
 * PostgreSQL database. Sixty complete Gewerbe-Anmeldungen go to both web processes in turn;
 * once the workers have processed them, every acknowledged case exists exactly once, with one
 * submission event and one processing job, and no job ran to completion twice. PGlite is one
 * process by design, so the test runs only with TEST_DATABASE_URL.
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
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../support/test-database.js';

const SUBMISSIONS = 60;
const CONCURRENT = 6;

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
        headers: { 'content-type': 'application/json', 'idempotency-key': `scale-out-test-${n}` },
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

describe('scale-out: two web and two worker processes on one PostgreSQL', () => {
  it.skipIf(!testPostgresUrl())('keeps every acknowledged case exactly once and runs no job to completion twice (PostgreSQL only: PGlite is a single process)', { timeout: 300_000 }, async () => {
    testDb = await createTestDatabase();
    smtp = await startTestSmtp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-scale-out-'));
    const installation: Installation = { databaseUrl: testDb.url!, dataDir, secret: randomBytes(32).toString('base64url'), smtpUrl: smtp.url };
    const start = (role: 'web' | 'worker') => startApp({ role, installation, env: { SEED_DEMO: 'false' } }).then((p) => (running.push(p), p));
    const [webA, webB] = await Promise.all([start('web'), start('web'), start('worker'), start('worker')]);

    const { acknowledged, refused } = await submitAll([webA!.url, webB!.url]);
    expect(refused).toEqual([]);
    expect(acknowledged).toHaveLength(SUBMISSIONS);

    let outcome = await checkOnceAndOnlyOnce(testDb.url!, acknowledged);
    for (const until = Date.now() + 180_000; outcome.pending > 0 && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      outcome = await checkOnceAndOnlyOnce(testDb.url!, acknowledged);
    }
    expect(outcome.pending, 'processing jobs still waiting after 180 s').toBe(0);
    expect(outcome.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
