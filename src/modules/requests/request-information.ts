/**
 * Asking the applicant for missing information (Nachforderung). One tenant transaction: lock the
 * case, take the workflow's step into `information-requested` where it has one, record the
 * request and its event, queue the applicant's mail (unless the step mails it already) and the
 * one reminder, and clear the inbox's "answer arrived" marker — the caseworker has moved on.
 * `createInformationRequest` runs inside a caller's transaction, so a workflow effect or another
 * command can make a request as part of its own act.
 */
import { addDays, berlinDateOf, berlinStartOfDay, isCalendarDate, type CalendarDate } from '../../platform/calendar/calendar-date.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import type { Database, Trx } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { CaseEngineDeps } from '../cases/case-engine.js';
import { loadCase } from '../cases/case-engine.js';
import { caseMessageJob } from '../cases/case-jobs.js';
import { requestReminderJob } from './request-reminder-job.js';
import { mailsApplicantTheRequest, requestStepInput, requestTransitionOf, takeStepIfAny } from './request-workflow.js';

export const MESSAGE_MIN_LENGTH = 10;
export const MESSAGE_MAX_LENGTH = 2000;
/** The latest deadline a request may set, in days from today. */
export const MAX_DUE_DAYS = 366;
/** Reminders go out at this hour (Europe/Berlin) of their day. */
const REMINDER_HOUR = 8;

export interface RequestInformationDeps {
  db: Database;
  queue: JobQueue;
  engine: CaseEngineDeps;
  /** Days before the deadline the one reminder is sent. */
  reminderDays: number;
}

export interface RequestInformationCommand {
  tenantId: string;
  caseId: string;
  staffId: string;
  message: string;
  dueDate: CalendarDate;
  now: Date;
}

export interface RequestForm {
  message: string;
  dueDate: CalendarDate;
}

function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Checks the staff form; throws `validation.failed` with a German and English message per field. */
export function checkRequestForm(raw: { message: string; dueDate: string }, now: Date): RequestForm {
  const errors: FieldError[] = [];
  const message = normalizeText(raw.message);
  const length = [...message].length;
  if (length === 0) errors.push({ path: 'message', message: { de: 'Bitte geben Sie bei „Was fehlt?“ an, welche Angaben oder Unterlagen fehlen.', en: 'Please enter under “What is missing?” which information or documents are missing.' } });
  else if (length < MESSAGE_MIN_LENGTH) errors.push({ path: 'message', message: { de: `„Was fehlt?“ muss mindestens ${MESSAGE_MIN_LENGTH} Zeichen lang sein.`, en: `“What is missing?” must be at least ${MESSAGE_MIN_LENGTH} characters long.` } });
  else if (length > MESSAGE_MAX_LENGTH) errors.push({ path: 'message', message: { de: `„Was fehlt?“ darf höchstens ${MESSAGE_MAX_LENGTH} Zeichen lang sein.`, en: `“What is missing?” must be ${MESSAGE_MAX_LENGTH} characters or fewer.` } });
  const dueDate = raw.dueDate.trim();
  const today = berlinDateOf(now);
  if (dueDate === '') errors.push({ path: 'dueDate', message: { de: 'Bitte geben Sie bei „Antwort bis“ ein Datum an.', en: 'Please enter a date for “Answer by”.' } });
  else if (!isCalendarDate(dueDate)) errors.push({ path: 'dueDate', message: { de: 'Bitte geben Sie bei „Antwort bis“ ein gültiges Datum an (TT.MM.JJJJ).', en: 'Please enter a valid date for “Answer by” (DD/MM/YYYY).' } });
  else if (dueDate <= today) errors.push({ path: 'dueDate', message: { de: '„Antwort bis“ muss ein Tag in der Zukunft sein.', en: '“Answer by” must be a day in the future.' } });
  else if (dueDate > addDays(today, MAX_DUE_DAYS)) errors.push({ path: 'dueDate', message: { de: `„Antwort bis“ darf höchstens ${MAX_DUE_DAYS} Tage in der Zukunft liegen.`, en: `“Answer by” may be at most ${MAX_DUE_DAYS} days ahead.` } });
  if (errors.length > 0) throw new AppError('validation.failed', errors);
  return { message, dueDate };
}

/** The suggested deadline: today (Europe/Berlin) plus the configured number of days. */
export function defaultDueDate(now: Date, days: number): CalendarDate {
  return addDays(berlinDateOf(now), days);
}

/** When the one reminder is due (08:00 Berlin time, `reminderDays` before the deadline), or null when that is not in the future. */
export function reminderTime(dueDate: CalendarDate, reminderDays: number, now: Date): Date | null {
  const at = new Date(berlinStartOfDay(addDays(dueDate, -reminderDays)).getTime() + REMINDER_HOUR * 3_600_000);
  return at > now ? at : null;
}

/** A short title of the request for the event log and the applicant's history: the message's first line, shortened. */
export function requestTitle(message: string): string {
  const first = message.split('\n')[0]!.trim();
  return [...first].length > 80 ? `${[...first].slice(0, 79).join('')}…` : first;
}

/** Makes the request in the caller's tenant transaction; returns its id. */
export async function createInformationRequest(trx: Trx, deps: RequestInformationDeps, cmd: RequestInformationCommand): Promise<string> {
  const row = await loadCase(trx, cmd.tenantId, cmd.caseId, { forUpdate: true });
  if (row.closed_at) throw new AppError('request.case_closed');
  const workflow = deps.engine.services.get(row.service_id, row.service_version)?.workflow;
  const transition = workflow ? requestTransitionOf(workflow, row.state) : undefined;
  const input = transition ? requestStepInput(transition, cmd) : {};
  const step = await takeStepIfAny(trx, deps.engine, row, { transition, actor: { kind: 'caseworker', id: cmd.staffId }, input, now: cmd.now });
  const remindAt = reminderTime(cmd.dueDate, deps.reminderDays, cmd.now);
  const request = await trx
    .insertInto('information_requests')
    .values({ tenant_id: cmd.tenantId, case_id: row.id, requested_by: cmd.staffId, requested_at: cmd.now, message: cmd.message, due_date: cmd.dueDate, remind_at: remindAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const title = requestTitle(cmd.message);
  await appendCaseEvent(trx, cmd.tenantId, {
    caseId: row.id,
    at: cmd.now,
    actorKind: 'caseworker',
    actorId: cmd.staffId,
    type: 'information.requested',
    data: { requestId: request.id, title: { de: title, en: title }, dueDate: cmd.dueDate },
  });
  await trx.updateTable('cases').set({ information_answered_at: null, updated_at: cmd.now }).where('tenant_id', '=', cmd.tenantId).where('id', '=', row.id).execute();
  if (!step || !mailsApplicantTheRequest(step)) {
    await deps.queue.enqueue(caseMessageJob, { tenantId: cmd.tenantId, caseId: row.id, eventKey: `request:${request.id}`, template: 'information-requested', to: 'applicant' }, { trx });
  }
  if (remindAt) await deps.queue.enqueue(requestReminderJob, { tenantId: cmd.tenantId, requestId: request.id }, { trx, startAfter: remindAt });
  return request.id;
}

/** Makes the request in its own tenant transaction; returns its id. */
export async function requestInformation(deps: RequestInformationDeps, cmd: RequestInformationCommand): Promise<string> {
  return deps.db.withTenant(cmd.tenantId, (trx) => createInformationRequest(trx, deps, cmd));
}
