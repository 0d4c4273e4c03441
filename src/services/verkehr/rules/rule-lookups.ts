/**
 * What the traffic-order rules read besides the case data, as named lookups the rules' prepare
 * steps call (run inside the evaluation's tenant transaction): competence from the area and road
 * list, conflicts with orders in force (recording the case's own footprint first, since rules run
 * after every data change), and how many zones the same address asked for recently.
 */
import type { GeoJsonGeometry } from '../../../definitions/core/geo.js';
import type { RuleLookup } from '../../../definitions/rules/rule.js';
import { addDays, berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import { decideCompetence, extraPermitsFor, type CompetenceOutcome, type ExtraPermit } from '../competence.js';
import { findConflicts, type Conflict } from '../conflicts.js';
import { recordCaseFootprint } from '../footprint-step.js';
import { findStreets, loadTrafficArea, streetKey, type HigherAuthority, type StreetEntry } from '../traffic-area.js';
import { houseNumberValue, isCaseType } from '../traffic-application.js';

/** What the competence lookup answers. */
export interface CompetenceFacts {
  outcome: CompetenceOutcome;
  streets: StreetEntry[];
  extraPermits: ExtraPermit[];
  /** Whether the area and road list are recorded at all. */
  hasArea: boolean;
  /** Who decides what the municipality does not (the Landratsamt). */
  higherAuthority?: HigherAuthority;
  tenantName: string;
}

/** Names of the lookups, as the rules call them. */
export const LOOKUPS = { competence: 'verkehr.competence', conflicts: 'verkehr.conflicts', sameAddress: 'verkehr.same-address' } as const;

const competence: RuleLookup = async (args, { trx, tenantId }): Promise<CompetenceFacts> => {
  const area = await loadTrafficArea(trx, tenantId);
  const streets = await findStreets(trx, tenantId, String(args.street ?? ''));
  const tenant = await trx.selectFrom('tenants').select('official_name').where('id', '=', tenantId).executeTakeFirstOrThrow();
  const caseType = isCaseType(args.caseType) ? args.caseType : 'HVZ';
  return {
    outcome: decideCompetence(area, streets, (args.geometry as GeoJsonGeometry | undefined) ?? undefined),
    streets,
    extraPermits: extraPermitsFor(area, caseType),
    hasArea: area !== undefined,
    ...(area ? { higherAuthority: area.higherAuthority } : {}),
    tenantName: tenant.official_name,
  };
};

const conflicts: RuleLookup = async (args, { trx, tenantId }): Promise<Conflict[]> => {
  const caseId = String(args.caseId);
  const recorded = await recordCaseFootprint(trx, tenantId, caseId, new Date(String(args.now)));
  return recorded ? findConflicts(trx, tenantId, caseId, recorded.footprint, recorded.settings.conflictBufferMeters) : [];
};

const sameAddress: RuleLookup = async (args, { trx, tenantId }): Promise<number> => {
  const since = addDays(berlinDateOf(new Date(String(args.now))), -Number(args.windowDays));
  const house = houseNumberValue(typeof args.houseNumber === 'string' ? args.houseNumber : undefined);
  let q = trx
    .selectFrom('traffic_orders as o')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'o.tenant_id').onRef('c.id', '=', 'o.case_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.tenant_id', '=', tenantId)
    .where('o.case_id', '!=', String(args.caseId))
    .where('o.case_type', '=', 'HVZ')
    .where('o.street_key', '=', streetKey(String(args.street)))
    .where('c.submitted_at', '>=', new Date(`${since}T00:00:00Z`));
  if (house !== undefined) q = q.where('o.house_from', '<=', house).where((eb) => eb.or([eb('o.house_to', '>=', house), eb('o.house_to', 'is', null)]));
  return Number((await q.executeTakeFirstOrThrow()).n);
};

/** The lookups of the traffic-order rules, by name. */
export const trafficRuleLookups: Readonly<Record<string, RuleLookup>> = {
  [LOOKUPS.competence]: competence,
  [LOOKUPS.conflicts]: conflicts,
  [LOOKUPS.sameAddress]: sameAddress,
};
