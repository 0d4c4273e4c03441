/**
 * The GREEN rule set of the no-parking zone (HVZ), verkehr.md § 7.2, H1–H12. Each rule looks only
 * at HVZ cases; thresholds come from the tenant's settings, and a tenant admin may switch single
 * rules off. Without warnings or blocking findings a case is GREEN and its order is drafted.
 */
import { lineLengthMetres, type GeoJsonGeometry } from '../../../definitions/core/geo.js';
import { defineRule, type AnyRule } from '../../../definitions/rules/rule.js';
import { addDays, dayOfWeek, daysBetween } from '../../../platform/calendar/calendar-date.js';
import type { Conflict } from '../conflicts.js';
import { streetKey } from '../traffic-area.js';
import { houseNumberValue, zoneLengthMeters } from '../traffic-application.js';
import { LOOKUPS, type CompetenceFacts } from './rule-lookups.js';
import { applicationFor, competenceFindings, conflictFindings, finding, leadTimeFindings, prepareCompetence } from './rule-support.js';

const HVZ = ['HVZ'] as const;
const isHvz = (data: Readonly<Record<string, unknown>>) => data.caseType === 'HVZ';
const SPOT_NAMES: Record<string, { de: string; en: string }> = {
  absoluteNoStopping: { de: 'absolutes Haltverbot', en: 'no stopping' },
  disabledBay: { de: 'Behindertenparkplatz', en: 'disabled parking bay' },
  taxiRank: { de: 'Taxistand', en: 'taxi rank' },
  busStop: { de: 'Bushaltestelle', en: 'bus stop' },
  fireAccess: { de: 'Feuerwehrzufahrt', en: 'fire-brigade access' },
  junction: { de: 'Kreuzungsbereich (§ 12 StVO)', en: 'junction area (Section 12 StVO)' },
  driveway: { de: 'Grundstückszufahrt', en: 'driveway' },
};

export const h1Competence = defineRule<CompetenceFacts | null>({
  id: 'verkehr.h1-competence',
  name: { de: 'H1 Zuständigkeit (Gemeindestraße)', en: 'H1 Competence (municipal road)' },
  legalSource: '§§ 2, 3 SächsStrVRG',
  prepare: prepareCompetence(HVZ),
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    return a && ctx.prepared ? competenceFindings(a.app, ctx.prepared, a.settings) : [];
  },
});

export const h2Length = defineRule({
  id: 'verkehr.h2-length',
  name: { de: 'H2 Länge je Straßenseite', en: 'H2 Length per side' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    const length = a && zoneLengthMeters(a.app.location, (g: GeoJsonGeometry) => lineLengthMetres(g));
    if (!a || length === undefined || length <= a.settings.hvz.maxLengthPerSideMeters) return [];
    return [finding('verkehr.h2-too-long', 'warning', { length, max: a.settings.hvz.maxLengthPerSideMeters }, 'location.lengthMeters')];
  },
});

export const h3Duration = defineRule({
  id: 'verkehr.h3-duration',
  name: { de: 'H3 Dauer und Tageszeit', en: 'H3 Duration and daily hours' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    if (!a?.app.period) return [];
    const { hvz } = a.settings;
    const found = [];
    const days = daysBetween(a.app.period.from, a.app.period.to) + 1;
    if (days > hvz.maxDays) found.push(finding('verkehr.h3-too-many-days', 'warning', { days, max: hvz.maxDays }, 'period.to'));
    const w = a.app.dailyWindow;
    if (!w) found.push(finding('verkehr.h3-no-hours', 'warning', {}, 'dailyWindow'));
    else if (w.from < hvz.earliestTime || w.to > hvz.latestTime || w.to <= w.from) found.push(finding('verkehr.h3-hours', 'warning', { from: w.from, to: w.to, earliest: hvz.earliestTime, latest: hvz.latestTime }, 'dailyWindow'));
    return found;
  },
});

export const h4LeadTime = defineRule({
  id: 'verkehr.h4-lead-time',
  name: { de: 'H4 Vorlauf bis zum Aufstellen der Schilder', en: 'H4 Lead time before the signs go up' },
  legalSource: 'BVerwG, Urteil vom 24.05.2018 – 3 C 25.16',
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    return a ? leadTimeFindings(a.app, a.settings, ctx) : [];
  },
});

export const h5RestrictedSpots = defineRule({
  id: 'verkehr.h5-restricted-spots',
  name: { de: 'H5 Keine Zone an gesperrten Stellen', en: 'H5 No zone at restricted places' },
  legalSource: '§ 12 StVO, § 46 Abs. 1 Nr. 3 StVO',
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    if (!a) return [];
    const key = streetKey(a.app.location.street);
    const from = houseNumberValue(a.app.location.houseNumberFrom);
    const to = houseNumberValue(a.app.location.houseNumberTo) ?? from;
    const hits = a.settings.hvz.restrictedSpots.filter((s) => streetKey(s.street) === key && (from === undefined || s.houseFrom === undefined || (s.houseFrom <= (to ?? from) && from <= (s.houseTo ?? s.houseFrom))));
    return hits.map((s) =>
      s.kind === 'absoluteNoStopping' ? finding('verkehr.h5-existing-no-stopping', 'blocking', {}, 'location') : finding('verkehr.h5-restricted-spot', 'warning', { kind: SPOT_NAMES[s.kind]! }, 'location'),
    );
  },
});

