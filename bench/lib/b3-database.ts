/**
 * A migrated database of its own for a scenario that measures the app's code in-process (B3, B4):
 * a fresh `bench_<random>` database, migrated by the app's own `migrate` as `npm start` does,
 * opened as the app opens it (every pooled connection the role rathaus_app, so row-level
 * security applies), and dropped afterwards even when the scenario fails.
 */
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { createBenchDatabase } from './postgres-admin.js';

/** Runs `fn` on a fresh, migrated database on the server and drops the database afterwards. */
export async function withMigratedDatabase<T>(serverUrl: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await createBenchDatabase(serverUrl);
  try {
    const db = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
    try {
      await migrate(db);
      return await fn(db);
    } finally {
      await db.close();
    }
  } finally {
    await database.drop();
  }
}
