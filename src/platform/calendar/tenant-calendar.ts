/**
 * A municipality's working-day calendar from its data: the Land from its AGS, plus its own closing
 * days (table `tenant_closing_days`).
 */
import type { Trx } from '../db/database.js';
import { landFromAgs } from './public-holidays.js';
import { createWorkingDayCalendar, type WorkingDayCalendar } from './working-day-calendar.js';

/** Loads the calendar of a tenant inside a tenant-scoped transaction. */
export async function loadTenantCalendar(trx: Trx, tenantId: string): Promise<WorkingDayCalendar> {
  const tenant = await trx.selectFrom('tenants').select('ags').where('id', '=', tenantId).executeTakeFirstOrThrow();
  const closing = await trx.selectFrom('tenant_closing_days').select(['day', 'reason']).where('tenant_id', '=', tenantId).execute();
  return createWorkingDayCalendar({
    land: landFromAgs(tenant.ags),
    closingDays: closing.map((c) => (c.reason ? { date: c.day, reason: c.reason } : { date: c.day })),
  });
}
