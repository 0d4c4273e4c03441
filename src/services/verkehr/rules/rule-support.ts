/**
 * Pieces the HVZ and the works rule sets share: building findings from the message catalogue,
 * and the checks both sets make with their own rule ids — competence (H1/B1), lead time (H4/B8)
 * and conflicts (H8/B9).
 */
import { renderMessage, type MessageParams } from '../../../definitions/core/messages.js';
import type { Finding, Severity } from '../../../definitions/rules/finding.js';
import type { CaseData, PrepareEnvironment, RuleContext } from '../../../definitions/rules/rule.js';
import { authorityLine, roadClassName } from '../competence.js';
import type { Conflict } from '../conflicts.js';
import { germanDate, longDate } from '../date-text.js';
import { leadTimeVerdict, regularLeadWorkingDays } from '../lead-times.js';
import { readTrafficApplication, type CaseType, type TrafficApplication } from '../traffic-application.js';
import { trafficSettingsOf, type TrafficSettings } from '../traffic-settings.js';
import { LOOKUPS, type CompetenceFacts } from './rule-lookups.js';
import { trafficRuleMessages, type TrafficRuleMessageKey } from './rule-messages.js';

/** A finding whose code is its message key. */
export function finding(code: TrafficRuleMessageKey, severity: Severity, params: MessageParams = {}, fieldPath?: string): Finding {
  return { code, severity, message: renderMessage(trafficRuleMessages[code], params), ...(fieldPath ? { fieldPath } : {}) };
}

/** The application when it is of one of the case types, with the tenant's settings; undefined otherwise. */
export function applicationFor(data: CaseData, ctx: RuleContext<unknown>, types: readonly CaseType[]): { app: TrafficApplication; settings: TrafficSettings } | undefined {
  const app = readTrafficApplication(data);
  if (!app || !types.includes(app.caseType)) return undefined;
  return { app, settings: trafficSettingsOf(ctx.settings) };
}

/** A prepare step that asks the competence lookup about the case's place, for the given case types only. */
export function prepareCompetence(types: readonly CaseType[]) {
  return async (data: CaseData, env: PrepareEnvironment): Promise<CompetenceFacts | null> => {
    if (!(types as readonly unknown[]).includes(data.caseType)) return null;
    const loc = (data.location ?? {}) as { street?: string; geometry?: unknown };
    return env.lookup<CompetenceFacts>(LOOKUPS.competence, { street: loc.street ?? '', geometry: loc.geometry ?? null, caseType: data.caseType });
  };
}

/** Competence findings (H1 for HVZ, B1 for the others). */
export function competenceFindings(app: TrafficApplication, facts: CompetenceFacts, settings: TrafficSettings): Finding[] {
  const street = app.location.street;
  const o = facts.outcome;
  const found: Finding[] = [];
  if (o.kind === 'not-competent') found.push(finding('verkehr.competence-not-own', 'blocking', { street, roadClass: roadClassName(o.street), authority: authorityLine(o.authority) }, 'location.street'));
  else if (o.kind === 'outside-area') found.push(o.boundaryConfirmed ? finding('verkehr.competence-outside', 'blocking', {}, 'location.geometry') : finding('verkehr.competence-outside-unconfirmed', 'warning', {}, 'location.geometry'));
  else if (o.kind === 'mixed') found.push(finding('verkehr.competence-mixed', 'warning', { street, classes: o.streets.map((s) => roadClassName(s).de).join(', ') }, 'location.street'));
  else if (o.basis === 'presumed') found.push(finding('verkehr.competence-presumed', settings.strictStreetList ? 'warning' : 'info', { street }, 'location.street'));
  else if (o.basis === 'lower-authority' && o.street && !['gemeindestrasse', 'sonstige'].includes(o.street.roadClass)) {
    found.push(finding('verkehr.competence-hear-owner', 'info', { street, roadClass: roadClassName(o.street) }, 'location.street'));
  }
  if ((o.kind === 'own' || o.kind === 'mixed') && facts.higherAuthority) {
    const authority = authorityLine(facts.higherAuthority);
    for (const permit of facts.extraPermits) found.push(finding(permit === 'event-permit' ? 'verkehr.event-permit-elsewhere' : 'verkehr.exemption-elsewhere', 'info', { authority }));
  }
  return found;
}

/** Lead-time findings (H4, B8): too late is blocking, short notice on works a warning. */
export function leadTimeFindings(app: TrafficApplication, settings: TrafficSettings, ctx: RuleContext<unknown>): Finding[] {
  const verdict = leadTimeVerdict(app, settings, ctx.calendar, ctx.today);
  if (!verdict || verdict.verdict === 'ok') return [];
  const days = regularLeadWorkingDays(app, settings);
  if (verdict.verdict === 'late') return [finding('verkehr.lead-late', 'warning', { days, earliest: longDate(verdict.earliestRegular) }, 'period.from')];
  const setup = app.includesNoParking ? { de: ` und ${settings.setupFullDays} volle Tage Standzeit der Schilder`, en: ` and ${settings.setupFullDays} full days for the signs` } : { de: '', en: '' };
  return [finding('verkehr.lead-too-late', 'blocking', { earliest: longDate(verdict.earliestAccepted), days, setup }, 'period.from')];
}

/** Conflict findings (H8, B9): a certain overlap is blocking and names the other case. */
export function conflictFindings(conflicts: readonly Conflict[]): Finding[] {
  return conflicts.map((c) => {
    const numbers = c.houseFrom === null ? '' : c.houseTo !== null && c.houseTo !== c.houseFrom ? ` ${c.houseFrom}–${c.houseTo}` : ` ${c.houseFrom}`;
    const params = { reference: c.reference, place: `${c.street}${numbers}`, from: germanDate(c.occupied.from), to: germanDate(c.occupied.to) };
    return c.certainty === 'overlap' ? finding('verkehr.conflict', 'blocking', params, 'location') : finding('verkehr.conflict-possible', 'warning', params, 'location');
  });
}
