/**
 * The XGewerbeanzeige exporter of the Gewerbe procedures (`enqueueExport { exporter:
 * "xgewerbeanzeige" }`): for each recipient the municipality configured and the case concerns,
 * one message of version 2.2 with that recipient's field filter. The version lives in its own
 * folder (`v2_2/`), so XGewerbeordnung 1.6 can be added beside it. When the operator provides the
 * official XSD folder, every message is validated before it becomes a delivery; an invalid one
 * fails the transition loudly instead of leaving the municipality.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import path from 'node:path';
import type { Trx } from '../../../../platform/db/database.js';
import type { ExportBuilder, ExportRecipient } from '../../../../modules/deliveries/export-effects.js';
import type { CaseRow } from '../../../../modules/cases/case-engine.js';
import type { GewerbeCodeLists } from '../../code-lists.js';
import { applicableRecipients } from '../../recipients/applicable-recipients.js';
import type { RecipientId } from '../../recipients/recipient-catalogue.js';
import { loadGewerbeSettings, type GewerbeSettings, type RecipientSetting } from '../../settings.js';
import { validateWithXsd } from '../safe-xml.js';
import { filterFor, type GewerbeForm } from './v2_2/field-filters.js';
import { writeGewerbeMessage, type Authority } from './v2_2/message-writer.js';

const FORM_OF: Readonly<Record<string, GewerbeForm>> = { 'gewerbe-anmeldung': 'GewA1', 'gewerbe-ummeldung': 'GewA2', 'gewerbe-abmeldung': 'GewA3' };

/** The main schema file of XGewerbeanzeige 2.2 inside the operator's XSD folder. */
export const XSD_FILE = 'xgewerbeanzeige.xsd';

export interface XgewerbeanzeigeOptions {
  codeLists: GewerbeCodeLists;
  /** The folder with the official XSD (XGEWERBEANZEIGE_XSD_DIR); absent: no schema validation. */
  xsdDir?: string;
  product?: { name: string; vendor: string; version: string };
}

/** Splits "Friedrich-Ebert-Straße 2" into street and house number. */
export function splitStreet(line: string): { street: string; houseNumber?: string } {
  const m = /^(.*\D)\s+(\d+\s?[A-Za-z]?(?:\s?-\s?\d+\s?[A-Za-z]?)?)$/.exec(line.trim());
  return m ? { street: m[1]!.trim(), houseNumber: m[2]! } : { street: line.trim() };
}

/** The recipient as message heads name it. */
export function recipientAuthority(setting: RecipientSetting): Authority {
  return {
    name: setting.name,
    ...(setting.dvdv ? { dvdv: setting.dvdv } : {}),
    ...(setting.email ? { email: setting.email } : {}),
    ...(setting.url ? { url: setting.url } : {}),
    ...(setting.address ? { address: setting.address } : {}),
  };
}

/** The sending trade office: the tenant's name, address and contact unless the settings name others. */
export async function senderOf(trx: Trx, tenantId: string, settings: GewerbeSettings): Promise<{ sender: Authority; ags: string }> {
  const t = await trx.selectFrom('tenants').select(['official_name', 'ags', 'street', 'postal_code', 'town', 'email', 'phone']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  const email = settings.sender?.email ?? t.email;
  const phone = settings.sender?.phone ?? t.phone;
  return {
    ags: t.ags,
    sender: {
      name: settings.sender?.name ?? t.official_name,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      address: { ...splitStreet(t.street), postalCode: t.postal_code, town: t.town },
    },
  };
}

/** The register entry of the case (its gewerbebetriebID), else the case id. */
async function businessIdOf(trx: Trx, row: CaseRow): Promise<string> {
  const h = await trx.selectFrom('gewerbe_register_history').select('entry_id').where('tenant_id', '=', row.tenant_id).where('case_id', '=', row.id).executeTakeFirst();
  return h?.entry_id ?? row.id;
}

/** Whether a caseworker recorded indications of undeclared work on the case (workflow step `flag-customs`). */
async function customsFlagged(trx: Trx, row: CaseRow): Promise<boolean> {
  const event = await trx
    .selectFrom('case_events')
    .select('seq')
    .where('tenant_id', '=', row.tenant_id)
    .where('case_id', '=', row.id)
    .where('type', '=', 'transition')
    .where(sql<string>`data->>'transition'`, '=', 'flag-customs')
    .executeTakeFirst();
  return event !== undefined;
}

/** Builds the exporter. */
export function xgewerbeanzeigeExporter(options: XgewerbeanzeigeOptions): ExportBuilder {
  const product = options.product ?? { name: 'Rathaus Cloud', vendor: 'Rathaus Cloud', version: '0.1' };
  return {
    id: 'xgewerbeanzeige',
    async recipients(trx, row): Promise<ExportRecipient[]> {
      const form = FORM_OF[row.service_id];
      if (!form) return [];
      const settings = await loadGewerbeSettings(trx, row.tenant_id);
      return applicableRecipients(settings, row.data, row.service_id, { customs: await customsFlagged(trx, row) })
        .filter((r) => filterFor(r.id, form) !== undefined)
        .map((r) => ({ id: r.id, displayName: r.setting.name, channelId: r.setting.channelId }));
    },
    async build(row, recipient, { trx }) {
      const form = FORM_OF[row.service_id];
      const filter = form ? filterFor(recipient.id as RecipientId, form) : undefined;
      if (!form || !filter) throw new Error(`xgewerbeanzeige: no message of ${row.service_id} for recipient "${recipient.id}"`);
      const settings = await loadGewerbeSettings(trx, row.tenant_id);
      const setting = settings.recipients?.[recipient.id];
      if (!setting) throw new Error(`xgewerbeanzeige: recipient "${recipient.id}" is not configured`);
      const { sender, ags } = await senderOf(trx, row.tenant_id, settings);
      const xml = writeGewerbeMessage({
        form,
        recipient: { id: recipient.id as RecipientId, authority: recipientAuthority(setting) },
        sender,
        ags,
        reference: row.reference,
        data: row.data,
        submittedAt: row.submitted_at,
        businessId: await businessIdOf(trx, row),
        messageId: randomUUID(),
        recordId: randomUUID(),
        now: new Date(),
        codeLists: options.codeLists,
        streetKeys: new Map((settings.streets ?? []).map((s) => [s.name.toLowerCase(), s.key])),
        filter,
        product,
      });
      if (options.xsdDir) {
        const result = await validateWithXsd(xml, path.join(options.xsdDir, XSD_FILE));
        if (!result.ok) throw new Error(`xgewerbeanzeige: the message for "${recipient.id}" does not validate against the XSD: ${result.messages.slice(0, 5).join('; ')}`);
      }
      return { bytes: Buffer.from(xml, 'utf8'), mediaType: 'application/xml', filename: `${form}-${row.reference}-${recipient.id}.xml` };
    },
  };
}
