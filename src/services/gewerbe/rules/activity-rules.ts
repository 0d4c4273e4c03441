/**
 * Rules about the notified activity: permits (§§ 30–34i GewO and other laws), crafts of the
 * Handwerksordnung, vague texts, activities that are no trade, and a missing WZ code. Only GewA1
 * and GewA2 start or change an activity; on a deregistration these rules stay silent.
 */
import { defineRule, type PrepareEnvironment } from '../../../definitions/rules/rule.js';
import type { Finding } from '../../../definitions/rules/finding.js';
import { text } from './case-data.js';
import { hasCraftCard, hasPermit, isVagueActivity, masterCrafts, noTradeKind, profileActivity, requiredPermits } from './detect-activity.js';

/** Whether a service starts or changes an activity (GewA1, GewA2) rather than ending it. */
const notifiesActivity = (serviceId: string) => serviceId !== 'gewerbe-abmeldung';

/** The prepare step of the activity rules: which service the case belongs to. */
const serviceOf = async (_data: unknown, env: PrepareEnvironment) => env.serviceId;

/** Permits the activity needs: a person checks them; the receipt carries the note. */
export const permitRule = defineRule<string>({
  id: 'gewerbe.permit-required',
  name: { de: 'Erlaubnispflichtige Tätigkeit', en: 'Activity needing a permit' },
  legalSource: '§§ 30–34i GewO',
  prepare: serviceOf,
  check(data, ctx): Finding[] {
    if (!notifiesActivity(ctx.prepared)) return [];
    const profile = profileActivity(data);
    const held = hasPermit(data);
    const findings: Finding[] = requiredPermits(profile).map((p) => ({
      code: 'gewerbe.permit-required',
      severity: 'warning',
      fieldPath: 'activity',
      legalSource: p.legalSource,
      message: {
        de: `Die Tätigkeit „${p.activity.de}“ braucht ${p.needs.de}. ${held ? 'Die angegebene Erlaubnis ist zu prüfen.' : 'Eine Erlaubnis wurde nicht angegeben.'}`,
        en: `The activity “${p.activity.en}” needs ${p.needs.en}. ${held ? 'The permit stated needs checking.' : 'No permit was stated.'}`,
      },
    }));
    for (const r of profile.permits.filter((p) => p.kind === 'registration')) {
      findings.push({
        code: 'gewerbe.registration-required',
        severity: 'info',
        fieldPath: 'activity',
        legalSource: r.legalSource,
        message: { de: `Als ${r.activity.de} braucht der Betrieb ${r.needs.de}.`, en: `As a ${r.activity.en} the business needs ${r.needs.en}.` },
      });
    }
    return findings;
  },
});

/** Crafts: Anlage A needs the Handwerkskarte (review when it is missing); B1/B2 are noted for the HWK. */
export const craftRule = defineRule<string>({
  id: 'gewerbe.craft',
  name: { de: 'Handwerk nach der Handwerksordnung', en: 'Craft under the Handwerksordnung' },
  legalSource: '§ 1 HwO, Anlagen A und B',
  prepare: serviceOf,
  check(data, ctx): Finding[] {
    if (!notifiesActivity(ctx.prepared)) return [];
    const profile = profileActivity(data);
    const card = hasCraftCard(data);
    return profile.crafts.map((c) => {
      const master = c.annex === 'A';
      const legalSource = master ? '§ 1 Abs. 1 HwO, Anlage A' : `§ 18 HwO, Anlage ${c.annex}`;
      if (master && !card) {
        return {
          code: 'gewerbe.craft-card-missing',
          severity: 'warning' as const,
          fieldPath: 'craftCard',
          legalSource,
          message: {
            de: `„${c.craft.de}“ ist ein zulassungspflichtiges Handwerk (Anlage A HwO). Eine Eintragung in die Handwerksrolle (Handwerkskarte) wurde nicht angegeben.`,
            en: `“${c.craft.en}” is a licensed craft (Annex A HwO). No entry in the register of craftsmen (craft card) was stated.`,
          },
        };
      }
      return {
        code: master ? 'gewerbe.craft-card-present' : 'gewerbe.craft-registry',
        severity: 'info' as const,
        fieldPath: 'activity',
        legalSource,
        message: master
          ? { de: `Zulassungspflichtiges Handwerk „${c.craft.de}“; Handwerkskarte angegeben. Die Handwerkskammer erhält die Anzeige.`, en: `Licensed craft “${c.craft.en}”; craft card stated. The chamber of crafts receives the notification.` }
          : { de: `„${c.craft.de}“ ist ein Handwerk der Anlage ${c.annex} HwO (Eintragung in das Verzeichnis der Handwerkskammer).`, en: `“${c.craft.en}” is a craft of Annex ${c.annex} HwO (entry in the chamber of crafts' list).` },
      };
    });
  },
});

