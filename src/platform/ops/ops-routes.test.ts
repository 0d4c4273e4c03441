import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadSettings, type Settings } from '../../config/settings.js';
import { allJobs } from '../../job-registry.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { readMigrationFiles, type MigrationFile } from '../db/migrate.js';
import { createJobQueue, type JobQueue } from '../jobs/job-queue.js';
import { checkReadiness, metricsAccess } from './ops-routes.js';

const TOKEN = 'Zq3xK9mW2pR7tY4uV8nB1cD6eF0gH5jL'; // looks like a status-link token (32 characters)

let testDb: TestDatabase;
let queue: JobQueue;
const apps: FastifyInstance[] = [];
let logLines: string[] = [];

async function buildApp(opts: { settings?: Partial<Settings>; migrationFiles?: MigrationFile[] } = {}): Promise<FastifyInstance> {
  const settings = loadSettings({ NODE_ENV: 'test' }, { logLevel: 'info', ...opts.settings });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = await createApp({
    settings,
    db: testDb.db,
    secret: randomBytes(32).toString('base64url'),
    queue,
    migrationFiles: opts.migrationFiles,
    logger: { stream },
  });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  queue = await createJobQueue(testDb.db, { jobs: allJobs(), log: pino({ level: 'silent' }) });
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await queue?.stop();
  await testDb?.drop();
});

describe('/healthz and /readyz', () => {
  it('/healthz answers without asking the database', async () => {
    const app = await buildApp();
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('/readyz is ready when the database answers and every migration is applied', async () => {
    const app = await buildApp();
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 while a migration of this release is pending', async () => {
    const pendingFile: MigrationFile = { version: '9999', name: 'not_yet_applied', sql: 'SELECT 1', checksum: 'x' };
    const app = await buildApp({ migrationFiles: [...readMigrationFiles(), pendingFile] });
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', reason: 'migrations_pending', pending: ['9999'] });
  });

  it('/readyz answers 503 while the job schema is older than this release expects', async () => {
    const app = await buildApp();
    await testDb.db.asOwner((o) => o.exec('UPDATE pgboss.version SET version = version - 1'));
    try {
      const res = await app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', reason: 'job_schema_outdated' });
    } finally {
      await testDb.db.asOwner((o) => o.exec('UPDATE pgboss.version SET version = version + 1'));
    }
  });

  it('is not ready when the database cannot be reached', async () => {
    const other = await createTestDatabase();
    await other.db.close();
    expect(await checkReadiness(other.db, readMigrationFiles())).toEqual({ status: 'unavailable', reason: 'database_unreachable' });
    await other.drop();
  });
});

describe('/metrics', () => {
  it('exposes request durations by route pattern, job metrics and process metrics', async () => {
    const app = await buildApp();
    await app.inject('/healthz');
    await app.inject(`/wurzen/s/${TOKEN}`);
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/rathaus_http_request_duration_seconds_count\{route="\/healthz",method="GET",status="200"\} 1/);
    expect(res.body).toMatch(/rathaus_http_request_duration_seconds_count\{route="unmatched",method="GET",status="404"\} 1/);
    expect(res.body).toContain('# TYPE rathaus_jobs gauge');
    expect(res.body).toContain('# TYPE rathaus_job_runs_total counter');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).not.toContain(TOKEN);
  });

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    const app = await buildApp({ settings: { metricsToken: 'metrics-secret-123' } });
    const missing = await app.inject('/metrics');
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(missing.body).not.toContain('rathaus_http_request_duration_seconds');
    const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-secret-124' } });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-secret-123' } });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('rathaus_http_request_duration_seconds');
  });

  it('is open in development, and switched off in production unless a token is set', () => {
    expect(metricsAccess({ runtime: 'development', metricsToken: undefined }, undefined)).toBe('granted');
    expect(metricsAccess({ runtime: 'production', metricsToken: undefined }, 'Bearer anything')).toBe('disabled');
    expect(metricsAccess({ runtime: 'production', metricsToken: 'tok' }, 'Bearer tok')).toBe('granted');
    expect(metricsAccess({ runtime: 'production', metricsToken: 'tok' }, 'Basic tok')).toBe('unauthorized');
  });
});

describe('request logs', () => {
  it('name the route and request id, never tokens in paths or query strings', async () => {
    const app = await buildApp();
    logLines = [];
    await app.inject(`/wurzen?resume=${TOKEN}`);
    await app.inject(`/wurzen/s/${TOKEN}?x=1`);
    const logged = logLines.join('');
    expect(logged).not.toContain(TOKEN);
    const requests = logLines.map((l) => JSON.parse(l) as { msg: string; req?: { id: string; route?: string; path: string } }).filter((l) => l.req);
    expect(requests.map((l) => l.req!.path)).toEqual(['/wurzen', '/wurzen/s/:redacted']);
    expect(requests[0]!.req).toMatchObject({ route: '/:tenant' });
    expect(requests[0]!.req!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leave the health probes out of the info log', async () => {
    const app = await buildApp();
    logLines = [];
    await app.inject('/healthz');
    await app.inject('/readyz');
    expect(logLines).toEqual([]);
  });
});
