/**
 * One interface over the embedded PGlite database and a PostgreSQL server.
 *
 * - `kysely` reaches platform tables (tenants, staff identity, sessions).
 * - `withTenant(id, fn)` is the only way to reach tenant-owned tables: it opens a transaction
 *   and sets `app.tenant_id` for it, which the row-level-security policies check.
 * - `asOwner(fn)` runs SQL as the database owner (migrations, schema dump, operator tools);
 *   everything else runs as the role `rathaus_app`, which row-level security binds.
 */
import fs from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { DEFAULT_PGLITE_SHARED_BUFFERS } from '../../config/settings.js';
import { pgliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';
import { SerialQueue } from './serial-queue.js';

export type Trx = Transaction<DB>;

export const APP_ROLE = 'rathaus_app';

/** A plain SQL session, used for owner work and by pg-boss. */
export interface SqlSession {
  /** One statement with positional parameters. */
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /** A script of several statements without parameters. */
  exec(script: string): Promise<void>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly kysely: Kysely<DB>;
  /** Runs `fn` in one transaction on platform tables. */
  transaction<T>(fn: (trx: Trx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction scoped to a tenant (row-level security applies). */
  withTenant<T>(tenantId: string, fn: (trx: Trx) => Promise<T>): Promise<T>;
  /** A raw statement as the application role (health checks, the job queue adapter). */
  sql: SqlSession;
  /** Runs `fn` with a session of the database owner. */
  asOwner<T>(fn: (owner: SqlSession) => Promise<T>): Promise<T>;
  /** PGlite only: the whole data directory as a gzipped tarball (test templates, backups). */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; sharedBuffers?: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

// int8 as number (counts, ids fit), date as its ISO text (a calendar day has no time zone).
const INT8 = 20;
const DATE = 1082;
const pgTypeParsers: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [DATE]: (v) => v,
};

async function withTenantOn<T>(kysely: Kysely<DB>, tenantId: string, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return kysely.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return fn(trx);
  });
}

async function openPGlite(target: Extract<DatabaseTarget, { kind: 'pglite' }>): Promise<Database> {
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  const options: PGliteOptions = { parsers: pgTypeParsers };
  if (target.loadDataDir) options.loadDataDir = target.loadDataDir;
  // PostgreSQL's default of 128 MB of shared buffers lives in PGlite's WebAssembly memory, which
  // never shrinks: 16 MB cut a restart's resident memory by about 130 MB and the start by 0.3 s,
  // at the same throughput (benchmark B6). The operating system still caches the files.
  options.startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${target.sharedBuffers ?? DEFAULT_PGLITE_SHARED_BUFFERS}`];
  const pglite = await PGlite.create(target.dataDir ?? 'memory://', options);
  const queue = new SerialQueue();
  const kysely = new Kysely<DB>({ dialect: pgliteDialect(pglite, queue) });

  const session = (): SqlSession => ({
    async query<R>(text: string, values: unknown[] = []) {
      const r = await pglite.query<R>(text, values);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(script: string) {
      await pglite.exec(script);
    },
  });
  const unlocked = session();

  // The role may not exist yet on a fresh database; it is set after the first migration.
  const switchToAppRole = async () => {
    const exists = await pglite.query(`select 1 from pg_roles where rolname = $1`, [APP_ROLE]);
    if (exists.rows.length > 0) await pglite.exec(`SET ROLE ${APP_ROLE}`);
  };
  await switchToAppRole();

  return {
    kind: 'pglite',
    kysely,
    transaction: (fn) => kysely.transaction().execute(fn),
    withTenant: (tenantId, fn) => withTenantOn(kysely, tenantId, fn),
    sql: {
      query: (text, values) => queue.run(() => unlocked.query(text, values)),
      exec: (script) => queue.run(() => unlocked.exec(script)),
    },
    asOwner: (fn) =>
      queue.run(async () => {
        await pglite.exec('RESET ROLE');
        try {
          return await fn(unlocked);
        } finally {
          await switchToAppRole();
        }
      }),
    dumpDataDir: () => queue.run(async () => (await pglite.dumpDataDir('gzip')) as Blob),
    async close() {
      await kysely.destroy();
      await queue.run(() => pglite.close());
    },
  };
}

function pgSession(client: pg.ClientBase | pg.Pool): SqlSession {
  return {
    async query<R>(text: string, values: unknown[] = []) {
      const r = await client.query(text, values);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}

const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    pgTypeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<Database> {
  // Every pooled connection starts as the application role (startup option), so no query
  // can run with owner rights by accident.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    options: `-c role=${APP_ROLE}`,
    types: pgTypes,
  });
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    kysely,
    transaction: (fn) => kysely.transaction().execute(fn),
    withTenant: (tenantId, fn) => withTenantOn(kysely, tenantId, fn),
    sql: pgSession(pool),
    async asOwner(fn) {
      const client = new pg.Client({ connectionString: target.url, types: pgTypes });
      await client.connect();
      try {
        return await fn(pgSession(client));
      } finally {
        await client.end();
      }
    },
    dumpDataDir() {
      return Promise.reject(new Error('dumpDataDir is only available on PGlite; use pg_dump for PostgreSQL'));
    },
    async close() {
      // pool.end() resolves before the sockets are closed; wait for every client's 'remove' so
      // that "closed" means no backend is left (a DROP DATABASE … WITH (FORCE) right after would
      // kill them, and the dying clients throw uncaught errors).
      let open = pool.totalCount;
      const allRemoved = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on('remove', () => {
          if (--open <= 0) resolve();
        });
      });
      await kysely.destroy();
      // Kysely ends the pool only if it ever ran a query; raw `sql` use alone would leak it.
      if (!pool.ended && !pool.ending) await pool.end();
      await allRemoved;
    },
  };
}

/**
 * Opens the database. On PostgreSQL the role `rathaus_app` must exist (the first migration
 * creates it), so run {@link migrate} through `asOwner` before serving requests.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const db = target.kind === 'pglite' ? await openPGlite(target) : await openPostgres(target);
  // Closing twice (a shutdown path and a cleanup) is harmless: later calls wait for the first.
  const closeOnce = db.close.bind(db);
  let closing: Promise<void> | undefined;
  db.close = () => (closing ??= closeOnce());
  return db;
}

/** Where the settings point: PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR. */
export function databaseTargetFromSettings(s: { databaseUrl?: string | undefined; dataDir: string; databasePoolSize: number; pgliteSharedBuffers: string }): DatabaseTarget {
  return s.databaseUrl
    ? { kind: 'postgres', url: s.databaseUrl, poolSize: s.databasePoolSize }
    : { kind: 'pglite', dataDir: `${s.dataDir}/pglite`, sharedBuffers: s.pgliteSharedBuffers };
}
