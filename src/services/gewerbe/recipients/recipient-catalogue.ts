/**
 * The regular recipients of trade notifications under § 14 Abs. 8 GewO (gewerbe.md § 3.1), by the
 * stable ids tenants configure them under. Which of them receive a given case is decided in
 * `applicable-recipients.ts`; what each may receive in `field-filters.ts`.
 */
import type { Localized } from '../../../platform/db/schema.js';

export const RECIPIENT_IDS = [
  'ihk',
  'hwk',
  'immissionsschutz',
  'arbeitsschutz',
  'eichbehoerde',
  'bundesagentur',
  'dguv',
  'zoll',
  'registergericht',
  'statistik',
  'lebensmittelueberwachung',
  'drv-kbs',
  'auslaenderbehoerde',
  'finanzamt',
  'erlaubnisbehoerde',
] as const;

export type RecipientId = (typeof RECIPIENT_IDS)[number];

/** What each recipient is, for staff and for the citizen's "who is informed" list. */
export const RECIPIENT_NAMES: Record<RecipientId, Localized> = {
  ihk: { de: 'Industrie- und Handelskammer', en: 'Chamber of commerce and industry' },
  hwk: { de: 'Handwerkskammer', en: 'Chamber of crafts' },
  immissionsschutz: { de: 'Immissionsschutzbehörde', en: 'Emission control authority' },
  arbeitsschutz: { de: 'Arbeitsschutzbehörde', en: 'Occupational safety authority' },
  eichbehoerde: { de: 'Eichbehörde', en: 'Weights and measures authority' },
  bundesagentur: { de: 'Bundesagentur für Arbeit', en: 'Federal Employment Agency' },
  dguv: { de: 'Deutsche Gesetzliche Unfallversicherung (Berufsgenossenschaft)', en: 'German statutory accident insurance' },
  zoll: { de: 'Zollverwaltung (Finanzkontrolle Schwarzarbeit)', en: 'Customs (undeclared work unit)' },
  registergericht: { de: 'Registergericht', en: 'Register court' },
  statistik: { de: 'Statistisches Landesamt', en: 'State statistical office' },
  lebensmittelueberwachung: { de: 'Lebensmittelüberwachung', en: 'Food control authority' },
  'drv-kbs': { de: 'Deutsche Rentenversicherung Knappschaft-Bahn-See', en: 'German pension insurance Knappschaft-Bahn-See' },
  auslaenderbehoerde: { de: 'Ausländerbehörde', en: 'Foreigners authority' },
  finanzamt: { de: 'Finanzamt', en: 'Tax office' },
  erlaubnisbehoerde: { de: 'Erlaubnisbehörde', en: 'Permit authority' },
};
