/**
 * `npx rathaus migrate | web | worker` as real processes, on an empty database of their own:
 * a temporary DATA_DIR on PGlite, or a new empty database on the PostgreSQL test server.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../test/support/cli-runner.js';
import { testPostgresUrl, withDatabaseName } from '../../../test/support/test-database.js';
import { openDatabase } from '../../platform/db/database.js';
import { readMigrationFiles } from '../../platform/db/migrate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const serverUrl = testPostgresUrl();
const emptyDatabase = `rathaus_test_empty_${randomBytes(6).toString('hex')}`;
let dataDir: string;
let env: NodeJS.ProcessEnv;

async function adminExec(statement: string): Promise<void> {
  const admin = await openDatabase({ kind: 'postgres', url: serverUrl!, poolSize: 1 });
  try {
    await admin.asOwner((o) => o.exec(statement));
  } finally {
    await admin.close();
  }
}

/** Starts `rathaus <args>`; `exited` resolves with the exit code and everything printed. */
function rathaus(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['bin/rathaus.js', ...args], { cwd: ROOT, env: { ...env, ...extraEnv } });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (output.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-cli-'));
  env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  if (serverUrl) {
    await adminExec(`CREATE DATABASE ${emptyDatabase}`);
    env.DATABASE_URL = withDatabaseName(serverUrl, emptyDatabase);
  }
});

afterAll(async () => {
  if (serverUrl) await adminExec(`DROP DATABASE IF EXISTS ${emptyDatabase} WITH (FORCE)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('rathaus migrate, web, worker', { timeout: 120_000 }, () => {
  it('migrate reports the migrations it applied, then that the database is up to date', async () => {
    const files = readMigrationFiles();
    const first = rathaus(['migrate']);
    expect(await first.exited).toBe(0);
    expect(first.output.stdout).toContain(`Applied ${files.length} migrations: ${files.map((f) => `${f.version}_${f.name}`).join(', ')}.`);
    expect(first.output.stdout).toMatch(/Job queue schema: pg-boss version \d+\./);

    const again = rathaus(['migrate']);
    expect(await again.exited).toBe(0);
    const latest = files.at(-1)!;
    expect(again.output.stdout).toContain(`Database is up to date (latest migration ${latest.version}_${latest.name}).`);
  });

  it('worker runs alone until SIGTERM, then exits 0', async () => {
    const worker = rathaus(['worker']);
    await vi.waitFor(() => expect(worker.output.stdout).toContain('"msg":"worker ready"'), { timeout: 60_000, interval: 100 });
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output.stderr).toContain('SIGTERM received');
  });

  it('web serves without a worker until SIGTERM, then exits 0', async () => {
    const port = await freePort();
    const web = rathaus(['web'], { PORT: String(port) });
    await vi.waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(res.status).toBe(200);
      },
      { timeout: 60_000, interval: 250 },
    );
    expect(web.output.stdout).toMatch(/"worker":false.*"msg":"ready"/);
    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  });

  it('tenant create names what is missing on stderr, with the usage and exit code 2', async () => {
    const bad = rathaus(['tenant', 'create', '--slug', 'x']);
    expect(await bad.exited).toBe(2);
    expect(bad.output.stderr).toContain('--name: Bitte geben Sie den amtlichen Namen an.');
    expect(bad.output.stderr).toContain('Usage: rathaus tenant create');
  });
});
