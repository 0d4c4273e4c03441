import type { Command } from '../command.js';
import { migrate, readMigrationFiles } from '../../platform/db/migrate.js';
import { JOB_SCHEMA_VERSION } from '../../platform/jobs/job-schema.js';

/** `rathaus migrate`: applies pending migrations and reports exactly which ones ran now. */
export const migrateCommand: Command = {
  path: ['migrate'],
  summary: 'Apply pending database migrations (and install or upgrade the job queue schema)',
  usage: 'rathaus migrate',
  async run(_args, ctx) {
    const db = await ctx.db({ migrate: false });
    const files = readMigrationFiles();
    const applied = await migrate(db, files);
    const names = new Map(files.map((f) => [f.version, `${f.version}_${f.name}`]));
    const latest = files.at(-1);
    ctx.out(
      applied.length > 0
        ? `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.map((v) => names.get(v) ?? v).join(', ')}.`
        : `Database is up to date (latest migration ${latest ? `${latest.version}_${latest.name}` : 'none'}).`,
    );
    ctx.out(`Job queue schema: pg-boss version ${JOB_SCHEMA_VERSION}.`);
    return 0;
  },
};
