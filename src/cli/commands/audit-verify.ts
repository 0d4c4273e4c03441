/**
 * `rathaus audit verify [--tenant <slug>]`: recomputes each municipality's case event hash chain
 * (see src/platform/audit/case-events.ts) and prints, per municipality, OK with the number of
 * events, or the first broken event with its sequence number and case reference. Exits 1 when
 * any chain is broken, so monitoring and CI can act on it.
 *
 * A chain proves that no event before the newest was changed, removed or inserted; removing the
 * newest events leaves a shorter valid chain, which only a copy of the last hash kept elsewhere
 * would reveal.
 */
import type { Database } from '../../platform/db/database.js';
import { verifyCaseEventChain, type ChainVerification } from '../../platform/audit/case-events.js';
import { CliUsageError, type Command } from '../command.js';

const REASONS: Record<NonNullable<ChainVerification['brokenAt']>['reason'], string> = {
  hash: 'its content no longer matches its hash (the event was changed)',
  link: 'it does not link to the event before it (an event was changed, inserted or reordered)',
  gap: 'this sequence number is missing (an event was removed)',
};

async function referenceOf(db: Database, tenantId: string, caseId: string): Promise<string> {
  const row = await db.withTenant(tenantId, (trx) => trx.selectFrom('cases').select('reference').where('tenant_id', '=', tenantId).where('id', '=', caseId).executeTakeFirst());
  return row?.reference ?? `unknown case ${caseId}`;
}

/** `rathaus audit verify`. */
export const auditVerifyCommand: Command = {
  path: ['audit', 'verify'],
  summary: "Check every municipality's case event hash chain; name the first broken event",
  usage: 'rathaus audit verify [--tenant <slug>]',
  async run(args, ctx) {
    const unknown = Object.keys(args.flags).filter((flag) => flag !== 'tenant');
    if (unknown.length > 0) throw new CliUsageError(`Unknown option: --${unknown[0]}`);
    if (args.positional.length > 0) throw new CliUsageError(`Unexpected argument "${args.positional[0]}"`);
    const slug = args.flags.tenant;
    if (slug === true) throw new CliUsageError('--tenant needs the slug of a municipality, e.g. --tenant wurzen');
    const db = await ctx.db();
    let query = db.kysely.selectFrom('tenants').select(['id', 'slug']).orderBy('slug');
    if (slug !== undefined) query = query.where('slug', '=', slug);
    const tenants = await query.execute();
    if (slug !== undefined && tenants.length === 0) throw new CliUsageError(`There is no municipality "${slug}" (see "rathaus tenant list")`);

    let broken = 0;
    for (const tenant of tenants) {
      const result = await verifyCaseEventChain(db, tenant.id);
      if (!result.brokenAt) {
        ctx.out(`${tenant.slug}: OK, ${result.checked} events`);
        continue;
      }
      broken++;
      const { seq, caseId, reason } = result.brokenAt;
      const reference = await referenceOf(db, tenant.id, caseId);
      // For a gap the case is that of the event after the missing one.
      const where = reason === 'gap' ? `next event: case ${reference}` : `case ${reference}`;
      ctx.out(`${tenant.slug}: BROKEN at event ${seq} (${where}): ${REASONS[reason]}; the ${result.checked} events before it are intact`);
    }
    if (tenants.length === 0) ctx.out('No municipalities yet.');
    return broken > 0 ? 1 : 0;
  },
};
