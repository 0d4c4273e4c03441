/**
 * The GREEN/YELLOW rule set of works and the other non-HVZ case types, verkehr.md § 7.3, B1–B12.
 * B1 (competence), B8 (lead time) and B9 (conflicts) apply to road works, cranes, containers and
 * events alike; the others look at road works (BAU) only, except B7, which also notes the
 * special-use permit granted with a crane, container or event order.
 */
import { defineRule, type AnyRule } from '../../../definitions/rules/rule.js';
import { daysBetween } from '../../../platform/calendar/calendar-date.js';
import type { Conflict } from '../conflicts.js';
import { zoneLengthMeters } from '../traffic-application.js';
import { lineLengthMetres, type GeoJsonGeometry } from '../../../definitions/core/geo.js';
import { LOOKUPS, type CompetenceFacts } from './rule-lookups.js';
import { applicationFor, competenceFindings, conflictFindings, finding, leadTimeFindings, prepareCompetence } from './rule-support.js';

const NON_HVZ = ['BAU', 'HUB', 'CON', 'VER'] as const;
const BAU = ['BAU'] as const;
const isNonHvz = (data: Readonly<Record<string, unknown>>) => (NON_HVZ as readonly unknown[]).includes(data.caseType);
const metres = (n: number) => n.toFixed(2).replace('.', ',');
const CONTROL_NAMES: Record<string, { de: string; en: string }> = {
  lights: { de: 'Baustellenampel', en: 'temporary traffic lights' },
  halfClosure: { de: 'halbseitige Sperrung', en: 'half closure' },
  oneWay: { de: 'Einbahnregelung', en: 'one-way traffic' },
  flagmen: { de: 'Einweisung durch Posten', en: 'flagmen' },
};
const TRENCH_WORK = ['trench', 'fibre', 'houseConnection', 'surface'];

export const b1Competence = defineRule<CompetenceFacts | null>({
  id: 'verkehr.b1-competence',
  name: { de: 'B1 Zuständigkeit, sonst Abgabe an das Landratsamt', en: 'B1 Competence, else referral to the district office' },
  legalSource: '§§ 2, 3 SächsStrVRG',
  prepare: prepareCompetence(NON_HVZ),
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, NON_HVZ);
    return a && ctx.prepared ? competenceFindings(a.app, ctx.prepared, a.settings) : [];
  },
});

export const b2Responsible = defineRule({
  id: 'verkehr.b2-responsible-person',
  name: { de: 'B2 Verantwortliche Person mit MVAS-Nachweis', en: 'B2 Responsible person with MVAS certificate' },
  legalSource: 'RSA 21 Teil A 1.4 (3)',
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    const p = a?.app.responsiblePerson;
    return a && (!p || !p.hasCertificate || !p.hasMobile) ? [finding('verkehr.b2-mvas-missing', 'warning', {}, 'responsiblePerson.mvasCertificate')] : [];
  },
});

export const b3Footway = defineRule({
  id: 'verkehr.b3-footway',
  name: { de: 'B3 Gehweg- und Radwegbaustelle', en: 'B3 Footway and cycle path site' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    if (!a || !['footwayNarrowing', 'footwayClosed', 'cyclewayClosed'].includes(a.app.closureType ?? '')) return [];
    if (a.app.closureType === 'footwayClosed') return [];
    const rest = a.app.residualWidths.footwayM;
    const min = a.settings.works.minFootwayWidthMeters;
    if (rest === undefined) return [finding('verkehr.b3-footway-width-missing', 'warning', {}, 'residualWidths.footwayM')];
    return rest < min ? [finding('verkehr.b3-footway-width', 'warning', { rest: metres(rest), min: metres(min) }, 'residualWidths.footwayM')] : [];
  },
});

export const b4Narrowing = defineRule({
  id: 'verkehr.b4-narrowing',
  name: { de: 'B4 Fahrbahneinengung (Regelplan B I/2)', en: 'B4 Carriageway narrowing (standard plan B I/2)' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    if (!a || a.app.closureType !== 'laneNarrowing') return [];
    const { works } = a.settings;
    const rest = a.app.residualWidths.carriagewayM;
    const length = zoneLengthMeters(a.app.location, (g: GeoJsonGeometry) => lineLengthMetres(g));
    const ok = rest !== undefined && rest >= works.minCarriagewayWidthMeters && length !== undefined && length <= works.maxNarrowSectionMeters && a.app.trafficControl !== 'lights';
    return ok ? [] : [finding('verkehr.b4-narrowing', 'warning', { rest: rest === undefined ? '?' : metres(rest), min: metres(works.minCarriagewayWidthMeters), length: length ?? '?', max: works.maxNarrowSectionMeters }, 'residualWidths.carriagewayM')];
  },
});

