/**
 * The two workflow timers of an approved order, armed from its last day (verkehr.md § 7.4,
 * "expiry watcher"): `end-reminder` fires the workflow's timer step that mails the applicant the
 * tenant's number of working days before the end (08:00 Berlin time), asking to remove the signs
 * and report completion; `overrun-check` fires the step that flags the case as overrun when the
 * end plus the grace period passed without a completion report.
 *
 * The workflow's `startTimer` effect counts from the moment of the step; these count from the
 * order's last day, which the data and any extension decide. So the procedure step
 * `verkehr.arm-end-timers` arms them on the engine's own terms — a `case_timers` row in the state
 * the step entered, replacing a running timer of the same name, and a `cases.fire-timer` job for
 * its due time — and the engine fires them (once; not at all after the state was left, e.g. by a
 * completion report or an extension request, which cancels them). Approving or refusing an
 * extension arms them again for the last day then in force.
 */
import type { ProcedureStep } from '../../../definitions/service-package.js';
import { addDays, berlinEndOfDay, berlinStartOfDay, type CalendarDate } from '../../../platform/calendar/calendar-date.js';
import { loadTenantCalendar } from '../../../platform/calendar/tenant-calendar.js';
import type { WorkingDayCalendar } from '../../../platform/calendar/working-day-calendar.js';
import type { Trx } from '../../../platform/db/database.js';
import type { JobQueue } from '../../../platform/jobs/job-queue.js';
import { fireTimerJob } from '../../../modules/cases/case-jobs.js';
import { readTrafficApplication } from '../traffic-application.js';
import { loadTrafficSettings, type TrafficSettings } from '../traffic-settings.js';
import { currentPeriod, listExtensions } from './extension-queries.js';

export const END_REMINDER_TIMER = 'end-reminder';
export const OVERRUN_TIMER = 'overrun-check';
const REMINDER_HOUR = 8;

/** When the timers of an order ending on `lastDay` are due, seen at `now`; a reminder whose time has passed goes out at once while the order still runs. */
export function endTimerPlan(lastDay: CalendarDate, rules: TrafficSettings['afterApproval'], calendar: WorkingDayCalendar, now: Date): { name: string; dueAt: Date }[] {
  const plan: { name: string; dueAt: Date }[] = [];
  const reminderDay = rules.endReminderWorkingDays === 0 ? lastDay : calendar.addWorkingDays(lastDay, -rules.endReminderWorkingDays);
  const reminderAt = new Date(berlinStartOfDay(reminderDay).getTime() + REMINDER_HOUR * 3600_000);
  if (reminderAt > now) plan.push({ name: END_REMINDER_TIMER, dueAt: reminderAt });
  else if (now <= berlinEndOfDay(lastDay)) plan.push({ name: END_REMINDER_TIMER, dueAt: now });
  // Flagged when the grace day is over: the signs should be gone and reported by its end.
  const graceDay = rules.overrunGraceWorkingDays === 0 ? lastDay : calendar.addWorkingDays(lastDay, rules.overrunGraceWorkingDays);
  const overrunAt = berlinStartOfDay(addDays(graceDay, 1));
  plan.push({ name: OVERRUN_TIMER, dueAt: overrunAt > now ? overrunAt : now });
  return plan;
}

/** Arms one timer of the case in `state` for `dueAt`, replacing an armed one of the same name; its job is queued in the same transaction. */
async function armTimer(trx: Trx, queue: JobQueue, t: { tenantId: string; caseId: string; name: string; state: string; dueAt: Date; armedBy: string; now: Date }): Promise<void> {
  await trx
    .updateTable('case_timers')
    .set({ status: 'cancelled', settled_at: t.now })
    .where('tenant_id', '=', t.tenantId)
    .where('case_id', '=', t.caseId)
    .where('name', '=', t.name)
    .where('status', '=', 'armed')
    .execute();
  const timer = await trx
    .insertInto('case_timers')
    .values({ tenant_id: t.tenantId, case_id: t.caseId, name: t.name, state: t.state, due_at: t.dueAt, armed_by: t.armedBy, created_at: t.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await queue.enqueue(fireTimerJob, { tenantId: t.tenantId, timerId: timer.id }, { trx, startAfter: t.dueAt });
}

/** The step `verkehr.arm-end-timers`: arms both timers from the last day in force, in the state the transition entered. */
export const armEndTimersStep: ProcedureStep = {
  id: 'verkehr.arm-end-timers',
  async run(trx, inv, { queue }) {
    const row = await trx.selectFrom('cases').select(['data']).where('tenant_id', '=', inv.tenantId).where('id', '=', inv.caseId).executeTakeFirstOrThrow();
    const app = readTrafficApplication(row.data);
    const period = app && currentPeriod(app, await listExtensions(trx, inv.tenantId, inv.caseId));
    if (!period) return;
    const settings = await loadTrafficSettings(trx, inv.tenantId);
    const calendar = await loadTenantCalendar(trx, inv.tenantId);
    for (const { name, dueAt } of endTimerPlan(period.to, settings.afterApproval, calendar, inv.at)) {
      await armTimer(trx, queue, { tenantId: inv.tenantId, caseId: inv.caseId, name, state: inv.to, dueAt, armedBy: inv.transitionId, now: inv.at });
    }
  },
};
