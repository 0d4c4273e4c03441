/**
 * A municipality's settings for the Gewerbe procedures (table `gewerbe_settings`): tenant data,
 * not code. Its area for the competence check (pairs of postal code and town), its street
 * directory (the street keys XGewerbeanzeige sends), the recipients of § 14 Abs. 8 GewO it
 * delivers to (delivery channel, DVDV address, waiver), its fee table and how far ahead a start
 * date may lie. The workflow's guards and the document templates read them as the package's
 * `tenantSettings` (e.g. `fees.enabled`, `transmission.paused`).
 * Settings are checked against {@link GewerbeSettingsSchema} whenever they are saved.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Trx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { RECIPIENT_IDS } from './recipients/recipient-catalogue.js';

const Short = Type.String({ minLength: 1, maxLength: 200 });
const PostalCode = Type.String({ pattern: '^[0-9]{5}$' });

const AddressSchema = Type.Object(
  { street: Short, houseNumber: Type.Optional(Type.String({ maxLength: 20 })), postalCode: PostalCode, town: Short },
  { additionalProperties: false },
);

/** A recipient's (or the sender's) DVDV address: prefix and authority key with their code-list data. */
export const DvdvAddressSchema = Type.Object(
  {
    praefix: Type.String({ pattern: '^[A-Za-z0-9]{1,20}$' }),
    praefixListVersion: Type.Optional(Type.String({ maxLength: 20 })),
    kennung: Type.String({ pattern: '^[A-Za-z0-9:._-]{1,80}$' }),
    kennungListUri: Type.Optional(Type.String({ maxLength: 200 })),
    kennungListVersion: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

/** How the municipality reaches one recipient, or that the recipient waived regular transmission. */
export const RecipientSettingSchema = Type.Object(
  {
    /** The tenant delivery channel (`rathaus channel set`) the messages go out on. */
    channelId: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' })),
    name: Short,
    /** § 3 Abs. 1 letzter Satz GewAnzV: the recipient waived regular transmission. */
    waived: Type.Optional(Type.Boolean()),
    dvdv: Type.Optional(DvdvAddressSchema),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    url: Type.Optional(Type.String({ maxLength: 300 })),
    address: Type.Optional(AddressSchema),
  },
  { additionalProperties: false },
);
export type RecipientSetting = Static<typeof RecipientSettingSchema>;

const Cents = Type.Integer({ minimum: 0, maximum: 1_000_000 });
/** Fixed fees of one form by the kind of trader (the tenant's fee schedule sets them, so the fee is bound, not discretionary). */
const FormFeesSchema = Type.Object({ naturalPerson: Cents, partnership: Cents, legalPerson: Cents }, { additionalProperties: false });

/** The fee table: fixed amounts per form and trader kind, exemptions, and whether notices go out without a person. */
export const FeeSettingsSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    /** § 35a VwVfG: only where state law and the fee schedule allow a fully automatic fee notice. */
    autoRelease: Type.Optional(Type.Boolean()),
    amounts: Type.Object({ GewA1: FormFeesSchema, GewA2: FormFeesSchema, GewA3: FormFeesSchema }, { additionalProperties: false }),
    /** Reasons (of the form's reason field) that are free of charge, e.g. "relocation-away". */
    exemptReasons: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
    /** How to pay (account, reference), printed on the notice. */
    payment: Type.String({ minLength: 1, maxLength: 1000 }),
    dueDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    legalRemedy: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type FeeSettings = Static<typeof FeeSettingsSchema>;

export const GewerbeSettingsSchema = Type.Object(
  {
    /** The municipality's area: a business address is in it when its postal code and town are listed together. */
    area: Type.Optional(Type.Object({ places: Type.Array(Type.Object({ postalCode: PostalCode, town: Short }, { additionalProperties: false }), { maxItems: 2000 }) }, { additionalProperties: false })),
    /** The street directory: XGewerbeanzeige `strassenschluessel` by street name. */
    streets: Type.Optional(Type.Array(Type.Object({ name: Short, key: Type.String({ pattern: '^[0-9]{1,12}$' }) }, { additionalProperties: false }), { maxItems: 20000 })),
    /** The recipients of § 14 Abs. 8 GewO the municipality delivers to, by recipient id. */
    recipients: Type.Optional(Type.Record(Type.String(), RecipientSettingSchema)),
    /** The sending authority's contact as printed in messages (default: the municipality's own data). */
    sender: Type.Optional(Type.Object({ name: Type.Optional(Short), email: Type.Optional(Type.String({ maxLength: 254 })), phone: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false })),
    /** The fee table; without it (or disabled) no fee notice is generated. */
    fees: Type.Optional(FeeSettingsSchema),
    /** Holds automatic transmission back (e.g. while a recipient's channel is being set up). */
    transmission: Type.Optional(Type.Object({ paused: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
    /** How many days ahead a start date may lie before a caseworker looks at it (default 28). */
    maxStartLeadDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false },
);
export type GewerbeSettings = Static<typeof GewerbeSettingsSchema>;

/** The problems of a settings document, each naming its place (German and English); empty when valid. */
export function gewerbeSettingsProblems(settings: unknown): { path: string; message: { de: string; en: string } }[] {
  const problems = Value.Check(GewerbeSettingsSchema, settings)
    ? []
    : [...Value.Errors(GewerbeSettingsSchema, settings)].map((e) => ({
        path: e.path || '/',
        message: { de: `Die Einstellung „${e.path || '/'}“ ist ungültig: ${e.message}`, en: `The setting “${e.path || '/'}” is invalid: ${e.message}` },
      }));
  const recipients = (settings as GewerbeSettings | null)?.recipients ?? {};
  for (const id of Object.keys(recipients)) {
    if (!(RECIPIENT_IDS as readonly string[]).includes(id)) {
      problems.push({
        path: `/recipients/${id}`,
        message: { de: `Unbekannte Empfangsstelle „${id}“ (möglich: ${RECIPIENT_IDS.join(', ')}).`, en: `Unknown recipient "${id}" (possible: ${RECIPIENT_IDS.join(', ')}).` },
      });
    }
  }
  return problems;
}

/** The tenant's Gewerbe settings (empty when none are stored). */
export async function loadGewerbeSettings(trx: Trx, tenantId: string): Promise<GewerbeSettings> {
  const row = await trx.selectFrom('gewerbe_settings').select('settings').where('tenant_id', '=', tenantId).executeTakeFirst();
  return (row?.settings ?? {}) as GewerbeSettings;
}

/** Stores the tenant's Gewerbe settings after checking them; invalid settings are refused with `validation.failed`. */
export async function saveGewerbeSettings(trx: Trx, tenantId: string, settings: unknown, now: Date): Promise<void> {
  const problems = gewerbeSettingsProblems(settings);
  if (problems.length > 0) throw new AppError('validation.failed', problems);
  const json = JSON.stringify(settings);
  await trx
    .insertInto('gewerbe_settings')
    .values({ tenant_id: tenantId, settings: json, updated_at: now })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ settings: json, updated_at: now }))
    .execute();
}
