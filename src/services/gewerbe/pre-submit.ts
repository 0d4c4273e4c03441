/**
 * What the applicant learns before submitting (issue 5, citizen-facing extras): which
 * authorities will be informed, which further steps they must take themselves (the tax
 * questionnaire in ELSTER within one month, the permit, the Handwerkskarte), and — from the
 * municipality's area — when another office is competent. Only notices: a Gewerbeanzeige is
 * never refused for these (the rules put such cases before a caseworker).
 */
import type { Localized } from '../../platform/db/schema.js';
import type { PreSubmitInput, PreSubmitResult } from '../../definitions/service-package.js';
import type { Trx } from '../../platform/db/database.js';
import { informedAuthorities } from './recipients/applicable-recipients.js';
import { inArea } from './rules/business-rules.js';
import { address } from './rules/case-data.js';
import { hasCraftCard, masterCrafts, profileActivity } from './rules/detect-activity.js';
import { loadGewerbeSettings } from './settings.js';

const list = (items: Localized[], locale: 'de' | 'en') => items.map((i) => i[locale]).join(', ');

/** The notices for a Gewerbe service's check page. */
export function gewerbePreSubmitCheck(serviceId: string) {
  return async (trx: Trx, input: PreSubmitInput): Promise<PreSubmitResult> => {
    const { data } = input;
    const notices: Localized[] = [];
    const informed = informedAuthorities(data, serviceId);
    if (informed.length > 0) {
      notices.push({
        de: `Das Gewerbeamt übermittelt Ihre Anzeige (jeweils nur die erlaubten Angaben) an: ${list(informed, 'de')}.`,
        en: `The trade office passes your notification on (each only the data it may receive) to: ${list(informed, 'en')}.`,
      });
    }
    if (serviceId === 'gewerbe-anmeldung') {
      notices.push({
        de: 'Senden Sie innerhalb eines Monats den Fragebogen zur steuerlichen Erfassung über ELSTER an das Finanzamt; die Gewerbeanzeige ersetzt ihn nicht.',
        en: 'Within one month, send the tax registration questionnaire to the tax office through ELSTER; the trade notification does not replace it.',
      });
    }
    if (serviceId !== 'gewerbe-abmeldung') {
      const profile = profileActivity(data);
      for (const p of profile.permits) {
        notices.push({ de: `Für „${p.activity.de}“ brauchen Sie ${p.needs.de} (${p.legalSource}); beantragen Sie sie, bevor Sie beginnen.`, en: `For “${p.activity.en}” you need ${p.needs.en} (${p.legalSource}); apply before you start.` });
      }
      if (!hasCraftCard(data)) {
        for (const c of masterCrafts(profile)) {
          notices.push({ de: `„${c.craft.de}“ ist ein zulassungspflichtiges Handwerk: Sie brauchen die Eintragung in die Handwerksrolle (Handwerkskarte).`, en: `“${c.craft.en}” is a licensed craft: you need the entry in the register of craftsmen (craft card).` });
        }
      }
    }
    const premises = address(data, 'businessAddress');
    const settings = await loadGewerbeSettings(trx, input.tenantId);
    if (premises && (settings.area?.places.length ?? 0) > 0 && !inArea(settings, premises.postalCode, premises.town)) {
      notices.push({
        de: `Die Betriebsstätte in ${premises.postalCode ?? ''} ${premises.town} liegt nicht im Gebiet dieser Gemeinde; zuständig ist das Gewerbeamt am Ort der Betriebsstätte.`,
        en: `The premises in ${premises.postalCode ?? ''} ${premises.town} are outside this municipality; the trade office where the premises are is competent.`,
      });
    }
    return { errors: [], notices };
  };
}
