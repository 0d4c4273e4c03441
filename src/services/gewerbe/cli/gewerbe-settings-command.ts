/**
 * `rathaus gewerbe settings …`: a municipality's Gewerbe settings (its area for the competence
 * check, street keys, the recipients of § 14 Abs. 8 GewO with their delivery channel and DVDV
 * address or waiver, the sender's contact). Until the tenant admin pages exist, this is how an
 * operator reads and replaces them; every document is checked before it is stored.
 *
 *   rathaus gewerbe settings show wurzen
 *   rathaus gewerbe settings set wurzen --file wurzen-gewerbe.json
 */
import fs from 'node:fs';
import type { Command } from '../../../cli/command.js';
import { CliUsageError, requireFlag } from '../../../cli/command.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { loadGewerbeSettings, saveGewerbeSettings } from '../settings.js';

async function tenantIdOf(db: Database, slug: string | undefined): Promise<string> {
  if (!slug) throw new CliUsageError('Name the municipality by its slug, e.g. "wurzen"');
  const row = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new CliUsageError(`No municipality with slug "${slug}"; see "rathaus tenant list"`);
  return row.id;
}

/** `rathaus gewerbe settings show <tenant>`: prints the settings as JSON. */
export const gewerbeSettingsShowCommand: Command = {
  path: ['gewerbe', 'settings', 'show'],
  summary: "Print a municipality's Gewerbe settings (area, recipients, …) as JSON",
  usage: 'rathaus gewerbe settings show <tenant>',
  async run(args, ctx) {
    const db = await ctx.db();
    const tenantId = await tenantIdOf(db, args.positional[0]);
    const settings = await db.withTenant(tenantId, (trx) => loadGewerbeSettings(trx, tenantId));
    ctx.out(JSON.stringify(settings, null, 2));
    return 0;
  },
};

/** `rathaus gewerbe settings set <tenant> --file <json>`: replaces the settings after checking them. */
export const gewerbeSettingsSetCommand: Command = {
  path: ['gewerbe', 'settings', 'set'],
  summary: "Replace a municipality's Gewerbe settings from a JSON file (checked first)",
  usage: 'rathaus gewerbe settings set <tenant> --file <settings.json>',
  async run(args, ctx) {
    const file = requireFlag(args, 'file');
    let settings: unknown;
    try {
      settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new CliUsageError(`Cannot read ${file} as JSON: ${(e as Error).message}`);
    }
    const db = await ctx.db();
    const tenantId = await tenantIdOf(db, args.positional[0]);
    try {
      await db.withTenant(tenantId, (trx) => saveGewerbeSettings(trx, tenantId, settings, new Date()));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      throw new CliUsageError(e.fieldErrors.map((f) => `${f.path}: ${f.message.de}\n    ${f.message.en}`).join('\n'));
    }
    ctx.out(`Gewerbe settings of ${args.positional[0]} replaced from ${file}.`);
    return 0;
  },
};
