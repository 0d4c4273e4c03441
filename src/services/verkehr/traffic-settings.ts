/**
 * A municipality's settings for traffic orders: lead times, thresholds of the HVZ and works rule
 * sets (verkehr.md § 7.2/7.3), fees under GebOSt, the conditions catalogue (§ 4.5) and the
 * legal-remedy text. Stored per tenant in `tenant_service_settings` as a partial document over
 * these defaults; every default the research could not confirm for a town is listed in
 * `unconfirmed`, so the office sees what to check before go-live.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Trx } from '../../platform/db/database.js';
import { CASE_TYPES } from './traffic-application.js';

export const TRAFFIC_SERVICE_ID = 'verkehrsrechtliche-anordnung';

const Text = Type.Object({ de: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
const CaseTypeSchema = Type.Union(CASE_TYPES.map((c) => Type.Literal(c)));
const Fee = Type.Object({ gebOStNumber: Type.String({ minLength: 1, maxLength: 20 }), amountCents: Type.Integer({ minimum: 0, maximum: 1_000_000 }) }, { additionalProperties: false });
const WorkingDays = Type.Integer({ minimum: 0, maximum: 260 });

export const TrafficSettingsSchema = Type.Object(
  {
    /** The unit that acts as road traffic authority, printed in the order's header. */
    department: Type.String({ minLength: 1, maxLength: 200 }),
    /** The sign a no-parking zone gets unless the applicant chose (Z 283 absolute, Z 286 restricted). */
    defaultSign: Type.Union([Type.Literal('283'), Type.Literal('286')]),
    /** Full days the no-parking signs stand before the order takes effect (BVerwG 3 C 25.16: three). */
    setupFullDays: Type.Integer({ minimum: 3, maximum: 14 }),
    /** Count those days as calendar days (the court's rule) or, stricter, as working days. */
    setupDaysCounting: Type.Union([Type.Literal('calendar'), Type.Literal('workingDays')]),
    /** Distance within which two orders at the same time conflict (verkehr.md § 4.4). */
    conflictBufferMeters: Type.Number({ minimum: 0, maximum: 1000 }),
    /** Flag streets missing from the road list for a person instead of presuming them municipal. */
    strictStreetList: Type.Boolean(),
    /** Working days parties get to answer a consultation (verkehr.md § 4.2 step 4). */
    consultationWorkingDays: WorkingDays,
    hvz: Type.Object(
      {
        /** Working days the office needs to decide (H4). */
        processingWorkingDays: WorkingDays,
        maxLengthPerSideMeters: Type.Number({ minimum: 5, maximum: 200 }),
        maxDays: Type.Integer({ minimum: 1, maximum: 60 }),
        earliestTime: Time,
        latestTime: Time,
        minRemainingWidthMeters: Type.Number({ minimum: 2, maximum: 10 }),
        sameAddressLimit: Type.Integer({ minimum: 1, maximum: 100 }),
        sameAddressWindowDays: Type.Integer({ minimum: 1, maximum: 365 }),
        /** Zones near schools and day-care centres on school mornings are accepted without a flag (H10). */
        acceptsNearSchools: Type.Boolean(),
        schools: Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), street: Type.String({ minLength: 1 }) }, { additionalProperties: false })),
        /** Places where a zone is pointless or harmful (H5): existing no-stopping zones, disabled bays, taxi ranks, bus stops, fire access. */
        restrictedSpots: Type.Array(
          Type.Object(
            {
              street: Type.String({ minLength: 1 }),
              houseFrom: Type.Optional(Type.Integer({ minimum: 0 })),
              houseTo: Type.Optional(Type.Integer({ minimum: 0 })),
              kind: Type.Union(['absoluteNoStopping', 'disabledBay', 'taxiRank', 'busStop', 'fireAccess', 'junction', 'driveway'].map((k) => Type.Literal(k))),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    works: Type.Object(
      {
        leadTimeWorkingDays: WorkingDays,
        fullClosureLeadTimeWorkingDays: WorkingDays,
        /** The least lead time a late application is still accepted with (B8: between this and the regular one it is flagged). */
        minimumLeadTimeWorkingDays: WorkingDays,
        minFootwayWidthMeters: Type.Number({ minimum: 0.5, maximum: 5 }),
        minCarriagewayWidthMeters: Type.Number({ minimum: 2, maximum: 10 }),
        maxNarrowSectionMeters: Type.Number({ minimum: 1, maximum: 1000 }),
      },
      { additionalProperties: false },
    ),
    /** Lead times of cranes, containers and events. */
    leadTimeWorkingDays: Type.Object({ HUB: WorkingDays, CON: WorkingDays, VER: WorkingDays }, { additionalProperties: false }),
    fees: Type.Object({ HVZ: Fee, BAU: Fee, HUB: Fee, CON: Fee, VER: Fee }, { additionalProperties: false }),
    conditions: Type.Array(Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), text: Text, caseTypes: Type.Array(CaseTypeSchema, { minItems: 1 }) }, { additionalProperties: false })),
    legalRemedy: Text,
    /** After approval (verkehr.md § 4.2 steps 7–9): the reminder before the end, the grace before an overrun is flagged, the lead time of an extension. */
    afterApproval: Type.Object(
      {
        /** Working days before the last day of the order the applicant is reminded to remove the signs and report completion (0: on the last day). */
        endReminderWorkingDays: Type.Integer({ minimum: 0, maximum: 20 }),
        /** Working days after the last day without a completion report before the case is flagged as overrun (0: the day after the end). */
        overrunGraceWorkingDays: Type.Integer({ minimum: 0, maximum: 20 }),
        /** Full working days between an extension request and the first extended day, so the office decides before the signs would have to come down. */
        extensionLeadWorkingDays: WorkingDays,
      },
      { additionalProperties: false },
    ),
    /** The special-use permit (§§ 18, 21 SächsStrG) issued as its own notice with the order where the road is used beyond common use. */
    specialUse: Type.Object(
      {
        /** The unit acting as road authority, printed in the permit's header. */
        department: Type.String({ minLength: 1, maxLength: 200 }),
        /** The special-use fee when the town charges a fixed amount; null: fixed separately under its Sondernutzungssatzung. */
        feeCents: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()]),
        conditions: Type.Array(Text),
        legalRemedy: Text,
      },
      { additionalProperties: false },
    ),
    /** Settings whose value is a default the town has not confirmed yet. */
    unconfirmed: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

