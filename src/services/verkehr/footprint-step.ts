/**
 * Keeping a case's footprint in `traffic_orders` current: the conflict rules record it whenever
 * they run (after submission and every data change), and the workflow's approval records it again
 * as a procedure step, so an approved order is in the conflict check even where a municipality
 * switched the conflict rules off.
 */
import type { ProcedureStep } from '../../definitions/service-package.js';
import { loadTenantCalendar } from '../../platform/calendar/tenant-calendar.js';
import type { Trx } from '../../platform/db/database.js';
import { footprintOf, recordFootprint, type Footprint } from './conflicts.js';
import { readTrafficApplication } from './traffic-application.js';
import { loadTrafficSettings, type TrafficSettings } from './traffic-settings.js';

/** Records the footprint of a case from its current data; undefined when it has no period yet. */
export async function recordCaseFootprint(trx: Trx, tenantId: string, caseId: string, now: Date): Promise<{ footprint: Footprint; settings: TrafficSettings } | undefined> {
  const row = await trx.selectFrom('cases').select(['reference', 'data']).where('tenant_id', '=', tenantId).where('id', '=', caseId).executeTakeFirstOrThrow();
  const app = readTrafficApplication(row.data);
  if (!app) return undefined;
  const settings = await loadTrafficSettings(trx, tenantId);
  const footprint = footprintOf(app, settings, await loadTenantCalendar(trx, tenantId));
  if (!footprint) return undefined;
  await recordFootprint(trx, tenantId, caseId, row.reference, footprint, now);
  return { footprint, settings };
}

/** The procedure step `verkehr.record-footprint` (idempotent: an upsert of the same row). */
export const recordFootprintStep: ProcedureStep = {
  id: 'verkehr.record-footprint',
  async run(trx, invocation) {
    await recordCaseFootprint(trx, invocation.tenantId, invocation.caseId, invocation.at);
  },
};
