import type { Command } from '../command.js';
import { migrate } from '../../platform/db/migrate.js';

/** `rathaus migrate`: applies pending migrations. */
export const migrateCommand: Command = {
  path: ['migrate'],
  summary: 'Apply pending database migrations',
  usage: 'rathaus migrate',
  async run(_args, ctx) {
    const db = await ctx.db();
    const applied = await migrate(db);
    ctx.out(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
    return 0;
  },
};
