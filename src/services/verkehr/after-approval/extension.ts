/**
 * Extending an approved order (Verlängerung, verkehr.md § 4.2 step 8; condition "extension to be
 * applied for in time"). The applicant asks on the status page for a later last day; the request
 * is checked against the order (a later day, at most a year on, not after the order ran out) and
 * against the lead time the office needs to decide before the signs would have to come down
 * (`afterApproval.extensionLeadWorkingDays` full working days before the first extended day, on
 * the municipality's calendar). The extended days are checked for conflicts with other orders in
 * force (conflicts.ts); what is found is kept with the request for the caseworker. The request
 * then takes the workflow's citizen step `request-extension`, which puts the case before a
 * caseworker; their one-click `approve-extension` runs {@link applyExtensionStep} (the footprint's
 * period for the conflict check and the public feed), and the workflow issues the new order.
 */
import { parseDateText, isIsoDate, toGermanDate } from '../../../definitions/core/dates.js';
import type { ProcedureStep } from '../../../definitions/service-package.js';
import { addDays, berlinDateOf, type CalendarDate } from '../../../platform/calendar/calendar-date.js';
import { loadTenantCalendar } from '../../../platform/calendar/tenant-calendar.js';
import type { WorkingDayCalendar } from '../../../platform/calendar/working-day-calendar.js';
import type { Database, Trx } from '../../../platform/db/database.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import { applyTransitionIn } from '../../../modules/cases/apply-transition.js';
import { isUuid, loadCase, type CaseEngineDeps } from '../../../modules/cases/case-engine.js';
import { findConflicts, footprintOf, recordFootprint } from '../conflicts.js';
import { readTrafficApplication, type TrafficApplication } from '../traffic-application.js';
import { loadTrafficSettings, type TrafficSettings } from '../traffic-settings.js';
import { currentPeriod, listExtensions, type ExtensionConflict } from './extension-queries.js';

const NEW_END = { de: 'Neues Ende', en: 'New end' };
const REASON = { de: 'Begründung', en: 'Reason' };
export const MAX_REASON_LENGTH = 1000;

export interface ExtensionForm {
  newEnd: string;
  reason: string;
}

/** The last day an extension of an order ending on `lastDay` may be asked for: the office needs the lead time in full working days before the first extended day. */
export function latestExtensionRequestDay(lastDay: CalendarDate, leadWorkingDays: number, calendar: WorkingDayCalendar): CalendarDate {
  const firstExtended = addDays(lastDay, 1);
  let day = lastDay;
  for (let i = 0; i < 400 && calendar.earliestDateWithLeadTime(day, leadWorkingDays) > firstExtended; i++) day = addDays(day, -1);
  return day;
}