/** Activity texts too vague for the register are asked about (gewerbe.md § 8.1). */
export const vagueActivityRule = defineRule({
  id: 'gewerbe.vague-activity',
  name: { de: 'Bestimmtheit der Tätigkeit', en: 'Precise activity' },
  legalSource: '§ 14 Abs. 1 GewO, Anlage 1 Feld 18 GewAnzV',
  check(data): Finding[] {
    const activity = text(data, 'activity');
    if (!activity || !isVagueActivity(activity)) return [];
    return [
      {
        code: 'gewerbe.vague-activity',
        severity: 'warning',
        fieldPath: 'activity',
        message: { de: `Die Tätigkeit „${activity}“ ist zu unbestimmt; bitte konkrete Waren oder Leistungen nachfragen.`, en: `The activity “${activity}” is too vague; please ask for the actual goods or services.` },
      },
    ];
  },
});

const NO_TRADE_TEXT = {
  'free-profession': { de: 'ein freier Beruf', en: 'a liberal profession' },
  'primary-production': { de: 'Urproduktion (Land- und Forstwirtschaft, Fischerei)', en: 'primary production (agriculture, forestry, fishing)' },
  'own-assets': { de: 'die Verwaltung eigenen Vermögens', en: 'the management of one’s own assets' },
} as const;

/** Free professions, primary production and own assets need no notification (the tax office instead). */
export const noTradeRule = defineRule<string>({
  id: 'gewerbe.no-trade',
  name: { de: 'Kein Gewerbe', en: 'Not a trade' },
  legalSource: '§ 6 Abs. 1 GewO',
  prepare: serviceOf,
  check(data, ctx): Finding[] {
    const kind = notifiesActivity(ctx.prepared) ? noTradeKind(data) : undefined;
    if (!kind) return [];
    const what = NO_TRADE_TEXT[kind];
    return [
      {
        code: 'gewerbe.no-trade',
        severity: 'warning',
        fieldPath: 'activity',
        message: { de: `Die Tätigkeit ist vermutlich ${what.de} und damit kein Gewerbe; die Anzeige wäre nicht nötig (Hinweis auf das Finanzamt).`, en: `The activity is probably ${what.en} and so not a trade; no notification would be needed (refer to the tax office).` },
      },
    ];
  },
});

/** A missing WZ code is assigned by the office; it does not hold up the receipt. */
export const wzCodeRule = defineRule<string>({
  id: 'gewerbe.wz-code',
  name: { de: 'Wirtschaftszweig zuordnen', en: 'Assign the branch' },
  legalSource: '§ 14 Abs. 13 GewO',
  prepare: serviceOf,
  check(data, ctx): Finding[] {
    if (!notifiesActivity(ctx.prepared) || text(data, 'wzCode')) return [];
    return [
      {
        code: 'gewerbe.wz-code-missing',
        severity: 'info',
        fieldPath: 'wzCode',
        message: { de: 'Kein WZ-2008-Schlüssel gewählt; das Gewerbeamt ordnet ihn für die Statistik zu.', en: 'No WZ 2008 code chosen; the office assigns one for the statistics.' },
      },
    ];
  },
});