export const h6RemainingWidth = defineRule<CompetenceFacts | null>({
  id: 'verkehr.h6-remaining-width',
  name: { de: 'H6 Restfahrbahnbreite', en: 'H6 Remaining carriageway width' },
  prepare: prepareCompetence(HVZ),
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    const width = ctx.prepared?.streets.find((s) => s.carriagewayWidthM !== null)?.carriagewayWidthM;
    if (!a || width === undefined || width === null) return [];
    // A parked lorry takes about 2 m of the carriageway on each side the zone is on.
    const rest = width - (a.app.location.side === 'both' ? 4 : 2);
    const min = a.settings.hvz.minRemainingWidthMeters;
    return rest < min ? [finding('verkehr.h6-width', 'warning', { rest: rest.toFixed(2).replace('.', ','), width: String(width).replace('.', ','), min: String(min).replace('.', ',') }, 'location.side')] : [];
  },
});

export const h7BusRoute = defineRule<CompetenceFacts | null>({
  id: 'verkehr.h7-bus-route',
  name: { de: 'H7 Buslinie', en: 'H7 Bus route' },
  prepare: prepareCompetence(HVZ),
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    return a && ctx.prepared?.streets.some((s) => s.busRoute) ? [finding('verkehr.h7-bus-route', 'warning', { street: a.app.location.street }, 'location.street')] : [];
  },
});

export const h8Conflicts = defineRule<Conflict[]>({
  id: 'verkehr.h8-conflicts',
  name: { de: 'H8 Keine Überschneidung mit anderen Anordnungen', en: 'H8 No overlap with other orders' },
  prepare: async (data, env) => (isHvz(data) ? env.lookup<Conflict[]>(LOOKUPS.conflicts, { caseId: env.caseId, now: env.now.toISOString() }) : []),
  check: (data, ctx) => (applicationFor(data, ctx, HVZ) ? conflictFindings(ctx.prepared) : []),
});

export const h9Footway = defineRule({
  id: 'verkehr.h9-footway',
  name: { de: 'H9 Keine Gehwegnutzung', en: 'H9 No use of the footway' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    return a && (a.app.alsoUsesFootway || a.app.affectedParts.includes('footway')) ? [finding('verkehr.h9-footway', 'warning', {}, 'alsoUsesFootway')] : [];
  },
});

export const h10Schools = defineRule({
  id: 'verkehr.h10-schools',
  name: { de: 'H10 Schulen und Kitas am Morgen', en: 'H10 Schools and day-care in the morning' },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    if (!a?.app.period || a.settings.hvz.acceptsNearSchools) return [];
    const w = a.app.dailyWindow;
    if (w && (w.to <= '07:00' || w.from >= '08:30')) return [];
    const key = streetKey(a.app.location.street);
    let schoolDay = false;
    for (let d = a.app.period.from; d <= a.app.period.to && !schoolDay; d = addDays(d, 1)) schoolDay = dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5 && ctx.calendar.isWorkingDay(d);
    const school = a.settings.hvz.schools.find((s) => streetKey(s.street) === key);
    return school && schoolDay ? [finding('verkehr.h10-school', 'warning', { street: a.app.location.street, school: school.name }, 'dailyWindow')] : [];
  },
});

export const h11Online = defineRule({
  id: 'verkehr.h11-online',
  name: { de: 'H11 Online-Bekanntgabe', en: 'H11 Online notification' },
  legalSource: '§ 41 Abs. 2a VwVfG',
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    return a && (!a.app.eNoticeConsent || !a.app.email) ? [finding('verkehr.h11-post', 'warning', {}, 'eNoticeConsent')] : [];
  },
});

export const h12Repeated = defineRule<number>({
  id: 'verkehr.h12-repeated',
  name: { de: 'H12 Häufung an einer Adresse', en: 'H12 Repeated zones at one address' },
  prepare: async (data, env) => {
    if (!isHvz(data)) return 0;
    const loc = (data.location ?? {}) as { street?: string; houseNumberFrom?: string };
    const windowDays = Number((env.settings.hvz as { sameAddressWindowDays?: number } | undefined)?.sameAddressWindowDays ?? 30);
    return env.lookup<number>(LOOKUPS.sameAddress, { caseId: env.caseId, street: loc.street ?? '', houseNumber: loc.houseNumberFrom ?? null, windowDays, now: env.now.toISOString() });
  },
  check: (data, ctx) => {
    const a = applicationFor(data, ctx, HVZ);
    return a && ctx.prepared >= a.settings.hvz.sameAddressLimit ? [finding('verkehr.h12-repeated', 'warning', { count: ctx.prepared, days: a.settings.hvz.sameAddressWindowDays }, 'location')] : [];
  },
});

/** H1–H12 in order. */
export const hvzRules: readonly AnyRule[] = [h1Competence, h2Length, h3Duration, h4LeadTime, h5RestrictedSpots, h6RemainingWidth, h7BusRoute, h8Conflicts, h9Footway, h10Schools, h11Online, h12Repeated];