/** Checks an extension request; returns the new last day and the reason, or throws `validation.failed` naming the field. */
export function checkExtensionForm(form: ExtensionForm, ctx: { today: CalendarDate; lastDay: CalendarDate; settings: TrafficSettings; calendar: WorkingDayCalendar }): { newTo: CalendarDate; reason: string | null } {
  const errors: FieldError[] = [];
  const text = form.newEnd.trim();
  const newTo = parseDateText(text);
  const reason = form.reason.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  const latestRequest = latestExtensionRequestDay(ctx.lastDay, ctx.settings.afterApproval.extensionLeadWorkingDays, ctx.calendar);
  if (ctx.today > ctx.lastDay) {
    errors.push({ path: 'newEnd', message: { de: `Die Anordnung ist am ${toGermanDate(ctx.lastDay)} abgelaufen; eine Verlängerung ist nicht mehr möglich. Bitte stellen Sie einen neuen Antrag.`, en: `The order ended on ${toGermanDate(ctx.lastDay)}; it can no longer be extended. Please make a new application.` } });
  } else if (ctx.today > latestRequest) {
    errors.push({
      path: 'newEnd',
      message: {
        de: `Eine Verlängerung musste spätestens am ${toGermanDate(latestRequest)} beantragt werden, damit wir vor dem bisherigen Ende am ${toGermanDate(ctx.lastDay)} entscheiden können. Bitte stellen Sie für den weiteren Zeitraum einen neuen Antrag.`,
        en: `An extension had to be requested by ${toGermanDate(latestRequest)} so that we can decide before the current end on ${toGermanDate(ctx.lastDay)}. Please make a new application for the further period.`,
      },
    });
  } else if (text === '') {
    errors.push({ path: 'newEnd', message: { de: `Bitte geben Sie bei „${NEW_END.de}“ den letzten Tag an, an dem die Anordnung gelten soll, z. B. ${toGermanDate(addDays(ctx.lastDay, 3))}.`, en: `Please enter under “${NEW_END.en}” the last day the order should be valid, e.g. ${toGermanDate(addDays(ctx.lastDay, 3))}.` } });
  } else if (!newTo || !isIsoDate(newTo)) {
    errors.push({ path: 'newEnd', message: { de: `Bitte geben Sie bei „${NEW_END.de}“ ein gültiges Datum im Format TT.MM.JJJJ an.`, en: `Please enter a valid date in the format DD.MM.YYYY under “${NEW_END.en}”.` } });
  } else if (newTo <= ctx.lastDay) {
    errors.push({ path: 'newEnd', message: { de: `„${NEW_END.de}“ muss nach dem bisherigen Ende am ${toGermanDate(ctx.lastDay)} liegen.`, en: `“${NEW_END.en}” must be after the current end on ${toGermanDate(ctx.lastDay)}.` } });
  } else if (newTo > addDays(ctx.lastDay, 366)) {
    errors.push({ path: 'newEnd', message: { de: `„${NEW_END.de}“ darf höchstens ein Jahr nach dem bisherigen Ende am ${toGermanDate(ctx.lastDay)} liegen.`, en: `“${NEW_END.en}” may be at most one year after the current end on ${toGermanDate(ctx.lastDay)}.` } });
  }
  if ([...reason].length > MAX_REASON_LENGTH) errors.push({ path: 'reason', message: { de: `„${REASON.de}“ darf höchstens ${MAX_REASON_LENGTH} Zeichen lang sein.`, en: `“${REASON.en}” must be ${MAX_REASON_LENGTH} characters or fewer.` } });
  if (errors.length > 0 || !newTo) throw new AppError('validation.failed', errors);
  return { newTo, reason: reason === '' ? null : reason };
}

/** What the extension form and the status page show: the last day in force and the last day to ask. */
export async function extensionContext(trx: Trx, tenantId: string, caseId: string, app: TrafficApplication): Promise<{ lastDay: CalendarDate; latestRequest: CalendarDate; settings: TrafficSettings; calendar: WorkingDayCalendar } | undefined> {
  const period = currentPeriod(app, await listExtensions(trx, tenantId, caseId));
  if (!period) return undefined;
  const settings = await loadTrafficSettings(trx, tenantId);
  const calendar = await loadTenantCalendar(trx, tenantId);
  return { lastDay: period.to, latestRequest: latestExtensionRequestDay(period.to, settings.afterApproval.extensionLeadWorkingDays, calendar), settings, calendar };
}

/** The orders in force the extended days (the day after the last one up to the new last day) meet. */
async function extensionConflicts(trx: Trx, tenantId: string, caseId: string, app: TrafficApplication, lastDay: CalendarDate, newTo: CalendarDate, settings: TrafficSettings, calendar: WorkingDayCalendar): Promise<ExtensionConflict[]> {
  const firstExtended = addDays(lastDay, 1);
  const fp = footprintOf({ ...app, period: { from: firstExtended, to: newTo } }, settings, calendar);
  if (!fp) return [];
  // The signs already stand: the extra time is from the first extended day to the removal after the new end.
  const found = await findConflicts(trx, tenantId, caseId, { ...fp, occupied: { from: firstExtended, to: addDays(newTo, 1) } }, settings.conflictBufferMeters);
  return found.map((c) => ({ caseId: c.caseId, reference: c.reference, street: c.street, from: c.occupied.from, to: c.occupied.to }));
}

