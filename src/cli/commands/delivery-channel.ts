/**
 * `rathaus channel …`: a municipality's delivery channels (which plug-in with which options each
 * recipient's deliveries use). Until the tenant admin pages exist this is how an operator sets
 * them up, switches one (e.g. from failing-demo to file-drop) and checks them:
 *
 *   rathaus channel set wurzen ihk-leipzig --type http-post --name "IHK zu Leipzig" \
 *     --options '{"url":"https://ihk.example/eingang","bearerTokenSecret":"ihk-token"}'
 *   rathaus channel list wurzen
 *   rathaus channel check wurzen [ihk-leipzig]
 *
 * Options hold references to secrets (files in DELIVERY_SECRETS_DIR), never secrets.
 */
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { CliUsageError, requireFlag } from '../command.js';
import { createMailTransport } from '../../platform/mail/mail-transport.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Database } from '../../platform/db/database.js';
import { createDeliveryChannelRegistry } from '../../modules/deliveries/channels/channel-registry.js';
import { createDirectorySecrets } from '../../modules/deliveries/channels/directory-secrets.js';
import { configureDeliveryChannel, listTenantChannels } from '../../modules/deliveries/tenant-channels.js';

async function tenantIdOf(db: Database, slug: string | undefined): Promise<string> {
  if (!slug) throw new CliUsageError('Name the municipality by its slug, e.g. "wurzen"');
  const row = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new CliUsageError(`No municipality with slug "${slug}"; see "rathaus tenant list"`);
  return row.id;
}

function parseOptions(args: ParsedArgs): Record<string, unknown> {
  const raw = args.flags.options;
  if (raw === undefined) return {};
  if (raw === true) throw new CliUsageError('--options needs a JSON object, e.g. --options \'{"folder":"wurzen/ihk"}\'');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CliUsageError('--options is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CliUsageError('--options must be a JSON object');
  return parsed as Record<string, unknown>;
}

/** `rathaus channel set <tenant> <id> --type T --name N [--options JSON] [--disabled]`. */
export const channelSetCommand: Command = {
  path: ['channel', 'set'],
  summary: "Create or change a municipality's delivery channel",
  usage: 'rathaus channel set <tenant> <id> --type <plug-in> --name <name> [--options <json>] [--disabled]',
  async run(args, ctx) {
    const [slug, id] = args.positional;
    if (!id) throw new CliUsageError('Usage: rathaus channel set <tenant> <id> --type <plug-in> --name <name> [--options <json>] [--disabled]');
    const db = await ctx.db();
    const tenantId = await tenantIdOf(db, slug);
    const config = { id, displayName: requireFlag(args, 'name'), channelType: requireFlag(args, 'type'), options: parseOptions(args), enabled: args.flags.disabled !== true };
    try {
      await db.withTenant(tenantId, (trx) => configureDeliveryChannel(trx, createDeliveryChannelRegistry(), tenantId, config, new Date()));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      throw new CliUsageError(e.fieldErrors.map((f) => `${f.path}: ${f.message.de}\n    ${f.message.en}`).join('\n'));
    }
    ctx.out(`Channel "${id}" of ${slug}: ${config.channelType}${config.enabled ? '' : ' (switched off)'}. Resend failed deliveries on the case pages to use it.`);
    return 0;
  },
};

/** `rathaus channel list <tenant>`. */
export const channelListCommand: Command = {
  path: ['channel', 'list'],
  summary: "List a municipality's delivery channels",
  usage: 'rathaus channel list <tenant>',
  async run(args, ctx) {
    const db = await ctx.db();
    const tenantId = await tenantIdOf(db, args.positional[0]);
    const channels = await listTenantChannels(db, tenantId);
    if (channels.length === 0) ctx.out('No delivery channels yet; add one with "rathaus channel set".');
    for (const c of channels) ctx.out(`${c.id}  ${c.channel_type}  ${c.enabled ? 'on' : 'off'}  ${c.display_name}  ${JSON.stringify(c.options)}`);
    return 0;
  },
};

async function checkChannels(ctx: CommandContext, slug: string | undefined, only: string | undefined): Promise<number> {
  const db = await ctx.db();
  const tenantId = await tenantIdOf(db, slug);
  const registry = createDeliveryChannelRegistry();
  const mail = createMailTransport({ smtpUrl: ctx.settings.smtpUrl, from: ctx.settings.mailFrom });
  const env = { dropRoot: ctx.settings.deliveryDropDir, secrets: createDirectorySecrets(ctx.settings.deliverySecretsDir), mail };
  const channels = (await listTenantChannels(db, tenantId)).filter((c) => only === undefined || c.id === only);
  if (only !== undefined && channels.length === 0) throw new CliUsageError(`${slug} has no delivery channel "${only}"`);
  let failed = 0;
  try {
    for (const c of channels) {
      let result;
      try {
        result = await registry.instantiate(c.channel_type, c.options).selfCheck(env);
      } catch (e) {
        result = { ok: false, detail: (e as Error).message };
      }
      if (!result.ok) failed++;
      ctx.out(`${result.ok ? 'ok  ' : 'FAIL'}  ${c.id}${c.enabled ? '' : ' (off)'}: ${result.detail}`);
    }
  } finally {
    mail.close();
  }
  return failed > 0 ? 1 : 0;
}

/** `rathaus channel check <tenant> [<id>]`: runs the self-check of each channel; exit code 1 when one fails. */
export const channelCheckCommand: Command = {
  path: ['channel', 'check'],
  summary: "Self-check a municipality's delivery channels",
  usage: 'rathaus channel check <tenant> [<id>]',
  run: (args, ctx) => checkChannels(ctx, args.positional[0], args.positional[1]),
};
