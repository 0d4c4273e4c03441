/**
 * The traffic restrictions a municipality publishes (verkehr.md § 5.4): approved orders that are
 * in force now or start later, with what is restricted, where and when — and nothing about who
 * applied. Only fields the office itself decided are read from the case (case type, place,
 * period, daily hours, sign or closure kind); the applicant's own words (description, names,
 * addresses, phone numbers) never leave the case.
 */
import { sql } from 'kysely';
import type { GeoJsonGeometry } from '../../../definitions/core/geo.js';
import type { Trx } from '../../../platform/db/database.js';
import { IN_FORCE_STATES } from '../conflicts.js';
import { readTrafficApplication, type CaseType } from '../traffic-application.js';

/** One published restriction. */
export interface PublishedRestriction {
  /** The order's reference number (it names the municipality and the year, no person). */
  id: string;
  caseType: CaseType;
  status: 'planned' | 'active';
  validFrom: string;
  validTo: string;
  dailyWindow: { from: string; to: string } | null;
  street: string;
  section: string | null;
  restriction: { de: string; en: string };
  geometry: GeoJsonGeometry | null;
  updatedAt: Date;
}

const SIDES = { even: { de: 'gerade Seite', en: 'even side' }, odd: { de: 'ungerade Seite', en: 'odd side' }, both: { de: 'beide Seiten', en: 'both sides' } };
const CLOSURES: Record<string, { de: string; en: string }> = {
  none: { de: 'Arbeitsstelle ohne Einengung', en: 'works without narrowing' },
  footwayNarrowing: { de: 'Gehweg eingeengt', en: 'footway narrowed' },
  footwayClosed: { de: 'Gehweg gesperrt', en: 'footway closed' },
  cyclewayClosed: { de: 'Radweg gesperrt', en: 'cycle path closed' },
  laneNarrowing: { de: 'Fahrbahn eingeengt', en: 'carriageway narrowed' },
  halfClosure: { de: 'halbseitige Sperrung', en: 'half closure' },
  oneWay: { de: 'Einbahnregelung', en: 'one-way traffic' },
  fullClosure: { de: 'Vollsperrung', en: 'road closed' },
};
const KINDS: Record<CaseType, { de: string; en: string }> = {
  HVZ: { de: 'Haltverbot', en: 'no stopping' },
  BAU: { de: 'Baustelle', en: 'road works' },
  HUB: { de: 'Kran oder Hubarbeitsbühne', en: 'crane or aerial platform' },
  CON: { de: 'Container oder Gerüst', en: 'container or scaffold' },
  VER: { de: 'Veranstaltung', en: 'event' },
};

function restrictionOf(caseType: CaseType, signType: string | undefined, closureType: string | undefined): { de: string; en: string } {
  if (caseType === 'HVZ') return signType === '286' ? { de: 'Eingeschränktes Haltverbot (Zeichen 286)', en: 'restricted stopping (sign 286)' } : { de: 'Absolutes Haltverbot (Zeichen 283)', en: 'no stopping (sign 283)' };
  if (caseType === 'BAU' && closureType && CLOSURES[closureType]) return { de: `Baustelle: ${CLOSURES[closureType].de}`, en: `road works: ${CLOSURES[closureType].en}` };
  return KINDS[caseType];
}

/** Approved orders of the tenant whose validity ends today or later, by start. */
export async function findPublishedRestrictions(trx: Trx, tenantId: string, today: string): Promise<PublishedRestriction[]> {
  const rows = await trx
    .selectFrom('traffic_orders as o')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'o.tenant_id').onRef('c.id', '=', 'o.case_id'))
    .select(['o.reference', 'o.case_type', 'o.street', 'o.house_from', 'o.house_to', 'o.side', 'o.geometry', 'o.updated_at', 'c.data'])
    .select([sql<string>`lower(o.valid)::text`.as('valid_from'), sql<string>`(upper(o.valid) - 1)::text`.as('valid_to')])
    .where('o.tenant_id', '=', tenantId)
    .where('c.state', 'in', [...IN_FORCE_STATES])
    .where('o.occupied_to', '>=', today)
    .orderBy('o.occupied_from')
    .orderBy('o.reference')
    .execute();
  return rows
    .filter((r) => r.valid_to >= today)
    .map((r) => {
      const app = readTrafficApplication(r.data);
      const numbers = r.house_from === null ? null : r.house_to !== null && r.house_to !== r.house_from ? `${r.house_from}–${r.house_to}` : String(r.house_from);
      const side = r.side ? SIDES[r.side].de : null;
      return {
        id: r.reference,
        caseType: r.case_type,
        status: r.valid_from > today ? 'planned' : 'active',
        validFrom: r.valid_from,
        validTo: r.valid_to,
        dailyWindow: app?.dailyWindow ? { from: app.dailyWindow.from, to: app.dailyWindow.to } : null,
        street: r.street,
        section: [numbers, side].filter(Boolean).join(', ') || null,
        restriction: restrictionOf(r.case_type, app?.signType, app?.closureType),
        geometry: (r.geometry as GeoJsonGeometry | null) ?? null,
        updatedAt: r.updated_at,
      };
    });
}
