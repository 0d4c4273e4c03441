/**
 * A fresh, migrated and seeded database per test file. On PGlite each file loads a copy of a
 * template data directory that global setup dumped once (initdb takes seconds; loading a dump
 * a fraction of that). With TEST_DATABASE_URL (or DATABASE_URL) set, each file gets its own
 * PostgreSQL database cloned from a template database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';


/** The PostgreSQL server URL for tests, or undefined for PGlite. */
export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  db: Database;
  /** The URL of this file's own database (PostgreSQL only), for tests that start processes. */
  url?: string;
  drop(): Promise<void>;
}

/** Opens this test file's own database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    const db = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) });
    return { db, drop: () => db.close() };
  }
  const name = `rathaus_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: serverUrl, poolSize: 1 });
  await admin.asOwner((o) => o.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`));
  await admin.close();
  const url = withDatabaseName(serverUrl, name);
  const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  return {
    db,
    url,
    async drop() {
      await db.close();
      const a = await openDatabase({ kind: 'postgres', url: serverUrl, poolSize: 1 });
      await a.asOwner((o) => o.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await a.close();
    },
  };
}
