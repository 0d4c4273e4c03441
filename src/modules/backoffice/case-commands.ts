/**
 * What a caseworker does to a case besides workflow steps: take it or hand it on (assignment),
 * write an internal note, and — recorded, not chosen — read it. Each is an event in the case's
 * hash-chained log. Assignment does not raise the case's version: taking a case must not make a
 * colleague's step on it fail as a concurrent change.
 */
import { sql } from 'kysely';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import type { Trx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isUuid } from '../cases/case-engine.js';
import type { BackOfficeDeps } from './backoffice-deps.js';
import { findTenantStaff } from './case-labels.js';

/** Longest internal note. */
export const MAX_NOTE_LENGTH = 5000;

export interface AssignCommand {
  tenantId: string;
  caseIds: readonly string[];
  /** The new assignee (a staff member of the tenant, checked by the caller), or null to release. */
  assigneeId: string | null;
  actorId: string;
  now: Date;
}

/** Assigns cases; cases already assigned to that person are left alone. Returns the ids changed. */
export async function assignCases(trx: Trx, cmd: AssignCommand): Promise<string[]> {
  if (cmd.caseIds.length === 0) return [];
  const current = await trx
    .selectFrom('cases')
    .select(['id', 'assignee_id'])
    .where('tenant_id', '=', cmd.tenantId)
    .where('id', 'in', [...cmd.caseIds])
    .orderBy('id')
    .forUpdate()
    .execute();
  const changing = current.filter((c) => c.assignee_id !== cmd.assigneeId);
  if (changing.length === 0) return [];
  await trx
    .updateTable('cases')
    .set({ assignee_id: cmd.assigneeId, updated_at: cmd.now })
    .where('tenant_id', '=', cmd.tenantId)
    .where(
      'id',
      'in',
      changing.map((c) => c.id),
    )
    .execute();
  for (const c of changing) {
    await appendCaseEvent(trx, cmd.tenantId, {
      caseId: c.id,
      at: cmd.now,
      actorKind: 'caseworker',
      actorId: cmd.actorId,
      type: 'assigned',
      data: { assigneeId: cmd.assigneeId, previousAssigneeId: c.assignee_id },
    });
  }
  return changing.map((c) => c.id);
}

/** Checks a note's text: the trimmed, NFC-normalised text, or a German and English error naming the field. */
export function checkNoteText(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
  if (text === '') {
    throw new AppError('validation.failed', [{ path: 'note', message: { de: 'Bitte geben Sie den Text der Notiz ein.', en: 'Please enter the text of the note.' } }]);
  }
  if ([...text].length > MAX_NOTE_LENGTH) {
    throw new AppError('validation.failed', [
      { path: 'note', message: { de: `Die Notiz darf höchstens ${MAX_NOTE_LENGTH} Zeichen lang sein.`, en: `The note must be ${MAX_NOTE_LENGTH} characters or fewer.` } },
    ]);
  }
  return text;
}

/** Adds an internal note (never shown to applicants) to a case of the tenant. */
export async function addCaseNote(trx: Trx, cmd: { tenantId: string; caseId: string; text: string; actorId: string; now: Date }): Promise<number> {
  return appendCaseEvent(trx, cmd.tenantId, { caseId: cmd.caseId, at: cmd.now, actorKind: 'caseworker', actorId: cmd.actorId, type: 'note', data: { text: cmd.text } });
}

/**
 * Records that a staff member opened a case — at most once per person and case within
 * `intervalMinutes`, so the log shows who looked at a file without one row per page reload.
 * Returns true when a read was recorded.
 */
export async function recordCaseView(trx: Trx, cmd: { tenantId: string; caseId: string; staffId: string; now: Date; intervalMinutes: number }): Promise<boolean> {
  const since = new Date(cmd.now.getTime() - cmd.intervalMinutes * 60_000);
  const recent = await trx
    .selectFrom('case_events')
    .select(sql<number>`1`.as('found'))
    .where('tenant_id', '=', cmd.tenantId)
    .where('case_id', '=', cmd.caseId)
    .where('type', '=', 'case.viewed')
    .where('actor_id', '=', cmd.staffId)
    .where('at', '>', since)
    .limit(1)
    .executeTakeFirst();
  if (recent) return false;
  await appendCaseEvent(trx, cmd.tenantId, { caseId: cmd.caseId, at: cmd.now, actorKind: 'caseworker', actorId: cmd.staffId, type: 'case.viewed' });
  return true;
}

/** Resolves the assignee a form names: `ich`, `niemand`, or a staff member of the tenant. */
export async function resolveAssignee(deps: BackOfficeDeps, ctx: { tenantId: string; staffId: string }, raw: string, field: string): Promise<string | null> {
  if (raw === 'ich' || raw === '') return ctx.staffId;
  if (raw === 'niemand') return null;
  const members = isUuid(raw) ? await findTenantStaff(deps.db.kysely, ctx.tenantId) : [];
  if (members.some((m) => m.id === raw.toLowerCase())) return raw.toLowerCase();
  throw new AppError('validation.failed', [
    { path: field, message: { de: 'Die gewählte Person arbeitet nicht für diese Kommune. Bitte wählen Sie eine Person aus der Liste.', en: 'The chosen person does not work for this municipality. Please choose a person from the list.' } },
  ]);
}
