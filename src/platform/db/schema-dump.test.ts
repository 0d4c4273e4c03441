import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { readMigrationFiles } from './migrate.js';
import { SCHEMA_DUMP_FILE, dumpSchema } from './schema-dump.js';

describe('committed schema dump', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('matches a freshly migrated database', async () => {
    const fresh = await testDb.db.asOwner(dumpSchema);
    const committed = fs.existsSync(SCHEMA_DUMP_FILE) ? fs.readFileSync(SCHEMA_DUMP_FILE, 'utf8') : '';
    expect(fresh, 'migrations/schema.sql differs from a freshly migrated database: run `npx rathaus schema dump` and commit the result').toBe(committed);
  });

  it('is deterministic and shows a schema change as a diff', async () => {
    const before = await testDb.db.asOwner(dumpSchema);
    expect(await testDb.db.asOwner(dumpSchema)).toBe(before);
    await testDb.db.asOwner((o) => o.exec(`ALTER TABLE platform_news ADD COLUMN teaser text; CREATE INDEX platform_news_teaser ON platform_news (teaser)`));
    const after = await testDb.db.asOwner(dumpSchema);
    expect(after).toContain('  teaser text\n);');
    expect(after).toContain('CREATE INDEX platform_news_teaser ON platform_news USING btree (teaser);');
  });

  it('leaves out migration data and other schemas', async () => {
    await testDb.db.asOwner((o) => o.exec(`CREATE SCHEMA dump_probe; CREATE TABLE dump_probe.hidden (id int)`));
    const dump = await testDb.db.asOwner(dumpSchema);
    expect(dump).toContain('CREATE TABLE schema_migrations (');
    // The ledger's rows (e.g. the first migration's checksum) are data, not schema.
    expect(dump).not.toContain(readMigrationFiles()[0]!.checksum);
    expect(dump).not.toContain('dump_probe');
  });
});
