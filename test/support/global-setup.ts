/**
 * Runs once before the suite: migrates and seeds a template database (no demo accounts; tests
 * create the staff they need), so every test file starts from the same state quickly. Template
 * names are unique per run, so two suites on one machine do not trample each other.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { seedPlatform } from '../../src/modules/tenants/seed.js';
import { testPostgresUrl, withDatabaseName } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testPostgresUrl();
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  // CI runs the suites under two Node versions and checks the log for the one it asked for.
  process.stdout.write(`Tests run on: Node.js ${process.version}\n`);
  if (!serverUrl) {
    process.stdout.write('Database tests run on: PGlite (embedded)\n');
    const db = await openDatabase({ kind: 'pglite' });
    await migrate(db);
    await seedPlatform(db, { demoStaff: false });
    const dump = await db.dumpDataDir();
    await db.close();
    const file = path.resolve(`.tmp/pglite-template-${runId}.tar.gz`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    project.provide('postgresTemplate', '');
    return async () => fs.rmSync(file, { force: true });
  }
  process.stdout.write(`Database tests run on: PostgreSQL (${new URL(serverUrl).host})\n`);
  const template = `rathaus_test_template_${runId}`;
  const admin = await openDatabase({ kind: 'postgres', url: serverUrl, poolSize: 1 });
  await admin.asOwner((o) => o.exec(`CREATE DATABASE ${template}`));
  const db = await openDatabase({ kind: 'postgres', url: withDatabaseName(serverUrl, template), poolSize: 1 });
  await migrate(db);
  await seedPlatform(db, { demoStaff: false });
  await db.close();
  project.provide('pgliteTemplate', '');
  project.provide('postgresTemplate', template);
  return async () => {
    await admin.asOwner((o) => o.exec(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
    await admin.close();
  };
}
