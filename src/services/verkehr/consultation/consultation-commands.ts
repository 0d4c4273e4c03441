/**
 * Consultation (Anhörung) of a traffic order, verkehr.md § 4.2 step 4: the caseworker asks
 * parties with a deadline; each gets an e-mail with a personal link where it agrees, agrees with
 * conditions or objects — once, until the end of the deadline day (Europe/Berlin). The link's
 * token is an HMAC of the consultation's id under the application secret (like status links), so
 * the reminder can repeat it; only its SHA-256 is stored. Every step is an event on the case; the conditions parties
 * set are printed in the order.
 */
import { randomUUID } from 'node:crypto';
import { appendCaseEvent } from '../../../platform/audit/case-events.js';
import { berlinEndOfDay, isCalendarDate } from '../../../platform/calendar/calendar-date.js';
import type { Trx } from '../../../platform/db/database.js';
import type { ConsultationStatus, Localized } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { JobQueue } from '../../../platform/jobs/job-queue.js';
import { queueMailForSending } from '../../../platform/mail/send-mail-job.js';
import { TRAFFIC_SERVICE_ID } from '../traffic-settings.js';
import { consultationLink, consultationToken, hashToken } from './consultation-links.js';
import { consultationMail } from './consultation-mail.js';
import { consultationReminderJob, reminderTime } from './consultation-reminder.js';
import { loadParties } from './consultation-parties.js';

export const ANSWERS = ['agreed', 'agreed-with-conditions', 'objected'] as const;
export type ConsultationAnswer = (typeof ANSWERS)[number];

/** One consultation as the case page and the party's page show it. */
export interface Consultation {
  id: string;
  caseId: string;
  partyId: string;
  partyName: string;
  requestedAt: Date;
  dueDate: string;
  message: string | null;
  status: ConsultationStatus;
  answerText: string | null;
  answeredAt: Date | null;
}

type Row = { id: string; case_id: string; party_id: string; party_name: string; requested_at: Date; due_date: string; message: string | null; status: ConsultationStatus; answer_text: string | null; answered_at: Date | null };
const toConsultation = (r: Row): Consultation => ({
  id: r.id,
  caseId: r.case_id,
  partyId: r.party_id,
  partyName: r.party_name,
  requestedAt: r.requested_at,
  dueDate: r.due_date,
  message: r.message,
  status: r.status,
  answerText: r.answer_text,
  answeredAt: r.answered_at,
});
const COLUMNS = ['id', 'case_id', 'party_id', 'party_name', 'requested_at', 'due_date', 'message', 'status', 'answer_text', 'answered_at'] as const;

/** Field errors of the staff form: at least one party, a deadline after today. */
export function checkStartForm(input: { partyIds: string[]; dueDate: string; message: string }, today: string): { field: string; message: Localized }[] {
  const errors: { field: string; message: Localized }[] = [];
  if (input.partyIds.length === 0) errors.push({ field: 'parties', message: { de: 'Bitte wählen Sie bei „Beteiligte“ mindestens eine Stelle aus.', en: 'Please choose at least one party for “Parties”.' } });
  if (!isCalendarDate(input.dueDate) || input.dueDate <= today) errors.push({ field: 'dueDate', message: { de: 'Bitte geben Sie bei „Frist“ einen Tag nach heute an.', en: 'Please enter a day after today for “Deadline”.' } });
  if (input.message.length > 5000) errors.push({ field: 'message', message: { de: 'Die Nachricht darf höchstens 5000 Zeichen lang sein.', en: 'The message can be at most 5000 characters.' } });
  return errors;
}

export interface StartConsultationInput {
  tenant: { id: string; slug: string; officialName: string };
  caseId: string;
  partyIds: string[];
  dueDate: string;
  message: string;
  staffId: string;
  now: Date;
  publicBaseUrl: string;
  /** The application secret the link tokens are derived with. */
  secret: string;
}

