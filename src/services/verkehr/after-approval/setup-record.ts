/**
 * The applicant's set-up record (Aufstellprotokoll, verkehr.md § 1.6 and § 4.2 step 7): when the
 * signs went up, 1–10 photos, and the number plates of vehicles already parked. The photos have
 * been received, scanned and stored by then (readUploadForm); one tenant transaction records them
 * as case files, stores the record, takes the workflow's citizen step `record-setup` (so the
 * record shows in the case history with its details) and, when the signs went up after the
 * latest set-up day, adds a finding for the caseworker: against cars parked before, the order
 * takes effect only after three full days (BVerwG, 24 May 2018, 3 C 25.16).
 */
import { parseDateText, isIsoDate, toGermanDate } from '../../../definitions/core/dates.js';
import { addDays, berlinDateOf, berlinEndOfDay, berlinStartOfDay, type CalendarDate } from '../../../platform/calendar/calendar-date.js';
import { loadTenantCalendar } from '../../../platform/calendar/tenant-calendar.js';
import type { WorkingDayCalendar } from '../../../platform/calendar/working-day-calendar.js';
import type { Database } from '../../../platform/db/database.js';
import type { Localized } from '../../../platform/db/schema.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import type { ReceivedFile } from '../../../platform/uploads/multipart.js';
import { applyTransitionIn } from '../../../modules/cases/apply-transition.js';
import { loadCase, type CaseEngineDeps } from '../../../modules/cases/case-engine.js';
import { longDate } from '../date-text.js';
import { latestSetupDate } from '../lead-times.js';
import { readTrafficApplication } from '../traffic-application.js';
import { loadTrafficSettings, type TrafficSettings } from '../traffic-settings.js';
import { addFinding } from './added-finding.js';
import { readPlates } from './number-plates.js';

/** Most photos one record takes. */
export const MAX_SETUP_PHOTOS = 10;
/** The purpose of set-up photos in `files` and in their storage keys. */
export const SETUP_PHOTO_PURPOSE = 'setup-photo';
/** The `files.field_path` of a record's photos. */
export const setupFieldPath = (recordId: string) => `setup:${recordId}`;

const LABELS = {
  setupDate: { de: 'Datum des Aufstellens', en: 'Date of set-up' },
  setupTime: { de: 'Uhrzeit des Aufstellens', en: 'Time of set-up' },
  photos: { de: 'Fotos der aufgestellten Schilder', en: 'Photos of the signs as set up' },
} satisfies Record<string, Localized>;

export interface SetupForm {
  setupDate: string;
  setupTime: string;
  numberPlates: string;
}

export interface CheckedSetup {
  setUpAt: Date;
  /** The set-up in Berlin time as people write it: `03.12.2026, 14:30 Uhr`. */
  setUpText: string;
  plates: string[];
}

/** The instant of a Berlin wall-clock time (`HH:MM`) on a day, also on the days the clocks change. */
export function berlinInstant(day: CalendarDate, time: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const guess = new Date(berlinStartOfDay(day).getTime() + (h * 60 + m) * 60_000);
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess);
  const [sh, sm] = shown.split(':').map(Number) as [number, number];
  return new Date(guess.getTime() - ((sh * 60 + sm) - (h * 60 + m)) * 60_000);
}

/**
 * Checks the form against the case: a real day and time, not in the future, not before the
 * application, not after the last day in force; 1–10 photos; plates in a valid format. Errors name
 * the field in German and English.
 */
