import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.js';
import { SCHEMA_DUMP_FILE, dumpFreshSchema } from '../../platform/db/schema-dump.js';

/**
 * `rathaus schema dump`: migrates a throw-away database and writes its schema to
 * migrations/schema.sql, so a migration and its effect are committed together. It never reads
 * the configured database: the dump must not depend on what a developer's data dir holds.
 */
export const schemaDumpCommand: Command = {
  path: ['schema', 'dump'],
  summary: 'Write the schema of a freshly migrated database to migrations/schema.sql',
  usage: 'rathaus schema dump [--stdout]',
  async run(args, ctx) {
    const dump = await dumpFreshSchema();
    if (args.flags.stdout) {
      process.stdout.write(dump);
      return 0;
    }
    const before = fs.existsSync(SCHEMA_DUMP_FILE) ? fs.readFileSync(SCHEMA_DUMP_FILE, 'utf8') : '';
    fs.writeFileSync(SCHEMA_DUMP_FILE, dump);
    const where = path.relative(process.cwd(), SCHEMA_DUMP_FILE) || SCHEMA_DUMP_FILE;
    ctx.out(before === dump ? `${where} is up to date.` : `Wrote ${where}; commit it with the migration.`);
    return 0;
  },
};
