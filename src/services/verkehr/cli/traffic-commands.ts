/**
 * `rathaus verkehr …`: a municipality's traffic-order data until the tenant admin pages exist —
 * its settings (fees, lead times, thresholds, conditions; a partial document over the defaults),
 * the parties it consults, and its road list (classified roads decide competence).
 *
 *   rathaus verkehr settings show bennewitz
 *   rathaus verkehr settings set bennewitz --file bennewitz-verkehr.json
 *   rathaus verkehr party set bennewitz polizei --name "Polizeirevier Wurzen" --email revier@… --kind police --triggers carriageway,closure
 *   rathaus verkehr party list bennewitz
 *   rathaus verkehr street add bennewitz --name "Leipziger Straße" --class bundesstrasse --ref "B 6" --confirmed
 *   rathaus verkehr street list bennewitz
 */
import fs from 'node:fs';
import type { Command } from '../../../cli/command.js';
import { CliUsageError, requireFlag, tenantIdFromSlug } from '../../../cli/command.js';
import type { RoadClass } from '../../../platform/db/schema.js';
import { TRIGGERS } from '../consultation/consultation-parties.js';
import { streetKey } from '../traffic-area.js';
import { CASE_TYPES } from '../traffic-application.js';
import { loadTrafficSettings, saveTrafficSettings } from '../traffic-settings.js';

const ROAD_CLASSES: RoadClass[] = ['gemeindestrasse', 'sonstige', 'kreisstrasse', 'staatsstrasse', 'bundesstrasse'];
const KINDS = ['police', 'road-authority', 'transit', 'fire-rescue', 'waste', 'building-yard', 'other'] as const;

function listFlag(value: string | true | undefined, allowed: readonly string[], name: string, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  const list = String(value).split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((v) => !allowed.includes(v));
  if (list.length === 0 || bad.length > 0) throw new CliUsageError(`--${name} takes a comma-separated list of: ${allowed.join(', ')}`);
  return list;
}

/** `rathaus verkehr settings show <tenant>`. */
export const trafficSettingsShowCommand: Command = {
  path: ['verkehr', 'settings', 'show'],
  summary: "Print a municipality's traffic-order settings (defaults filled in) as JSON",
  usage: 'rathaus verkehr settings show <tenant>',
  async run(args, ctx) {
    const db = await ctx.db();
    const tenantId = await tenantIdFromSlug(db, args.positional[0]);
    ctx.out(JSON.stringify(await db.withTenant(tenantId, (trx) => loadTrafficSettings(trx, tenantId)), null, 2));
    return 0;
  },
};