export const b5ShortDuration = defineRule({
  id: 'verkehr.b5-short-duration',
  name: { de: 'B5 Arbeitsstelle kürzerer Dauer', en: 'B5 Short-duration site' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    const p = a?.app.period;
    const w = a?.app.dailyWindow;
    return a && p && w && a.app.siteDuration === 'short' && daysBetween(p.from, p.to) === 0 && w.from >= '06:00' && w.to <= '20:00' && w.to > w.from ? [finding('verkehr.b5-short', 'info')] : [];
  },
});

export const b6TrafficControl = defineRule({
  id: 'verkehr.b6-traffic-control',
  name: { de: 'B6 Ampel, halbseitige Sperrung, Einbahnregelung, Vollsperrung', en: 'B6 Lights, half closure, one-way, full closure' },
  legalSource: 'VwV-StVO zu § 45 Abs. 1',
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    if (!a) return [];
    // A full closure needs the consultation (YELLOW); the caseworker decides after hearing the parties.
    if (a.app.closureType === 'fullClosure') return [finding('verkehr.b6-full-closure', 'warning', {}, 'closureType')];
    const kind = a.app.trafficControl === 'lights' ? 'lights' : a.app.closureType === 'halfClosure' || a.app.closureType === 'oneWay' ? a.app.closureType : undefined;
    return kind ? [finding('verkehr.b6-control', 'warning', { kind: CONTROL_NAMES[kind]! }, kind === 'lights' ? 'trafficControl' : 'closureType')] : [];
  },
});

export const b7RoadPermit = defineRule({
  id: 'verkehr.b7-road-permit',
  name: { de: 'B7 Aufbruch- oder Sondernutzungserlaubnis', en: 'B7 Excavation or special-use permit' },
  legalSource: '§ 18 SächsStrG',
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, NON_HVZ);
    if (!a) return [];
    if (a.app.caseType !== 'BAU') return [finding('verkehr.b7-special-use', 'info')];
    if (a.app.roadPermit === 'filedInParallel') return [finding('verkehr.b7-permit-open', 'warning', { reference: a.app.roadPermitReference ?? '' }, 'roadPermitReference')];
    if (a.app.roadPermit === 'notNeeded' && TRENCH_WORK.includes(a.app.workType ?? '')) return [finding('verkehr.b7-permit-missing', 'warning', { work: a.app.workType ?? '' }, 'roadPermit')];
    return a.app.roadPermit === 'withThisApplication' ? [finding('verkehr.b7-special-use', 'info')] : [];
  },
});

export const b8LeadTime = defineRule({
  id: 'verkehr.b8-lead-time',
  name: { de: 'B8 Vorlaufzeit', en: 'B8 Lead time' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, NON_HVZ);
    return a ? leadTimeFindings(a.app, a.settings, ctx) : [];
  },
});

export const b9Conflicts = defineRule<Conflict[]>({
  id: 'verkehr.b9-conflicts',
  name: { de: 'B9 Keine Überschneidung mit anderen Anordnungen', en: 'B9 No overlap with other orders' },
  prepare: async (data, env) => (isNonHvz(data) ? env.lookup<Conflict[]>(LOOKUPS.conflicts, { caseId: env.caseId, now: env.now.toISOString() }) : []),
  check: (data, ctx) => (applicationFor(data, ctx, NON_HVZ) ? conflictFindings(ctx.prepared) : []),
});

export const b10OwnPlan = defineRule({
  id: 'verkehr.b10-own-plan',
  name: { de: 'B10 Eigener Verkehrszeichenplan', en: 'B10 Own traffic sign plan' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    return a?.app.signPlanKind === 'own' ? [finding('verkehr.b10-own-plan', 'warning', {}, 'ownPlan')] : [];
  },
});

export const b11Emergency = defineRule({
  id: 'verkehr.b11-emergency',
  name: { de: 'B11 Havarie', en: 'B11 Emergency repair' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    return a?.app.emergencyWork ? [finding('verkehr.b11-emergency', 'info', {}, 'emergencyWork')] : [];
  },
});

export const b12FrameworkOrder = defineRule({
  id: 'verkehr.b12-framework-order',
  name: { de: 'B12 Abruf aus Rahmenanordnung', en: 'B12 Call-off under a framework order' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, BAU);
    return a?.app.frameworkOrder ? [finding('verkehr.b12-framework', 'info', { reference: a.app.frameworkOrder }, 'frameworkOrder')] : [];
  },
});

/** B1–B12 in order. */
export const worksRules: readonly AnyRule[] = [b1Competence, b2Responsible, b3Footway, b4Narrowing, b5ShortDuration, b6TrafficControl, b7RoadPermit, b8LeadTime, b9Conflicts, b10OwnPlan, b11Emergency, b12FrameworkOrder];
