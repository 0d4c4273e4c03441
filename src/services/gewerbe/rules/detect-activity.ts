/**
 * Classifies the notified activity: which permits and crafts it may need (by WZ code and
 * keywords, see activity-catalogue.ts), whether the text is too vague, and whether it looks like
 * no trade at all (free professions, primary production, managing one's own assets). Pure, so
 * rules, the receipt's notes and the recipients' selection all agree.
 */
import type { CaseData } from '../../../definitions/rules/rule.js';
import { CRAFTS, PERMITS, type CraftRequirement, type PermitRequirement } from './activity-catalogue.js';
import { activityText, text } from './case-data.js';

/** What the activity of a case may need. */
export interface ActivityProfile {
  permits: PermitRequirement[];
  crafts: CraftRequirement[];
}

function matches(entry: { wz: readonly string[]; keywords?: RegExp }, wzCode: string | undefined, words: string): boolean {
  return (wzCode !== undefined && entry.wz.some((w) => wzCode.startsWith(w))) || (entry.keywords?.test(words) ?? false);
}

/** The permits and crafts the case's activity (WZ code and texts) points to. */
export function profileActivity(data: CaseData): ActivityProfile {
  const wz = text(data, 'wzCode');
  const words = activityText(data).toLowerCase();
  return { permits: PERMITS.filter((p) => matches(p, wz, words)), crafts: CRAFTS.filter((c) => matches(c, wz, words)) };
}

/** Permits needed before starting (not mere registrations). */
export function requiredPermits(profile: ActivityProfile): PermitRequirement[] {
  return profile.permits.filter((p) => p.kind === 'permit');
}

/** Crafts of Anlage A (Meisterpflicht: entry in the Handwerksrolle, Handwerkskarte). */
export function masterCrafts(profile: ActivityProfile): CraftRequirement[] {
  return profile.crafts.filter((c) => c.annex === 'A');
}

/** True when the case's own answers say the Handwerkskarte exists. */
export function hasCraftCard(data: CaseData): boolean {
  return data.craftCard === true;
}

/** True when the case's own answers say the permit exists. */
export function hasPermit(data: CaseData): boolean {
  return data.permitIssued === true;
}

/** The Chamber of Crafts is a recipient: Handwerk ticked, or the activity is a craft of any annex. */
export function isCraftBusiness(data: CaseData, profile: ActivityProfile = profileActivity(data)): boolean {
  return (Array.isArray(data.businessKinds) && data.businessKinds.includes('craft')) || profile.crafts.length > 0;
}

const VAGUE = [
  /aller art/,
  /jeglicher art/,
  /verschiedene(r|n)? art/,
  /diverse/,
  /^(handel|verkauf|dienstleistung(en)?|gewerbe|service|online-?handel|import( und |\/)export|handel mit waren)\.?$/,
];

/** True for activity texts too vague for the register ("Handel mit Waren aller Art"). */
export function isVagueActivity(activity: string): boolean {
  const t = activity.trim().toLowerCase();
  return t.length < 5 || VAGUE.some((re) => re.test(t));
}

const NO_TRADE: readonly { pattern: RegExp; kind: 'free-profession' | 'primary-production' | 'own-assets' }[] = [
  { pattern: /\b(arzt|ärztin|zahnärzt|tierärzt|rechtsanw|steuerberat|wirtschaftsprüf|architekt|journalist|übersetz|dolmetsch|schriftsteller|kunstmaler|bildende(r)? künstler|heilpraktiker|physiotherap|psychotherap|hebamme|notar)/, kind: 'free-profession' },
  { pattern: /\b(landwirtschaft|forstwirtschaft|ackerbau|viehzucht|fischerei|imkerei|weinbau)\b/, kind: 'primary-production' },
  { pattern: /(vermietung|verwaltung) (eigener|des eigenen|meiner eigenen)|eigene(n|r)? (immobilie|wohnung|vermögen)/, kind: 'own-assets' },
];

/** Why the activity may be no trade at all (no notification needed), or undefined. */
export function noTradeKind(data: CaseData): (typeof NO_TRADE)[number]['kind'] | undefined {
  const words = (text(data, 'activity') ?? '').toLowerCase();
  if (text(data, 'wzCode') === '68.20') return 'own-assets';
  return NO_TRADE.find((n) => n.pattern.test(words))?.kind;
}
