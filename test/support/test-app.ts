/**
 * Builds the real application with `createApp` on this test file's own database, plus helpers
 * to act like a browser: keep cookies, read the CSRF token from a page, post forms.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { createApp, type AppDeps, type Clock } from '../../src/app.js';
import { loadSettings, type Settings } from '../../src/config/settings.js';
import { allJobs } from '../../src/job-registry.js';
import type { Database } from '../../src/platform/db/database.js';
import { createJobQueue, type JobQueue } from '../../src/platform/jobs/job-queue.js';
import { createMemoryStorage } from '../../src/platform/storage/demo-storage.js';
import type { ServicePackages } from '../../src/definitions/service-package.js';
import type { FileStorage } from '../../src/platform/storage/file-storage.js';
import type { VirusScanner } from '../../src/platform/uploads/scanners/virus-scanner.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  settings: Settings;
  secret: string;
  /** The app's job queue (send only: no worker runs; tests run handlers or a worker themselves). */
  queue: JobQueue;
  /** The app's file storage (in-memory demo storage unless the test passed one). */
  storage: FileStorage;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** A controllable clock for tests. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-28T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

/** Creates the app on a fresh database. */
export async function createTestContext(
  opts: {
    settings?: Partial<Settings>;
    clock?: Clock;
    /** File storage (default: in-memory demo storage, so tests never write into ./data). */
    storage?: FileStorage;
    /** Virus scanner (default: from settings, i.e. off). */
    scanner?: VirusScanner;
    /** Case engine and back office extensions, built on this file's database (e.g. the fixture workflow). */
    appDeps?: (db: Database) => Pick<AppDeps, 'caseEngine' | 'backOffice'>;
    /** The procedures (default: the application's); tests pass the fixture packages. */
    packages?: ServicePackages;
    /** Adds test-only routes before the app is made ready. */
    routes?: (app: FastifyInstance, ctx: { secret: string; storage: FileStorage }) => void | Promise<void>;
  } = {},
): Promise<TestContext> {
  const testDb = await createTestDatabase();
  const settings = loadSettings({ NODE_ENV: 'test' }, opts.settings);
  const secret = randomBytes(32).toString('base64url');
  const queue = await createJobQueue(testDb.db, { jobs: allJobs(), log: pino({ level: 'silent' }) });
  const storage = opts.storage ?? createMemoryStorage();
  const app = await createApp({ settings, db: testDb.db, secret, clock: opts.clock, queue, logger: process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false, storage, scanner: opts.scanner, packages: opts.packages, ...opts.appDeps?.(testDb.db) });
  await opts.routes?.(app, { secret, storage });
  await app.ready();
  return {
    app,
    db: testDb.db,
    settings,
    secret,
    queue,
    storage,
    testDb,
    async close() {
      await app.close();
      await queue.stop();
      await testDb.drop();
    },
  };
}

/** A cookie jar for `app.inject`, so a test can act as one browser. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** Posts a form as the browser would from one of our pages (same-origin). */
  async post(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: this.cookieHeader(), ...headers },
    });
    this.remember(res);
    return res;
  }

  /** Opens a page and returns the CSRF token of its first form. */
  async csrfFrom(url: string): Promise<string> {
    const res = await this.get(url);
    const token = csrfTokenIn(res.body);
    if (!token) throw new Error(`No CSRF token on ${url} (status ${res.statusCode})`);
    return token;
  }
}

/** The value of the first `_csrf` hidden input in an HTML page. */
export function csrfTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}