/** Starts the consultation of the chosen parties on a case: rows, mails with personal links, one event. */
export async function startConsultation(trx: Trx, queue: JobQueue, input: StartConsultationInput): Promise<{ id: string; partyId: string; token: string }[]> {
  const tenantId = input.tenant.id;
  const row = await trx.selectFrom('cases').select(['id', 'reference', 'service_id', 'closed_at']).where('tenant_id', '=', tenantId).where('id', '=', input.caseId).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('case.not_found');
  if (row.service_id !== TRAFFIC_SERVICE_ID || row.closed_at) throw new AppError('consultation.closed');
  const parties = await loadParties(trx, tenantId);
  const chosen = input.partyIds.map((id) => parties.find((p) => p.id === id));
  if (chosen.some((p) => !p)) throw new AppError('validation.failed', [{ path: 'parties', message: { de: 'Bitte wählen Sie nur Stellen aus der Liste aus.', en: 'Please choose only parties from the list.' } }]);
  const created: { id: string; partyId: string; token: string }[] = [];
  for (const party of chosen as NonNullable<(typeof chosen)[number]>[]) {
    const id = randomUUID();
    const token = consultationToken(input.secret, id);
    const inserted = await trx
      .insertInto('traffic_consultations')
      .values({
        tenant_id: tenantId,
        id,
        case_id: row.id,
        party_id: party.id,
        party_name: party.name,
        party_email: party.email,
        token_hash: hashToken(token),
        requested_at: input.now,
        requested_by: input.staffId,
        due_date: input.dueDate,
        message: input.message.trim() || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const link = consultationLink(input.publicBaseUrl, input.tenant.slug, token);
    await queueMailForSending(trx, queue, tenantId, { ...consultationMail({ authority: input.tenant.officialName, reference: row.reference, party: party.name, link, dueDate: input.dueDate }), to: party.email, template: `verkehr.consultation:${inserted.id}`, caseId: row.id, containsSecretLink: true });
    const remindAt = reminderTime(input.dueDate);
    if (remindAt.getTime() > input.now.getTime()) await queue.enqueue(consultationReminderJob, { tenantId, consultationId: inserted.id }, { trx, startAfter: remindAt });
    created.push({ id: inserted.id, partyId: party.id, token });
  }
  await appendCaseEvent(trx, tenantId, { caseId: row.id, at: input.now, actorKind: 'caseworker', actorId: input.staffId, type: 'consultation.started', data: { parties: created.map((c) => c.partyId), dueDate: input.dueDate } });
  return created;
}

/** The consultation a link's token names, within the tenant; undefined for an unknown token. */
export async function findConsultationByToken(trx: Trx, tenantId: string, token: string): Promise<Consultation | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await trx.selectFrom('traffic_consultations').select(COLUMNS).where('tenant_id', '=', tenantId).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row ? toConsultation(row) : undefined;
}

/** True when the consultation can no longer be answered because its deadline day has ended. */
export function isExpired(c: Pick<Consultation, 'dueDate'>, now: Date): boolean {
  return now.getTime() > berlinEndOfDay(c.dueDate).getTime();
}

/** Records a party's answer (once, within the deadline); refuses with field errors naming the field. */
export async function answerConsultation(trx: Trx, input: { tenantId: string; token: string; answer: string; text: string; now: Date }): Promise<Consultation> {
  const found = await findConsultationByToken(trx, input.tenantId, input.token);
  if (!found || found.status === 'withdrawn') throw new AppError('consultation.link_invalid');
  if (found.status !== 'open') return found;
  if (isExpired(found, input.now)) throw new AppError('consultation.expired');
  const errors: { path: string; message: Localized }[] = [];
  if (!(ANSWERS as readonly string[]).includes(input.answer)) errors.push({ path: 'answer', message: { de: 'Bitte wählen Sie bei „Ihre Stellungnahme“ eine Antwort aus.', en: 'Please choose an answer for “Your statement”.' } });
  const text = input.text.trim();
  if (input.answer !== 'agreed' && text === '') errors.push({ path: 'text', message: { de: 'Bitte nennen Sie bei „Auflagen oder Einwände“ Ihre Auflagen oder Gründe.', en: 'Please state your conditions or reasons for “Conditions or objections”.' } });
  if (text.length > 5000) errors.push({ path: 'text', message: { de: '„Auflagen oder Einwände“ darf höchstens 5000 Zeichen lang sein.', en: '“Conditions or objections” can be at most 5000 characters.' } });
  if (errors.length > 0) throw new AppError('validation.failed', errors);
  const row = await trx
    .updateTable('traffic_consultations')
    .set({ status: input.answer as ConsultationAnswer, answer_text: text === '' ? null : text, answered_at: input.now })
    .where('tenant_id', '=', input.tenantId)
    .where('id', '=', found.id)
    .where('status', '=', 'open')
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await appendCaseEvent(trx, input.tenantId, { caseId: found.caseId, at: input.now, actorKind: 'party', type: 'consultation.answered', data: { consultationId: found.id, party: found.partyId, answer: input.answer } });
  return toConsultation(row);
}

/** A case's consultations, oldest first. */
export async function listCaseConsultations(trx: Trx, tenantId: string, caseId: string): Promise<Consultation[]> {
  const rows = await trx.selectFrom('traffic_consultations').select(COLUMNS).where('tenant_id', '=', tenantId).where('case_id', '=', caseId).orderBy('requested_at').orderBy('party_name').execute();
  return rows.map(toConsultation);
}

/** The conditions parties set ("agree with conditions"), with who set them, for the order. */
export async function partyConditions(trx: Trx, tenantId: string, caseId: string): Promise<{ party: string; text: string }[]> {
  return (await listCaseConsultations(trx, tenantId, caseId)).filter((c) => c.status === 'agreed-with-conditions' && c.answerText).map((c) => ({ party: c.partyName, text: c.answerText! }));
}
