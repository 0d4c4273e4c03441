/**
 * What each recipient may receive (§ 3 Abs. 1–3 GewAnzV, gewerbe.md § 3.2): per recipient and
 * form, either the fields it must not get ("ohne") or the only ones it gets ("nur"), by the field
 * numbers of the official forms. The message writer tags every part of a record with its field
 * number and leaves out what the filter withholds, so a withheld field never reaches the XML.
 *
 * Recipients the 2019 table does not list (Ausländerbehörde, Finanzamt, DRV KBS,
 * Erlaubnisbehörde) get the filter of the Bundesagentur/Zoll row [A]; the statistics offices get
 * their monthly batch (statistics-batch.ts), not a message per case.
 */
import type { RecipientId } from '../../../recipients/recipient-catalogue.js';

export type GewerbeForm = 'GewA1' | 'GewA2' | 'GewA3';

/** A filter: the fields withheld, or the only fields passed. */
export type FieldFilter = { without: readonly number[] } | { only: readonly number[] };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const without = (...parts: (number | number[])[]): FieldFilter => ({ without: parts.flat() });
const only = (...parts: (number | number[])[]): FieldFilter => ({ only: parts.flat() });

const emissionControl: Record<GewerbeForm, FieldFilter> = {
  GewA1: without(10, 12, 13, range(27, 31), 33),
  GewA2: without(10, 12, 13, range(25, 28), 30),
  GewA3: without(10, 12, 13, 28, 30),
};
const employmentAgencyLike: Record<GewerbeForm, FieldFilter> = {
  GewA1: without(13, 27, 33),
  GewA2: without(13, 30),
  GewA3: without(10, range(12, 19), range(21, 30)),
};
const lawEnforcementLike: Record<GewerbeForm, FieldFilter> = { GewA1: without(13, 27, 33), GewA2: without(13, 30), GewA3: without(13, 30) };

/** The filters by recipient and form; a missing form means the recipient gets no message for it. */
export const FIELD_FILTERS: Readonly<Record<RecipientId, Partial<Record<GewerbeForm, FieldFilter>>>> = {
  ihk: { GewA1: without(13, 27, range(29, 31), 33), GewA2: without(13, range(26, 28), 30), GewA3: without(13, 30) },
  hwk: { GewA1: without(13, 27, 30, 31, 33), GewA2: without(13, 27, 28, 30), GewA3: without(13, 30) },
  immissionsschutz: emissionControl,
  arbeitsschutz: emissionControl,
  lebensmittelueberwachung: emissionControl,
  eichbehoerde: { GewA1: only(1, range(3, 5), 11, 14, 15, 18, 20), GewA2: only(1, range(3, 5), 11, 14, 15, 18, 19, 21), GewA3: only(1, range(3, 5), 11, 14, 16, 18, 20) },
  bundesagentur: employmentAgencyLike,
  dguv: { GewA1: without(12, 28, 30, 31, 33), GewA2: without(12, 25, 27, 28, 30), GewA3: without(12, 30) },
  zoll: { GewA1: without(13, 27, 33) },
  registergericht: { GewA3: without(range(8, 10), range(12, 14), 16, 21, 22, 24, range(28, 30)) },
  // Hilfsmerkmale 1–5, 12, 15–17 and Erhebungsmerkmale (§ 3 Abs. 2 GewAnzV), sent as the monthly batch.
  statistik: {
    GewA1: only(range(1, 6), 10, 12, range(15, 25), 29, 32),
    GewA2: only(range(1, 6), 10, 12, range(15, 24), 26, 29),
    GewA3: only(range(1, 6), 10, 12, range(15, 26), 28, 29),
  },
  auslaenderbehoerde: lawEnforcementLike,
  finanzamt: lawEnforcementLike,
  'drv-kbs': employmentAgencyLike,
  erlaubnisbehoerde: lawEnforcementLike,
};

/** The filter of a recipient for a form, or undefined when it receives no message for that form. */
export function filterFor(recipient: RecipientId, form: GewerbeForm): FieldFilter | undefined {
  return FIELD_FILTERS[recipient][form];
}

/** True when the filter lets the field through. */
export function passes(filter: FieldFilter, field: number): boolean {
  return 'only' in filter ? filter.only.includes(field) : !filter.without.includes(field);
}
