/**
 * Which recipients of § 14 Abs. 8 GewO receive a case (gewerbe.md § 3.1): the municipality must
 * have configured the recipient with a delivery channel and not recorded a waiver, and the case
 * must concern it — IHK unless the business is a pure craft, HWK for crafts, Ausländerbehörde
 * for foreign nationals, Registergericht only on deregistering a registered business,
 * Erlaubnisbehörde when a permit applies, Zoll only when a caseworker recorded indications of
 * undeclared work (§ 3 Abs. 3 GewAnzV, workflow step `flag-customs`). The statistics offices get
 * a monthly batch instead of a message per case.
 */
import type { CaseData } from '../../../definitions/rules/rule.js';
import type { Localized } from '../../../platform/db/schema.js';
import { isCraftBusiness, profileActivity, requiredPermits } from '../rules/detect-activity.js';
import { list, text } from '../rules/case-data.js';
import { isForeignNational } from '../rules/person-rules.js';
import type { GewerbeSettings, RecipientSetting } from '../settings.js';
import { RECIPIENT_IDS, RECIPIENT_NAMES, type RecipientId } from './recipient-catalogue.js';

/** What a person recorded on the case that decides a recipient. */
export interface CaseFlags {
  /** Indications of undeclared work were recorded (the customs administration is informed). */
  customs?: boolean;
}

/** Whether a recipient is concerned by a case of a service, whatever the tenant configured. */
export function concerns(recipient: RecipientId, data: CaseData, serviceId: string, flags: CaseFlags = {}): boolean {
  const profile = profileActivity(data);
  switch (recipient) {
    case 'ihk':
      // Members of the HWK only are no IHK members: a craft business with no other kind ticked.
      return !(isCraftBusiness(data, profile) && list(data, 'businessKinds').every((k) => k === 'craft'));
    case 'hwk':
      return isCraftBusiness(data, profile);
    case 'auslaenderbehoerde':
      return isForeignNational(data);
    case 'registergericht':
      return serviceId === 'gewerbe-abmeldung' && text(data, 'registerNumber') !== undefined;
    case 'erlaubnisbehoerde':
      return requiredPermits(profile).length > 0;
    case 'zoll':
      return flags.customs === true;
    case 'statistik':
      return false;
    default:
      return true;
  }
}

/** A recipient the case goes to, with the tenant's configuration. */
export interface ApplicableRecipient {
  id: RecipientId;
  setting: RecipientSetting & { channelId: string };
}

/** The recipients a case goes to, in catalogue order. */
export function applicableRecipients(settings: GewerbeSettings, data: CaseData, serviceId: string, flags: CaseFlags = {}): ApplicableRecipient[] {
  const configured = settings.recipients ?? {};
  return RECIPIENT_IDS.flatMap((id) => {
    const setting = configured[id];
    if (!setting || setting.waived || !setting.channelId || !concerns(id, data, serviceId, flags)) return [];
    return [{ id, setting: { ...setting, channelId: setting.channelId } }];
  });
}

/** The authorities the applicant is told about before submitting (concerned, whether or not configured). */
export function informedAuthorities(data: CaseData, serviceId: string): Localized[] {
  return RECIPIENT_IDS.filter((id) => concerns(id, data, serviceId)).map((id) => RECIPIENT_NAMES[id]);
}