export function checkSetupForm(form: SetupForm, photoCount: number, ctx: { now: Date; submittedOn: CalendarDate; lastDay: CalendarDate }): CheckedSetup {
  const errors: FieldError[] = [];
  const dateText = form.setupDate.trim();
  const timeText = form.setupTime.trim();
  const day = parseDateText(dateText);
  const time = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(timeText);
  if (dateText === '') errors.push({ path: 'setupDate', message: { de: `Bitte geben Sie bei „${LABELS.setupDate.de}“ den Tag an, an dem die Schilder aufgestellt wurden, z. B. 03.12.2026.`, en: `Please enter under “${LABELS.setupDate.en}” the day the signs were set up, e.g. 03.12.2026.` } });
  else if (!day || !isIsoDate(day)) errors.push({ path: 'setupDate', message: { de: `Bitte geben Sie bei „${LABELS.setupDate.de}“ ein gültiges Datum im Format TT.MM.JJJJ an.`, en: `Please enter a valid date in the format DD.MM.YYYY under “${LABELS.setupDate.en}”.` } });
  if (timeText === '') errors.push({ path: 'setupTime', message: { de: `Bitte geben Sie bei „${LABELS.setupTime.de}“ die Uhrzeit an, z. B. 14:30.`, en: `Please enter the time under “${LABELS.setupTime.en}”, e.g. 14:30.` } });
  else if (!time) errors.push({ path: 'setupTime', message: { de: `Bitte geben Sie bei „${LABELS.setupTime.de}“ eine gültige Uhrzeit im Format HH:MM an.`, en: `Please enter a valid time in the format HH:MM under “${LABELS.setupTime.en}”.` } });
  let setUpAt: Date | undefined;
  let setUpText = '';
  if (day && isIsoDate(day) && time) {
    const hhmm = `${time[1]!.padStart(2, '0')}:${time[2]}`;
    setUpText = `${toGermanDate(day)}, ${hhmm} Uhr`;
    setUpAt = berlinInstant(day, hhmm);
    if (setUpAt > ctx.now) errors.push({ path: 'setupDate', message: { de: `„${LABELS.setupDate.de}“ und „${LABELS.setupTime.de}“ liegen in der Zukunft. Bitte senden Sie das Protokoll, wenn die Schilder stehen.`, en: `“${LABELS.setupDate.en}” and “${LABELS.setupTime.en}” lie in the future. Please send the record once the signs are up.` } });
    else if (day < ctx.submittedOn) errors.push({ path: 'setupDate', message: { de: `„${LABELS.setupDate.de}“ liegt vor Ihrem Antrag vom ${toGermanDate(ctx.submittedOn)}. Bitte prüfen Sie das Datum.`, en: `“${LABELS.setupDate.en}” lies before your application of ${toGermanDate(ctx.submittedOn)}. Please check the date.` } });
    else if (day > ctx.lastDay) errors.push({ path: 'setupDate', message: { de: `„${LABELS.setupDate.de}“ liegt nach dem Ende der Anordnung am ${toGermanDate(ctx.lastDay)}. Bitte prüfen Sie das Datum.`, en: `“${LABELS.setupDate.en}” lies after the end of the order on ${toGermanDate(ctx.lastDay)}. Please check the date.` } });
  }
  if (photoCount === 0) errors.push({ path: 'photos', message: { de: `Bitte laden Sie bei „${LABELS.photos.de}“ mindestens ein Foto hoch.`, en: `Please upload at least one photo under “${LABELS.photos.en}”.` } });
  const plates = readPlates(form.numberPlates);
  if ('error' in plates) errors.push({ path: 'numberPlates', message: plates.error });
  if (errors.length > 0 || !setUpAt || 'error' in plates) throw new AppError('validation.failed', errors);
  return { setUpAt, setUpText, plates: plates.plates };
}

/** An upload refusal for the photos, with the field's label in front so the applicant knows which field it concerns. */
export function photoUploadError(e: AppError): FieldError[] {
  if (e.code === 'upload.too_many_files') return [{ path: 'photos', message: { de: `Bei „${LABELS.photos.de}“ können Sie höchstens ${MAX_SETUP_PHOTOS} Fotos hochladen.`, en: `You can upload at most ${MAX_SETUP_PHOTOS} photos under “${LABELS.photos.en}”.` } }];
  return e.fieldErrors.map((f) => ({ path: 'photos', message: { de: `${LABELS.photos.de}: ${f.message.de}`, en: `${LABELS.photos.en}: ${f.message.en}` } }));
}