/** Records the request and takes the step `request-extension`, in one tenant transaction; validation errors name the form's fields. */
export async function requestExtension(deps: { db: Database; engine: CaseEngineDeps }, cmd: { tenantId: string; caseId: string; form: ExtensionForm; now: Date }): Promise<void> {
  const { tenantId } = cmd;
  await deps.db.withTenant(tenantId, async (trx) => {
    const row = await loadCase(trx, tenantId, cmd.caseId, { forUpdate: true });
    const app = readTrafficApplication(row.data);
    const ctx = app && (await extensionContext(trx, tenantId, row.id, app));
    if (row.state !== 'approved' || !app || !ctx) throw new AppError('case.transition_not_available');
    const { newTo, reason } = checkExtensionForm(cmd.form, { today: berlinDateOf(cmd.now), ...ctx });
    const conflicts = await extensionConflicts(trx, tenantId, row.id, app, ctx.lastDay, newTo, ctx.settings, ctx.calendar);
    await trx
      .insertInto('traffic_extensions')
      .values({ tenant_id: tenantId, case_id: row.id, requested_at: cmd.now, previous_to: ctx.lastDay, new_to: newTo, reason, conflicts: JSON.stringify(conflicts) })
      .execute();
    await applyTransitionIn(trx, deps.engine, {
      tenantId,
      caseId: row.id,
      transitionId: 'request-extension',
      actor: { kind: 'citizen' },
      expectedVersion: row.version,
      input: { newEnd: newTo, ...(reason ? { reason } : {}) },
      now: cmd.now,
    });
  });
}

/** Locks the case's open request; none is open after a replayed step, which then does nothing. */
async function lockOpenExtension(trx: Trx, tenantId: string, caseId: string) {
  return trx.selectFrom('traffic_extensions').selectAll().where('tenant_id', '=', tenantId).where('case_id', '=', caseId).where('status', '=', 'requested').forUpdate().executeTakeFirst();
}

/** The step `verkehr.apply-extension` of `approve-extension`: the request approved, the footprint's period moved to the new last day. */
export const applyExtensionStep: ProcedureStep = {
  id: 'verkehr.apply-extension',
  async run(trx, inv) {
    const open = await lockOpenExtension(trx, inv.tenantId, inv.caseId);
    if (!open) return;
    const decidedBy = inv.actor.id && isUuid(inv.actor.id) ? inv.actor.id : null;
    await trx.updateTable('traffic_extensions').set({ status: 'approved', decided_at: inv.at, decided_by: decidedBy }).where('tenant_id', '=', inv.tenantId).where('id', '=', open.id).execute();
    const row = await trx.selectFrom('cases').select(['reference', 'data']).where('tenant_id', '=', inv.tenantId).where('id', '=', inv.caseId).executeTakeFirstOrThrow();
    const app = readTrafficApplication(row.data);
    if (!app?.period) return;
    const footprint = footprintOf({ ...app, period: { from: app.period.from, to: open.new_to } }, await loadTrafficSettings(trx, inv.tenantId), await loadTenantCalendar(trx, inv.tenantId));
    if (footprint) await recordFootprint(trx, inv.tenantId, inv.caseId, row.reference, footprint, inv.at);
  },
};

/** The step `verkehr.reject-extension` of `reject-extension`: the request refused with the caseworker's reason (the step's input). */
export const rejectExtensionStep: ProcedureStep = {
  id: 'verkehr.reject-extension',
  async run(trx, inv) {
    const open = await lockOpenExtension(trx, inv.tenantId, inv.caseId);
    if (!open) return;
    // The transition's event, appended just before its effects run, holds the reason it was given.
    const event = await trx.selectFrom('case_events').select('data').where('tenant_id', '=', inv.tenantId).where('case_id', '=', inv.caseId).where('type', '=', 'transition').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const input = (event?.data.input ?? {}) as Record<string, unknown>;
    const decidedBy = inv.actor.id && isUuid(inv.actor.id) ? inv.actor.id : null;
    await trx
      .updateTable('traffic_extensions')
      .set({ status: 'rejected', decided_at: inv.at, decided_by: decidedBy, decision_reason: typeof input.reason === 'string' ? input.reason : null })
      .where('tenant_id', '=', inv.tenantId)
      .where('id', '=', open.id)
      .execute();
  },
};