/** `rathaus verkehr settings set <tenant> --file <json>`: replaces the stored document after checking it. */
export const trafficSettingsSetCommand: Command = {
  path: ['verkehr', 'settings', 'set'],
  summary: "Replace a municipality's traffic-order settings from a JSON file (over the defaults, checked first)",
  usage: 'rathaus verkehr settings set <tenant> --file <settings.json>',
  async run(args, ctx) {
    const file = requireFlag(args, 'file');
    let doc: unknown;
    try {
      doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new CliUsageError(`Cannot read ${file} as JSON: ${(e as Error).message}`);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new CliUsageError(`${file} must hold a JSON object`);
    const db = await ctx.db();
    const tenantId = await tenantIdFromSlug(db, args.positional[0]);
    try {
      await db.withTenant(tenantId, (trx) => saveTrafficSettings(trx, tenantId, doc as Record<string, unknown>, new Date()));
    } catch (e) {
      throw new CliUsageError((e as Error).message);
    }
    ctx.out(`Traffic-order settings of ${args.positional[0]} replaced from ${file}.`);
    return 0;
  },
};

/** `rathaus verkehr party set <tenant> <id> …`: creates or changes a consulted party. */
export const trafficPartySetCommand: Command = {
  path: ['verkehr', 'party', 'set'],
  summary: 'Create or change a party the municipality consults on traffic orders',
  usage: 'rathaus verkehr party set <tenant> <id> --name <name> --email <address> --kind <kind> [--case-types BAU,HUB,CON,VER] [--triggers always] [--disabled]',
  async run(args, ctx) {
    const [slug, id] = args.positional;
    if (!id || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) throw new CliUsageError('Give the party an id of lower-case letters, digits and dashes, e.g. "polizei-wurzen"');
    const kind = requireFlag(args, 'kind');
    if (!(KINDS as readonly string[]).includes(kind)) throw new CliUsageError(`--kind is one of: ${KINDS.join(', ')}`);
    const email = requireFlag(args, 'email');
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new CliUsageError('--email must be an e-mail address');
    const values = {
      name: requireFlag(args, 'name'),
      email,
      kind: kind as (typeof KINDS)[number],
      case_types: listFlag(args.flags['case-types'], CASE_TYPES, 'case-types', ['BAU', 'HUB', 'CON', 'VER']),
      triggers: listFlag(args.flags.triggers, TRIGGERS, 'triggers', ['always']),
      active: args.flags.disabled !== true,
    };
    const db = await ctx.db();
    const tenantId = await tenantIdFromSlug(db, slug);
    await db.withTenant(tenantId, (trx) =>
      trx
        .insertInto('traffic_consultation_parties')
        .values({ tenant_id: tenantId, id, ...values })
        .onConflict((oc) => oc.columns(['tenant_id', 'id']).doUpdateSet(values))
        .execute(),
    );
    ctx.out(`Party "${id}" of ${slug}: ${values.name} <${values.email}>, ${values.case_types.join('/')}, when ${values.triggers.join(' or ')}${values.active ? '' : ' (switched off)'}.`);
    return 0;
  },
};

/** `rathaus verkehr party list <tenant>`. */
export const trafficPartyListCommand: Command = {
  path: ['verkehr', 'party', 'list'],
  summary: 'List the parties a municipality consults on traffic orders',
  usage: 'rathaus verkehr party list <tenant>',
  async run(args, ctx) {
    const db = await ctx.db();
    const tenantId = await tenantIdFromSlug(db, args.positional[0]);
    const rows = await db.withTenant(tenantId, (trx) => trx.selectFrom('traffic_consultation_parties').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute());
    if (rows.length === 0) ctx.out('No parties yet; add one with "rathaus verkehr party set".');
    for (const r of rows) ctx.out(`${r.id}  ${r.kind}  ${r.active ? 'on' : 'off'}  ${r.name} <${r.email}>  ${r.case_types.join(',')}  ${r.triggers.join(',')}`);
    return 0;
  },
};

/** `rathaus verkehr street add <tenant> --name N --class C …`: adds a road to the list competence is decided by. */
export const trafficStreetAddCommand: Command = {
  path: ['verkehr', 'street', 'add'],
  summary: "Add a road to a municipality's road list (classified roads are referred to the Landratsamt)",
  usage: 'rathaus verkehr street add <tenant> --name <street or number> --class <road class> [--ref "S 11"] [--locality <Ortsteil>] [--width <m>] [--bus-route] [--confirmed]',
  async run(args, ctx) {
    const name = requireFlag(args, 'name');
    const roadClass = requireFlag(args, 'class') as RoadClass;
    if (!ROAD_CLASSES.includes(roadClass)) throw new CliUsageError(`--class is one of: ${ROAD_CLASSES.join(', ')}`);
    const width = args.flags.width === undefined ? null : Number(String(args.flags.width).replace(',', '.'));
    if (width !== null && !(width > 0 && width < 100)) throw new CliUsageError('--width is the carriageway width in metres, e.g. 6.5');
    const db = await ctx.db();
    const tenantId = await tenantIdFromSlug(db, args.positional[0]);
    await db.withTenant(tenantId, (trx) =>
      trx
        .insertInto('traffic_streets')
        .values({
          tenant_id: tenantId,
          name,
          name_key: streetKey(name),
          road_class: roadClass,
          road_ref: typeof args.flags.ref === 'string' ? args.flags.ref : null,
          locality: typeof args.flags.locality === 'string' ? args.flags.locality : null,
          carriageway_width_m: width,
          bus_route: args.flags['bus-route'] === true,
          confirmed: args.flags.confirmed === true,
          source: 'rathaus verkehr street add',
        })
        .execute(),
    );
    ctx.out(`Road "${name}" (${roadClass}) added to the list of ${args.positional[0]}.`);
    return 0;
  },
};

/** `rathaus verkehr street list <tenant>`. */
export const trafficStreetListCommand: Command = {
  path: ['verkehr', 'street', 'list'],
  summary: "List a municipality's road list",
  usage: 'rathaus verkehr street list <tenant>',
  async run(args, ctx) {
    const db = await ctx.db();
    const tenantId = await tenantIdFromSlug(db, args.positional[0]);
    const rows = await db.withTenant(tenantId, (trx) => trx.selectFrom('traffic_streets').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute());
    if (rows.length === 0) ctx.out('No roads listed; every street is presumed municipal.');
    for (const r of rows) ctx.out(`${r.name}  ${r.road_class}${r.road_ref ? ` ${r.road_ref}` : ''}  ${r.confirmed ? 'confirmed' : 'unconfirmed'}${r.bus_route ? '  bus route' : ''}${r.carriageway_width_m ? `  ${r.carriageway_width_m} m` : ''}`);
    return 0;
  },
};

/** The commands, for the CLI's list. */
export const trafficCommands: Command[] = [trafficSettingsShowCommand, trafficSettingsSetCommand, trafficPartySetCommand, trafficPartyListCommand, trafficStreetAddCommand, trafficStreetListCommand];
