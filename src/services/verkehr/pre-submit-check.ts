/**
 * What applicants learn before they submit (issue 6 § 3): whether the municipality is competent
 * for the street, and whether the asked-for start is still possible with the lead time and the
 * three-day sign rule — with the earliest possible date. It reads the draft as far as it goes, so
 * the runner can call it after each page: a competence problem shows on the location page, a lead
 * time problem on the period page, and everything again on the check page.
 */
import type { GeoJsonGeometry } from '../../definitions/core/geo.js';
import { lineLengthMetres } from '../../definitions/core/geo.js';
import { renderMessage, type MessageParams } from '../../definitions/core/messages.js';
import type { PreSubmitInput, PreSubmitResult } from '../../definitions/service-package.js';
import type { ValidationError } from '../../definitions/validation/validate.js';
import { berlinDateOf } from '../../platform/calendar/calendar-date.js';
import { loadTenantCalendar } from '../../platform/calendar/tenant-calendar.js';
import type { Trx } from '../../platform/db/database.js';
import type { Localized } from '../../platform/db/schema.js';
import { authorityLine, decideCompetence, extraPermitsFor, roadClassName } from './competence.js';
import { germanDate, longDate } from './date-text.js';
import { latestSetupDate, leadTimeVerdict, regularLeadWorkingDays } from './lead-times.js';
import { trafficMessages, type TrafficMessageKey } from './messages.js';
import { findStreets, loadTrafficArea } from './traffic-area.js';
import { isCaseType, readLocation, readTrafficApplication, zoneLengthMeters } from './traffic-application.js';
import { loadTrafficSettings } from './traffic-settings.js';

const message = (key: TrafficMessageKey, params: MessageParams = {}): Localized => renderMessage(trafficMessages[key], params);
const error = (path: string, code: string, text: Localized): ValidationError => ({ path, fieldId: path.split('.')[0]!, code, message: text });

/** Competence of the place in the draft: errors refuse, notices inform. */
async function checkCompetence(trx: Trx, input: PreSubmitInput, out: PreSubmitResult): Promise<void> {
  const location = readLocation(input.data.location);
  if (!location || !isCaseType(input.data.caseType)) return;
  const area = await loadTrafficArea(trx, input.tenantId);
  const streets = await findStreets(trx, input.tenantId, location.street);
  const outcome = decideCompetence(area, streets, location.geometry);
  const tenant = await trx.selectFrom('tenants').select('official_name').where('id', '=', input.tenantId).executeTakeFirstOrThrow();
  if (outcome.kind === 'not-competent') {
    const text = message('verkehr.notCompetent', { street: location.street, roadClass: roadClassName(outcome.street), tenant: tenant.official_name, authority: authorityLine(outcome.authority) });
    out.errors.push(error('location.street', 'notCompetent', text));
  } else if (outcome.kind === 'outside-area') {
    if (outcome.boundaryConfirmed) out.errors.push(error('location.geometry', 'outsideArea', message('verkehr.outsideArea', { tenant: tenant.official_name, authority: authorityLine(outcome.authority) })));
    else out.notices.push(message('verkehr.outsideAreaUnconfirmed'));
  } else if (outcome.kind === 'mixed') {
    out.notices.push(message('verkehr.mixedStreet', { street: location.street }));
  }
  for (const permit of extraPermitsFor(area, input.data.caseType)) {
    out.notices.push(message(permit === 'event-permit' ? 'verkehr.eventPermit' : 'verkehr.exemption', { authority: authorityLine(area!.higherAuthority) }));
  }
  if (input.data.caseType === 'HVZ') {
    if (zoneLengthMeters(location, (g: GeoJsonGeometry) => lineLengthMetres(g)) === undefined) out.errors.push(error('location.lengthMeters', 'lengthMissing', message('verkehr.lengthMissing')));
    if (!location.side) out.errors.push(error('location.side', 'sideMissing', message('verkehr.sideMissing')));
  }
}

/** Lead time of the asked-for period: too late refuses with the earliest date, late (works) informs. */
async function checkLeadTime(trx: Trx, input: PreSubmitInput, out: PreSubmitResult): Promise<void> {
  const app = readTrafficApplication(input.data);
  if (!app?.period) return;
  const settings = await loadTrafficSettings(trx, input.tenantId);
  const calendar = await loadTenantCalendar(trx, input.tenantId);
  const today = berlinDateOf(input.now);
  const lead = leadTimeVerdict(app, settings, calendar, today);
  if (!lead) return;
  if (lead.verdict === 'too-late') {
    const setup = app.includesNoParking ? renderMessage(trafficMessages['verkehr.tooLateSetup'], { full: settings.setupFullDays }) : { de: '', en: '' };
    const text = message('verkehr.tooLate', { asked: germanDate(app.period.from), days: regularLeadWorkingDays(app, settings), setup, earliest: longDate(lead.earliestAccepted) });
    out.errors.push(error('period.from', 'tooLate', text));
    return;
  }
  if (lead.verdict === 'late') out.notices.push(message('verkehr.lateWorks', { days: regularLeadWorkingDays(app, settings), earliest: longDate(lead.earliestRegular) }));
  if (app.includesNoParking) out.notices.push(message('verkehr.setupNotice', { date: longDate(latestSetupDate(app.period.from, settings, calendar)) }));
}

/** The traffic-order package's pre-submit check. */
export async function trafficPreSubmitCheck(trx: Trx, input: PreSubmitInput): Promise<PreSubmitResult> {
  const out: PreSubmitResult = { errors: [], notices: [] };
  await checkCompetence(trx, input, out);
  await checkLeadTime(trx, input, out);
  return out;
}
