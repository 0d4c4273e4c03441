/**
 * Deadlines per workflow state (e.g. the receipt within three days, § 15 Abs. 1 GewO), computed
 * with the tenant's working-day calendar when a case enters the state and stored as
 * `cases.due_at`, which the inbox sorts and filters by.
 */
import { periodEnd, type Period } from '../../platform/calendar/period.js';
import type { WorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import { stateOf, type Workflow } from '../../definitions/workflow/workflow-schema.js';

/** When the deadline of a state ends for a case entering it at `enteredAt`; null for a state without one. */
export function stateDeadline(workflow: Workflow, stateId: string, calendar: WorkingDayCalendar, at: { enteredAt: Date; submittedAt: Date }): Date | null {
  const deadline = stateOf(workflow, stateId).deadline;
  if (!deadline) return null;
  const period: Period = deadline.workingDays !== undefined ? { workingDays: deadline.workingDays } : { days: deadline.days ?? 0 };
  return periodEnd(calendar, deadline.from === 'submitted' ? at.submittedAt : at.enteredAt, period);
}

/** The state and deadline a new case starts with; the submission stores both with the case. */
export function initialStateOf(workflow: Workflow, calendar: WorkingDayCalendar, submittedAt: Date): { state: string; dueAt: Date | null } {
  return { state: workflow.initial, dueAt: stateDeadline(workflow, workflow.initial, calendar, { enteredAt: submittedAt, submittedAt }) };
}
