import type { Command } from '../command.js';
import { formatDemoAccounts } from '../../modules/tenants/demo-accounts.js';
import { seedPlatform } from '../../modules/tenants/seed.js';

/**
 * `rathaus seed`: adds what is missing of the first-start data (catalogue, founding
 * municipalities, legal pages) and, outside production, demo staff accounts whose random
 * passwords are printed this once. Existing data is left alone, so it is safe to run again.
 */
export const seedCommand: Command = {
  path: ['seed'],
  summary: 'Seed the founding municipalities (and demo staff accounts outside production)',
  usage: 'rathaus seed [--no-demo-staff]',
  async run(args, ctx) {
    const demoStaff = args.flags['no-demo-staff'] !== true && ctx.settings.runtime !== 'production';
    const db = await ctx.db();
    const result = await seedPlatform(db, { demoStaff });
    ctx.out(
      result.createdTenants.length > 0
        ? `Created municipalities: ${result.createdTenants.join(', ')}.`
        : 'All founding municipalities exist already; nothing new to create.',
    );
    if (result.demoAccounts.length > 0) ctx.out(formatDemoAccounts(result.demoAccounts).trim());
    return 0;
  },
};
