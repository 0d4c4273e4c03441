/**
 * Issue 3 acceptance: once the submit response has arrived, the case and its files survive the
 * server being killed. The real process (test/support/fixture-process.ts: src/run-process.ts with
 * the fixture procedures) runs on a temporary DATA_DIR — PGlite and local file storage there, or
 * this file's own PostgreSQL database when TEST_DATABASE_URL is set. An attachment is uploaded and
 * an application submitted through the JSON API; right after the 201 the process gets SIGKILL.
 * After a restart the status API answers, a repeated submit finds the same case, and the case row
 * and the stored file (same SHA-256) are there.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { createStorageFromSettings } from '../../src/platform/storage/create-storage.js';
import { freePort } from '../support/cli-runner.js';
import { MULTIPART_CONTENT_TYPE, multipartBody } from '../support/multipart-body.js';
import { offerOnline } from '../support/service-fixtures.js';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../support/test-database.js';
import { samplePdf } from '../support/upload-samples.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENTRY = 'test/support/fixture-process.ts';

interface Server {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

let dataDir: string;
let testDb: TestDatabase | undefined;
const running: Server[] = [];

/** Opens the database the process uses (PGlite only while no process holds it). */
async function openProcessDatabase(): Promise<Database> {
  if (testDb) return testDb.db;
  return openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
}

/** Starts the real process on the shared data directory and waits until it is ready. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  if (testDb?.url) env.DATABASE_URL = testDb.url;
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], { cwd: ROOT, env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const server: Server = { child, url: `http://127.0.0.1:${port}`, output: () => output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  running.push(server);
  // Polls /readyz; a process that ends instead (a start failure) fails at once with its output.
  for (const until = Date.now() + 90_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the process ended (${child.exitCode}):\n${output}`);
    if (Date.now() > until) throw new Error(`the process was not ready within 90 s:\n${output}`);
    if ((await fetch(`${server.url}/readyz`).catch(() => null))?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return server;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-durability-'));
  if (testPostgresUrl()) {
    testDb = await createTestDatabase();
    await offerOnline(testDb.db, 'umzugsmeldung', ['wurzen']);
  } else {
    // The migrated, seeded template of this test run, loaded into the process's data directory.
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite'), loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
    await offerOnline(db, 'umzugsmeldung', ['wurzen']);
    await db.close();
  }
});

afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
  await testDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

describe('a submitted application survives SIGKILL', () => {
  it('keeps the case and its file after the process is killed right after the 201', { timeout: 240_000 }, async () => {
    const pdf = samplePdf(20_000);
    const first = await startServer();
    const upload = await fetch(`${first.url}/api/v1/wurzen/services/umzugsmeldung/attachments?field=landlordConfirmation`, {
      method: 'POST',
      headers: { 'content-type': MULTIPART_CONTENT_TYPE },
      body: multipartBody([{ name: 'landlordConfirmation', filename: 'Bestätigung.pdf', content: pdf, contentType: 'application/pdf' }]),
    });
    expect(upload.status, first.output()).toBe(201);
    const attachment = (await upload.json()) as { id: string; name: string; size: number; mediaType: string };

    const application = {
      name: { given: 'Anna', family: 'Müller' },
      birthDate: '1985-06-01',
      newAddress: { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen' },
      moveInDate: isoDay(-7),
      fromAbroad: false,
      previousAddress: { street: 'Hauptstraße', houseNumber: '5', postalCode: '04103', town: 'Leipzig' },
      movesWithOthers: false,
      landlordConfirmation: [attachment],
      truthful: true,
    };
    const submit = (url: string) =>
      fetch(`${url}/api/v1/wurzen/services/umzugsmeldung/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'durability-0001' },
        body: JSON.stringify(application),
      });
    const submitted = await submit(first.url);
    expect(submitted.status, first.output()).toBe(201);
    const receipt = (await submitted.json()) as { reference: string; statusToken: string };
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // killed by the signal, no exit code of its own

    const second = await startServer();
    const status = await fetch(`${second.url}/api/v1/wurzen/status/${receipt.statusToken}`);
    expect(status.status, second.output()).toBe(200);
    expect(((await status.json()) as { reference: string }).reference).toBe(receipt.reference);
    // The same request again, after the crash: the key finds the case; no second one.
    const again = await submit(second.url);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { reference: string }).reference).toBe(receipt.reference);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const db = await openProcessDatabase();
    try {
      const tenant = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', 'wurzen').executeTakeFirstOrThrow();
      const stored = await db.withTenant(tenant.id, async (trx) => {
        const cases = await trx.selectFrom('cases').select(['id', 'reference', 'applicant_name']).where('tenant_id', '=', tenant.id).where('service_id', '=', 'umzugsmeldung').execute();
        const files = await trx.selectFrom('files').select(['id', 'case_id', 'storage_key', 'sha256', 'size_bytes']).where('tenant_id', '=', tenant.id).execute();
        return { cases, files };
      });
      expect(stored.cases.map((c) => [c.reference, c.applicant_name])).toEqual([[receipt.reference, 'Anna Müller']]);
      expect(stored.files.map((f) => [f.id, f.case_id, f.sha256, Number(f.size_bytes)])).toEqual([[attachment.id, stored.cases[0]!.id, createHash('sha256').update(pdf).digest('hex'), pdf.length]]);
      // The bytes themselves, read back from the local storage under DATA_DIR.
      const storage = createStorageFromSettings(loadSettings({ NODE_ENV: 'test', DATA_DIR: dataDir }));
      const chunks: Buffer[] = [];
      for await (const chunk of await storage.get(stored.files[0]!.storage_key)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    } finally {
      if (!testDb) await db.close();
    }
  });
});