export type TrafficSettings = Static<typeof TrafficSettingsSchema>;

const ALL = [...CASE_TYPES];
const cond = (id: string, de: string, en: string, caseTypes: string[] = ALL) => ({ id, text: { de, en }, caseTypes: caseTypes as TrafficSettings['conditions'][number]['caseTypes'] });

/** The defaults (verkehr.md § 3.5, § 4.5, § 4.6, § 7.2, § 7.3). */
export const DEFAULT_TRAFFIC_SETTINGS: TrafficSettings = {
  department: 'Ordnungsamt – Straßenverkehrsbehörde',
  defaultSign: '283',
  setupFullDays: 3,
  setupDaysCounting: 'calendar',
  conflictBufferMeters: 50,
  strictStreetList: false,
  consultationWorkingDays: 5,
  hvz: {
    processingWorkingDays: 3,
    maxLengthPerSideMeters: 20,
    maxDays: 2,
    earliestTime: '06:00',
    latestTime: '20:00',
    minRemainingWidthMeters: 3,
    sameAddressLimit: 3,
    sameAddressWindowDays: 30,
    acceptsNearSchools: false,
    schools: [],
    restrictedSpots: [],
  },
  works: { leadTimeWorkingDays: 10, fullClosureLeadTimeWorkingDays: 20, minimumLeadTimeWorkingDays: 3, minFootwayWidthMeters: 1.3, minCarriagewayWidthMeters: 3, maxNarrowSectionMeters: 50 },
  leadTimeWorkingDays: { HUB: 5, CON: 5, VER: 30 },
  fees: {
    HVZ: { gebOStNumber: '261', amountCents: 2500 },
    BAU: { gebOStNumber: '261', amountCents: 5000 },
    HUB: { gebOStNumber: '261', amountCents: 4000 },
    CON: { gebOStNumber: '261', amountCents: 3000 },
    VER: { gebOStNumber: '263', amountCents: 4000 },
  },
  conditions: [
    cond('signs-as-ordered', 'Die Verkehrszeichen sind nach der StVO und genau wie angeordnet aufzustellen; eigenmächtige Abweichungen sind nicht zulässig.', 'The traffic signs must be set up under the StVO exactly as ordered; no deviations of your own.'),
    cond('setup-record', 'Über das Aufstellen der Schilder ist ein Aufstellprotokoll zu führen (Datum, Uhrzeit, Fotos, Kennzeichen bereits parkender Fahrzeuge) und auf Verlangen vorzulegen.', 'Keep a set-up record of the signs (date, time, photos, number plates of cars already parked) and show it on request.', ['HVZ', 'HUB']),
    cond('emergency-width', 'Für Einsatzfahrzeuge ist eine Durchfahrtsbreite von mindestens 3,00 m freizuhalten.', 'Keep a passage at least 3.00 m wide for emergency vehicles.'),
    cond('footway', 'Der Gehweg ist passierbar zu halten oder ein Notweg mit Rampen einzurichten.', 'Keep the footway passable or set up an emergency walkway with ramps.', ['BAU', 'HUB', 'CON']),
    cond('lighting', 'Bei Dunkelheit ist die Stelle mit Warnleuchten zu sichern.', 'Secure the site with warning lights in the dark.', ['BAU', 'CON']),
    cond('access', 'Zufahrten zu Grundstücken und Feuerwehrzufahrten sind freizuhalten.', 'Keep access to properties and fire-brigade access free.'),
    cond('reachable', 'Die verantwortliche Person muss während der gesamten Dauer erreichbar sein.', 'The responsible person must be reachable for the whole period.', ['BAU', 'VER']),
    cond('carry-order', 'Diese Anordnung ist vor Ort mitzuführen und auf Verlangen vorzuzeigen.', 'Keep this order on site and show it on request.'),
    cond('remove', 'Die Verkehrszeichen sind unverzüglich nach Ende des Zeitraums zu entfernen; verdeckte Zeichen sind wieder sichtbar zu machen.', 'Remove the signs immediately after the period ends; uncover any signs you covered.'),
    cond('no-private-towing', 'Abschleppen lassen dürfen nur Polizei und Ordnungsamt; private Abschleppaufträge sind nicht zulässig.', 'Only the police and the public order office may have vehicles towed; private towing is not allowed.', ['HVZ', 'HUB']),
    cond('extension', 'Reicht der Zeitraum nicht aus, ist rechtzeitig vor seinem Ende eine Verlängerung zu beantragen.', 'If the period is not enough, apply for an extension in good time before it ends.'),
    cond('revocation', 'Die Anordnung kann widerrufen werden, wenn Auflagen nicht eingehalten werden (§ 36 Abs. 2 Nr. 3 VwVfG).', 'The order may be revoked if its conditions are not kept (Section 36 (2) no. 3 VwVfG).'),
  ],
  legalRemedy: {
    de: 'Gegen diese Anordnung kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Abs. 2 VwVfG oder zur Niederschrift bei der {authority}, {address}, einzulegen.',
    en: 'An objection (Widerspruch) against this order may be lodged within one month of its notification, in writing, electronically under Section 3a (2) VwVfG or for the record at {authority}, {address}.',
  },
  afterApproval: { endReminderWorkingDays: 1, overrunGraceWorkingDays: 1, extensionLeadWorkingDays: 2 },
  specialUse: {
    department: 'Bauamt – Straßenbaubehörde',
    feeCents: null,
    conditions: [
      { de: 'Die Erlaubnis gilt nur für den genannten Zweck, Ort und Zeitraum; sie ist nicht übertragbar.', en: 'The permit is valid only for the stated purpose, place and period; it cannot be transferred.' },
      { de: 'Straßenabläufe, Hydranten, Schieber und Schachtdeckel sind freizuhalten.', en: 'Keep gullies, hydrants, valves and manhole covers clear.' },
      { de: 'Nach dem Ende ist die Verkehrsfläche unverzüglich zu räumen und in ihren vorherigen Zustand zu versetzen; Schäden sind der Gemeinde sofort zu melden.', en: 'After the end, clear the road space immediately and restore it to its previous state; report any damage to the municipality at once.' },
      { de: 'Die Erlaubnisnehmerin oder der Erlaubnisnehmer haftet für Schäden, die aus der Sondernutzung entstehen, und stellt die Gemeinde von Ansprüchen Dritter frei.', en: 'The permit holder is liable for damage caused by the special use and indemnifies the municipality against third-party claims.' },
    ],
    legalRemedy: {
      de: 'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Abs. 2 VwVfG oder zur Niederschrift bei der {authority}, {address}, einzulegen.',
      en: 'An objection (Widerspruch) against this notice may be lodged within one month of its notification, in writing, electronically under Section 3a (2) VwVfG or for the record at {authority}, {address}.',
    },
  },
  unconfirmed: ['fees', 'legalRemedy', 'hvz.processingWorkingDays', 'works.minFootwayWidthMeters', 'department', 'specialUse.department', 'specialUse.feeCents'],
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Lays a stored partial document over the defaults: objects merge key by key, anything else replaces. */
export function mergeSettings(base: unknown, stored: unknown): unknown {
  if (!isObject(base) || !isObject(stored)) return stored === undefined ? base : stored;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(stored)) out[key] = mergeSettings(base[key], value);
  return out;
}

