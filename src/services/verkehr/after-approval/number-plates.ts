/**
 * Number plates of vehicles already parked when the no-parking signs went up (verkehr.md § 1.6:
 * the set-up record names them, so the office can tell who was parked before the order took
 * effect). German plates follow the FZV: district code of one to three letters, one or two
 * letters, one to four digits, optionally E (electric) or H (historic), at most eight characters
 * without separators. Vehicles from abroad are common near borders; their plates are taken with a
 * country code in front ("PL: DW 12345"), since their formats differ too much to check further.
 */
import type { Localized } from '../../../platform/db/schema.js';

/** Most plates one set-up record takes (a zone of a few car lengths; the column allows 30). */
export const MAX_PLATES = 30;

const GERMAN = /^([A-ZÄÖÜ]{1,3})[ -]+([A-Z]{1,2})[ -]*([1-9][0-9]{0,3})([EH]?)$/;
const FOREIGN = /^([A-Z]{1,3})\s*:\s*([A-Z0-9ÄÖÜ][A-Z0-9ÄÖÜ -]{0,14})$/;

/** One plate in its normal form (`L-AB 1234`, `PL: DW 12345`), or undefined when it is neither a German plate nor marked as foreign. */
export function normalizePlate(raw: string): string | undefined {
  const text = raw.normalize('NFC').toUpperCase().replace(/\s+/g, ' ').trim();
  const german = GERMAN.exec(text);
  if (german) {
    const [, district, letters, digits, suffix] = german;
    if (district!.length + letters!.length + digits!.length > 8) return undefined;
    return `${district}-${letters} ${digits}${suffix}`;
  }
  const foreign = FOREIGN.exec(text);
  if (foreign && foreign[1] !== 'D') return `${foreign[1]}: ${foreign[2]!.trim()}`;
  return undefined;
}

export const PLATES_LABEL: Localized = { de: 'Kennzeichen bereits parkender Fahrzeuge', en: 'Number plates of vehicles already parked' };

/** Reads the plates, one per line (commas and semicolons also separate); returns them normalised or the problem naming the field. */
export function readPlates(raw: string): { plates: string[] } | { error: Localized } {
  const entries = raw
    .split(/[\n,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (entries.length > MAX_PLATES) {
    return { error: { de: `Bei „${PLATES_LABEL.de}“ können Sie höchstens ${MAX_PLATES} Kennzeichen angeben.`, en: `You can enter at most ${MAX_PLATES} plates under “${PLATES_LABEL.en}”.` } };
  }
  const plates: string[] = [];
  for (const entry of entries) {
    const plate = normalizePlate(entry);
    if (!plate) {
      return {
        error: {
          de: `Bei „${PLATES_LABEL.de}“ ist „${entry}“ kein gültiges Kennzeichen. Bitte schreiben Sie deutsche Kennzeichen wie L-AB 1234 und ausländische mit Länderkürzel, z. B. PL: DW 12345.`,
          en: `Under “${PLATES_LABEL.en}”, “${entry}” is not a valid number plate. Please write German plates like L-AB 1234 and foreign ones with the country code, e.g. PL: DW 12345.`,
        },
      };
    }
    if (!plates.includes(plate)) plates.push(plate);
  }
  return { plates };
}
