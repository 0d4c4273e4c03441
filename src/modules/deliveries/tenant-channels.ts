/**
 * A tenant's delivery channels (`tenant_delivery_channels`): which plug-in with which options
 * each named channel uses. Options are checked against the plug-in's schema whenever they are
 * saved, and again on every attempt (a plug-in's schema may have changed since).
 */
import type { Selectable } from 'kysely';
import type { Database, Trx } from '../../platform/db/database.js';
import type { TenantDeliveryChannelsTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { DeliveryChannelRegistry } from './channels/channel-registry.js';

export type TenantChannelRow = Selectable<TenantDeliveryChannelsTable>;

/** A channel configuration as a tenant admin or the operator gives it. */
export interface TenantChannelConfig {
  /** Stable id that deliveries refer to, e.g. `ihk-leipzig` (lower case, digits, dashes). */
  id: string;
  displayName: string;
  /** The plug-in id, e.g. `file-drop`. */
  channelType: string;
  options: Record<string, unknown>;
  enabled?: boolean;
}

const CHANNEL_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The field errors of a configuration (German and English, naming the field); empty when valid. */
export function channelConfigProblems(registry: DeliveryChannelRegistry, config: TenantChannelConfig) {
  const errors: { path: string; message: { de: string; en: string } }[] = [];
  if (!CHANNEL_ID.test(config.id)) {
    errors.push({
      path: 'id',
      message: {
        de: 'Die Kennung des Übermittlungswegs darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (höchstens 63 Zeichen).',
        en: 'The channel id may only contain lower-case letters, digits and dashes (at most 63 characters).',
      },
    });
  }
  if (config.displayName.trim() === '' || config.displayName.length > 200) {
    errors.push({ path: 'displayName', message: { de: 'Bitte geben Sie einen Namen (höchstens 200 Zeichen) an.', en: 'Please give a name (at most 200 characters).' } });
  }
  if (!registry.get(config.channelType)) {
    const known = registry.types.join(', ');
    errors.push({ path: 'channelType', message: { de: `Unbekannter Kanaltyp „${config.channelType}“ (möglich: ${known}).`, en: `Unknown channel type "${config.channelType}" (possible: ${known}).` } });
  } else {
    const problems = registry.problems(config.channelType, config.options);
    if (problems.length > 0) {
      const list = problems.join('; ');
      errors.push({ path: 'options', message: { de: `Die Einstellungen passen nicht zum Kanaltyp „${config.channelType}“: ${list}`, en: `The options do not fit channel type "${config.channelType}": ${list}` } });
    }
  }
  return errors;
}

/** Creates or replaces a channel configuration of the tenant; invalid input is refused with `validation.failed`. */
export async function configureDeliveryChannel(trx: Trx, registry: DeliveryChannelRegistry, tenantId: string, config: TenantChannelConfig, now: Date): Promise<void> {
  const problems = channelConfigProblems(registry, config);
  if (problems.length > 0) throw new AppError('validation.failed', problems);
  const values = {
    display_name: config.displayName.trim(),
    channel_type: config.channelType,
    options: JSON.stringify(config.options),
    enabled: config.enabled ?? true,
    updated_at: now,
  };
  await trx
    .insertInto('tenant_delivery_channels')
    .values({ tenant_id: tenantId, id: config.id, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doUpdateSet(values))
    .execute();
}

/** One channel configuration of the tenant, or undefined. */
export async function findTenantChannel(trx: Trx, tenantId: string, channelId: string): Promise<TenantChannelRow | undefined> {
  return trx.selectFrom('tenant_delivery_channels').selectAll().where('tenant_id', '=', tenantId).where('id', '=', channelId).executeTakeFirst();
}

/** All channel configurations of the tenant, by id. */
export async function listTenantChannels(db: Database, tenantId: string): Promise<TenantChannelRow[]> {
  return db.withTenant(tenantId, (trx) => trx.selectFrom('tenant_delivery_channels').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute());
}
