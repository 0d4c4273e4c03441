/**
 * What B5's installation needs besides the first start's seed, set as an operator sets it (the
 * same functions as `rathaus channel set` and `rathaus gewerbe settings set`): each founding
 * municipality delivers its XGewerbeanzeige messages through a file-drop folder to the usual
 * recipients of § 14 Abs. 8 GewO, so every Gewerbe-Anmeldung builds its deliveries.
 */
import { createDeliveryChannelRegistry } from '../../src/modules/deliveries/channels/channel-registry.js';
import { configureDeliveryChannel } from '../../src/modules/deliveries/tenant-channels.js';
import type { Database } from '../../src/platform/db/database.js';
import { loadGewerbeSettings, saveGewerbeSettings } from '../../src/services/gewerbe/settings.js';

/** Recipient ids of the Gewerbe exporter and whom they stand for (the district's offices). */
const RECIPIENTS: readonly [id: string, name: string][] = [
  ['ihk', 'Industrie- und Handelskammer'],
  ['hwk', 'Handwerkskammer'],
  ['finanzamt', 'Finanzamt'],
  ['dguv', 'Deutsche Gesetzliche Unfallversicherung'],
  ['auslaenderbehoerde', 'Ausländerbehörde des Landkreises'],
  ['erlaubnisbehoerde', 'Gewerbeaufsicht des Landkreises'],
  ['registergericht', 'Registergericht'],
];

/** Gives every municipality a file-drop channel and the Gewerbe recipients on it; returns their slugs. */
export async function configureGewerbeDeliveries(db: Database, now: Date): Promise<string[]> {
  const tenants = await db.kysely.selectFrom('tenants').select(['id', 'slug']).orderBy('slug').execute();
  const channels = createDeliveryChannelRegistry();
  for (const t of tenants) {
    await db.withTenant(t.id, async (trx) => {
      await configureDeliveryChannel(trx, channels, t.id, { id: 'ablage', displayName: 'Übergabeordner', channelType: 'file-drop', options: { folder: `${t.slug}/xgewerbeanzeige` }, enabled: true }, now);
      const recipients = Object.fromEntries(RECIPIENTS.map(([id, name]) => [id, { name, channelId: 'ablage', dvdv: { praefix: 'bench', kennung: `${t.slug}-${id}` } }]));
      // The seed gave each town its area; the recipients come on top (the Zoll only on indications, waived here).
      const current = await loadGewerbeSettings(trx, t.id);
      await saveGewerbeSettings(trx, t.id, { ...current, recipients: { ...recipients, zoll: { name: 'Hauptzollamt', channelId: 'ablage', waived: true } } }, now);
    });
  }
  return tenants.map((t) => t.slug);
}
