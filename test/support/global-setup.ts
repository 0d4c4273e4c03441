/**
 * Runs once before the suite: migrates and seeds a template database (no demo accounts; tests
 * create the staff they need), so every test file starts from the same state quickly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { seedPlatform } from '../../src/modules/tenants/seed.js';
import { PG_TEMPLATE_DB, TEMPLATE_DUMP, testPostgresUrl, withDatabaseName } from './test-database.js';

export default async function setup(): Promise<void> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) {
    process.stdout.write('Database tests run on: PGlite (embedded)\n');
    const db = await openDatabase({ kind: 'pglite' });
    await migrate(db);
    await seedPlatform(db, { demoStaff: false });
    const dump = await db.dumpDataDir();
    await db.close();
    fs.mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
    fs.writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
    return;
  }
  process.stdout.write(`Database tests run on: PostgreSQL (${new URL(serverUrl).host})\n`);
  const admin = await openDatabase({ kind: 'postgres', url: serverUrl, poolSize: 1 });
  await admin.asOwner(async (o) => {
    await o.exec(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await o.exec(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  });
  await admin.close();
  const db = await openDatabase({ kind: 'postgres', url: withDatabaseName(serverUrl, PG_TEMPLATE_DB), poolSize: 1 });
  await migrate(db);
  await seedPlatform(db, { demoStaff: false });
  await db.close();
}
