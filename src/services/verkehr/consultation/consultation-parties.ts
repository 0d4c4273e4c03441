/**
 * The parties a municipality hears on traffic orders (table `traffic_consultation_parties`) and
 * which of them the consultation matrix of verkehr.md § 4.3 proposes for an application: police
 * and road authority for works on the carriageway, the transport operator where a bus runs, fire
 * brigade and rescue service for full closures, waste collection for closures — as each party's
 * case types and triggers say.
 */
import type { Trx } from '../../../platform/db/database.js';
import type { TrafficApplication } from '../traffic-application.js';

export const TRIGGERS = ['always', 'carriageway', 'closure', 'full-closure', 'bus-route'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface ConsultationParty {
  id: string;
  name: string;
  email: string;
  kind: string;
  caseTypes: string[];
  triggers: string[];
}

/** The tenant's active parties, by name. */
export async function loadParties(trx: Trx, tenantId: string): Promise<ConsultationParty[]> {
  const rows = await trx.selectFrom('traffic_consultation_parties').selectAll().where('tenant_id', '=', tenantId).where('active', '=', true).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, kind: r.kind, caseTypes: r.case_types, triggers: r.triggers }));
}

const CLOSURES = ['halfClosure', 'oneWay', 'laneNarrowing', 'fullClosure'];

function holds(trigger: string, app: TrafficApplication, facts: { busRoute: boolean; eventClosure: boolean }): boolean {
  switch (trigger) {
    case 'always':
      return true;
    case 'carriageway':
      return app.affectedParts.includes('carriageway');
    case 'closure':
      return CLOSURES.includes(app.closureType ?? '') || app.trafficControl === 'lights' || facts.eventClosure;
    case 'full-closure':
      return app.closureType === 'fullClosure' || facts.eventClosure;
    case 'bus-route':
      return facts.busRoute;
    default:
      return false;
  }
}

/** The ids of the parties to propose: the case type fits and one of the party's triggers holds. */
export function proposedPartyIds(parties: readonly ConsultationParty[], app: TrafficApplication, facts: { busRoute: boolean; eventClosure: boolean }): string[] {
  return parties.filter((p) => p.caseTypes.includes(app.caseType) && p.triggers.some((t) => holds(t, app, facts))).map((p) => p.id);
}