/** The first day the ban binds cars parked before signs set up on `setupDay` (the inverse of the latest set-up day). */
export function effectiveAgainstParkedFrom(setupDay: CalendarDate, settings: Pick<TrafficSettings, 'setupFullDays' | 'setupDaysCounting'>, calendar: WorkingDayCalendar): CalendarDate {
  let day = addDays(setupDay, settings.setupFullDays + 1);
  while (latestSetupDate(day, settings, calendar) < setupDay) day = addDays(day, 1);
  return day;
}

export interface SetupOutcome {
  recordId: string;
  late: boolean;
  latestSetupDate: CalendarDate | null;
  effectiveFrom: CalendarDate | null;
}

/** Records the set-up in one tenant transaction; the caller deletes the stored photos if this throws. */
export async function recordSetup(
  deps: { db: Database; engine: CaseEngineDeps },
  cmd: { tenantId: string; caseId: string; setup: CheckedSetup; photos: readonly ReceivedFile[]; now: Date },
): Promise<SetupOutcome> {
  const { tenantId } = cmd;
  return deps.db.withTenant(tenantId, async (trx) => {
    const row = await loadCase(trx, tenantId, cmd.caseId, { forUpdate: true });
    if (row.state !== 'approved') throw new AppError('case.transition_not_available');
    const app = readTrafficApplication(row.data);
    const settings = await loadTrafficSettings(trx, tenantId);
    const calendar = await loadTenantCalendar(trx, tenantId);
    const latest = app?.includesNoParking && app.period ? latestSetupDate(app.period.from, settings, calendar) : null;
    const late = latest !== null && cmd.setup.setUpAt > berlinEndOfDay(latest);
    const record = await trx
      .insertInto('traffic_setup_records')
      .values({ tenant_id: tenantId, case_id: row.id, set_up_at: cmd.setup.setUpAt, number_plates: cmd.setup.plates, latest_setup_date: latest, late, recorded_at: cmd.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const photo of cmd.photos) {
      await trx
        .insertInto('files')
        .values({ tenant_id: tenantId, id: photo.id, case_id: row.id, field_path: setupFieldPath(record.id), purpose: SETUP_PHOTO_PURPOSE, storage_key: photo.key, display_name: photo.displayName, media_type: photo.mediaType, size_bytes: photo.size, sha256: photo.sha256, created_at: cmd.now })
        .execute();
    }
    await applyTransitionIn(trx, deps.engine, {
      tenantId,
      caseId: row.id,
      transitionId: 'record-setup',
      actor: { kind: 'citizen' },
      expectedVersion: row.version,
      input: { setUpAt: cmd.setup.setUpText, photos: String(cmd.photos.length), ...(cmd.setup.plates.length > 0 ? { numberPlates: cmd.setup.plates.join(', ') } : {}) },
      now: cmd.now,
    });
    const effectiveFrom = late ? effectiveAgainstParkedFrom(berlinDateOf(cmd.setup.setUpAt), settings, calendar) : null;
    if (late && latest && effectiveFrom) {
      const at = longDate(berlinDateOf(cmd.setup.setUpAt));
      const by = longDate(latest);
      const from = longDate(effectiveFrom);
      await addFinding(
        trx,
        tenantId,
        row,
        {
          ruleId: 'verkehr.after-approval',
          code: 'verkehr.setup-late',
          severity: 'warning',
          message: {
            de: `Die Schilder wurden laut Aufstellprotokoll am ${at.de} aufgestellt, spätestens hätten sie am ${by.de} stehen müssen. Gegen vorher geparkte Fahrzeuge wirkt das Haltverbot erst ab ${from.de}.`,
            en: `According to the set-up record the signs went up on ${at.en}; they had to stand by ${by.en}. Against vehicles parked before, the ban takes effect only from ${from.en}.`,
          },
          legalSource: 'BVerwG, Urteil vom 24.05.2018 – 3 C 25.16',
        },
        cmd.now,
      );
    }
    return { recordId: record.id, late, latestSetupDate: latest, effectiveFrom };
  });
}
