import type { Command, ParsedArgs } from '../command.js';
import { CliUsageError } from '../command.js';
import { findTenantConflicts, parseNewTenant, type NewTenantField, type NewTenantInput } from '../../modules/tenants/new-tenant.js';
import { createTenant } from '../../modules/tenants/seed.js';
import type { FieldError } from '../../platform/errors/app-error.js';

/** `rathaus tenant list`: every municipality with its slug, keys and state. */
export const tenantListCommand: Command = {
  path: ['tenant', 'list'],
  summary: 'List the municipalities',
  usage: 'rathaus tenant list',
  async run(_args, ctx) {
    const db = await ctx.db();
    const tenants = await db.kysely
      .selectFrom('tenants')
      .select(['slug', 'ags', 'reference_code', 'district', 'official_name', 'active'])
      .orderBy('slug')
      .execute();
    if (tenants.length === 0) {
      ctx.out('No municipalities yet; add one with "rathaus tenant create" or run "rathaus seed".');
      return 0;
    }
    const width = Math.max(4, ...tenants.map((t) => t.slug.length));
    ctx.out(`${'slug'.padEnd(width)}  AGS       prefix  state     district        official name`);
    for (const t of tenants) {
      ctx.out(`${t.slug.padEnd(width)}  ${t.ags}  ${(t.reference_code ?? '—').padEnd(6)}  ${(t.active ? 'active' : 'inactive').padEnd(8)}  ${t.district.padEnd(14)}  ${t.official_name}`);
    }
    return 0;
  },
};

/** Command-line option → field of the new municipality. */
const OPTIONS: Record<string, NewTenantField> = {
  slug: 'slug',
  name: 'officialName',
  'short-name': 'shortName',
  'reference-code': 'referenceCode',
  'register-name': 'registerName',
  'status-kind': 'statusKind',
  ags: 'ags',
  ars: 'ars',
  district: 'district',
  street: 'street',
  'postal-code': 'postalCode',
  town: 'town',
  phone: 'phone',
  website: 'website',
};
const OPTION_OF = Object.fromEntries(Object.entries(OPTIONS).map(([option, field]) => [field, option])) as Record<NewTenantField, string>;

/** One block per problem: the option, then the German and the English message. */
function describeProblems(errors: FieldError[]): string {
  return errors.map((e) => `--${OPTION_OF[e.path as NewTenantField] ?? e.path}: ${e.message.de}\n    ${e.message.en}`).join('\n');
}

function readInput(args: ParsedArgs): NewTenantInput {
  const unknown = Object.keys(args.flags).filter((flag) => !(flag in OPTIONS));
  if (unknown.length > 0) throw new CliUsageError(`Unknown option${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `--${f}`).join(', ')}`);
  if (args.positional.length > 0) throw new CliUsageError(`Unexpected argument "${args.positional[0]}": every value needs its option, e.g. --town Wurzen`);
  const empty = Object.entries(args.flags).filter(([, v]) => v === true).map(([flag]) => `--${flag}`);
  if (empty.length > 0) throw new CliUsageError(`${empty.join(', ')} ${empty.length > 1 ? 'need values' : 'needs a value'}`);
  const input: NewTenantInput = {};
  for (const [option, field] of Object.entries(OPTIONS)) {
    const v = args.flags[option];
    if (typeof v === 'string') input[field] = v;
  }
  return input;
}

/** `rathaus tenant create`: a new municipality with its (planned) catalogue and legal pages. */
export const tenantCreateCommand: Command = {
  path: ['tenant', 'create'],
  summary: 'Add a municipality (all services start as planned)',
  usage:
    'rathaus tenant create --slug --name --short-name --ags --district --street --postal-code --town [--status-kind --ars --reference-code --register-name --phone --website]',
  async run(args, ctx) {
    const parsed = parseNewTenant(readInput(args));
    if (!parsed.ok) throw new CliUsageError(describeProblems(parsed.errors));
    const db = await ctx.db();
    const conflicts = await findTenantConflicts(db, parsed.value);
    if (conflicts.length > 0) throw new CliUsageError(describeProblems(conflicts));
    const tenant = parsed.value;
    try {
      await createTenant(db, tenant);
    } catch (e) {
      // Another process created the same slug or AGS between the check and the insert.
      if ((e as { code?: string }).code === '23505') throw new CliUsageError(describeProblems(await findTenantConflicts(db, tenant)));
      throw e;
    }
    ctx.out(`Created municipality ${tenant.slug}: ${tenant.officialName} (AGS ${tenant.ags}, reference prefix ${tenant.referenceCode}, ${tenant.statusKind}).`);
    ctx.out(`Its pages are at ${ctx.settings.publicBaseUrl ?? ''}/${tenant.slug}; all services start as planned.`);
    ctx.out(`Next: staff accounts with "rathaus user create --tenant ${tenant.slug} …".`);
    return 0;
  },
};
