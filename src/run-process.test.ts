/**
 * The real process: `node bin/start.js` (what `npm start` runs) on its own data directory (or this file's
 * PostgreSQL database), web and worker in one process, stopped with SIGTERM while a request is
 * still arriving. The request must be answered and the process must exit cleanly.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../test/support/cli-runner.js';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let testDb: TestDatabase | undefined;
let dataDir: string;
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-sigterm-'));
  testDb = await createTestDatabase();
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await testDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('answers a request that began before SIGTERM, then exits 0', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false' };
    delete env.DATABASE_URL;
    delete env.TEST_DATABASE_URL;
    if (testDb?.url) env.DATABASE_URL = testDb.url;
    child = spawn(process.execPath, ['bin/start.js'], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    await vi.waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(res.status).toBe(200);
      },
      { timeout: 90_000, interval: 250 },
    );

    // A form post whose body is only half sent: the request is routed and waits for the rest.
    const body = 'email=nobody%40example.org&password=wrong-password';
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (d: Buffer) => (response += d.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await vi.waitFor(() => expect(stdout).toMatch(/"msg":"incoming request".*"route":"\/staff\/login"|"route":"\/staff\/login".*"msg":"incoming request"/), {
      timeout: 10_000,
      interval: 50,
    });

    child.kill('SIGTERM');
    await vi.waitFor(() => expect(stderr).toContain('SIGTERM received'), { timeout: 10_000, interval: 50 });
    // New connections are no longer accepted while the old request finishes.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status)).rejects.toThrow();

    socket.end(body.slice(10));
    await closed;
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).not.toBe(503);
    expect(await exited).toBe(0);
    expect(stderr).not.toContain('grace period over');
  });
});
