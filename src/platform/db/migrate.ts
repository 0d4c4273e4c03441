/**
 * Forward-only SQL migrations: `migrations/NNNN_what.sql`, applied in order, each in its own
 * transaction, as the database owner. An applied migration whose file changed afterwards stops
 * the start: fix forward with a new file instead.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installJobSchema } from '../jobs/job-schema.js';
import { APP_ROLE, type Database, type SqlSession } from './database.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the migration files in order. */
export function readMigrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sqlText = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        version: f.slice(0, 4),
        name: f.slice(5, -4),
        sql: sqlText,
        checksum: createHash('sha256').update(sqlText).digest('hex'),
      };
    });
}

const LOCK_KEY = 727_274_001; // arbitrary constant: one migrator at a time per database

async function ensureLedger(owner: SqlSession): Promise<void> {
  await owner.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** Applies pending migrations and installs or upgrades the job queue's schema; returns the versions applied now. */
export async function migrate(db: Database, files = readMigrationFiles()): Promise<string[]> {
  return db.asOwner(async (owner) => {
    await owner.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await ensureLedger(owner);
      const applied = new Map(
        (await owner.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map((r) => [
          r.version,
          r.checksum,
        ]),
      );
      const done: string[] = [];
      for (const file of files) {
        const known = applied.get(file.version);
        if (known !== undefined) {
          if (known !== file.checksum) {
            throw new Error(`Migration ${file.version}_${file.name}.sql was changed after it was applied; add a new migration instead.`);
          }
          continue;
        }
        await owner.exec('BEGIN');
        try {
          await owner.exec(file.sql);
          await owner.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [file.version, file.name, file.checksum]);
          await owner.exec(`GRANT SELECT ON schema_migrations TO ${APP_ROLE}`);
          await owner.exec('COMMIT');
        } catch (e) {
          await owner.exec('ROLLBACK');
          throw new Error(`Migration ${file.version}_${file.name}.sql failed: ${(e as Error).message}`, { cause: e });
        }
        done.push(file.version);
      }
      // The job queue's schema follows its package version, after ours (the app role exists by now).
      await installJobSchema(owner);
      return done;
    } finally {
      await owner.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

/** Versions present as files but not yet applied (read as the application role). */
export async function pendingMigrations(db: Database, files = readMigrationFiles()): Promise<string[]> {
  const rows = await db.kysely.selectFrom('schema_migrations').select('version').execute();
  const applied = new Set(rows.map((r) => r.version));
  return files.filter((f) => !applied.has(f.version)).map((f) => f.version);
}