/** The effective settings from a stored document; a document that does not fit is a configuration error naming the setting. */
export function resolveTrafficSettings(stored: unknown): TrafficSettings {
  const merged = mergeSettings(DEFAULT_TRAFFIC_SETTINGS, stored ?? {});
  const problem = [...Value.Errors(TrafficSettingsSchema, merged)][0];
  if (problem) throw new Error(`Traffic-order settings: ${problem.path || '/'} ${problem.message}`);
  return merged as TrafficSettings;
}

/**
 * The traffic settings inside the settings object guards, rules and templates receive (the
 * package's `tenantSettings` adds `land` and `authorityRole` to them).
 */
export function trafficSettingsOf(settings: Readonly<Record<string, unknown>>): TrafficSettings {
  const { land: _land, authorityRole: _role, ...rest } = settings;
  return resolveTrafficSettings(rest);
}

/** Loads a tenant's settings inside a tenant-scoped transaction. */
export async function loadTrafficSettings(trx: Trx, tenantId: string): Promise<TrafficSettings> {
  const row = await trx
    .selectFrom('tenant_service_settings')
    .select('settings')
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', TRAFFIC_SERVICE_ID)
    .executeTakeFirst();
  return resolveTrafficSettings(row?.settings);
}

/** Replaces a tenant's stored settings document after checking it over the defaults (the error names the setting). */
export async function saveTrafficSettings(trx: Trx, tenantId: string, stored: Record<string, unknown>, now: Date): Promise<TrafficSettings> {
  const effective = resolveTrafficSettings(stored);
  await trx
    .insertInto('tenant_service_settings')
    .values({ tenant_id: tenantId, service_id: TRAFFIC_SERVICE_ID, settings: JSON.stringify(stored), updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'service_id']).doUpdateSet({ settings: JSON.stringify(stored), updated_at: now }))
    .execute();
  return effective;
}
