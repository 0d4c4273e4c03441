/**
 * Wording of validation messages. Every message is German and English side by side; templates
 * name the field by its label (`{label}`) and may carry further parameters. A parameter can be
 * bilingual itself (a label), in which case each language gets its own text.
 */
import type { Localized } from '../../platform/db/schema.js';
import { defineMessages } from '../../platform/i18n/i18n.js';

/** A message parameter: plain text or number, or bilingual text. */
export type MessageParam = string | number | Localized;

/** Named parameters of a message template. */
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** Fills `{name}` placeholders in both languages; an unknown placeholder stays visible. */
export function renderMessage(template: Localized, params: MessageParams): Localized {
  const fill = (text: string, locale: 'de' | 'en'): string =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[locale] : String(value);
    });
  return { de: fill(template.de, 'de'), en: fill(template.en, 'en') };
}

/** Messages every field type can use; a type's own catalogue and the definition may override them. */
export const commonFieldMessages = defineMessages({
  required: { de: 'Bitte füllen Sie das Feld „{label}“ aus.', en: 'Please fill in “{label}”.' },
  invalid: {
    de: 'Die Angabe bei „{label}“ hat nicht das erwartete Format.',
    en: 'The entry for “{label}” does not have the expected format.',
  },
  unknownProperty: {
    de: 'Die Angabe „{key}“ bei „{label}“ ist hier nicht vorgesehen.',
    en: 'The entry “{key}” is not expected for “{label}”.',
  },
  tooLong: {
    de: 'Die Angabe bei „{label}“ darf höchstens {max} Zeichen lang sein.',
    en: '“{label}” must be {max} characters or fewer.',
  },
  tooShort: {
    de: 'Die Angabe bei „{label}“ muss mindestens {min} Zeichen lang sein.',
    en: '“{label}” must be at least {min} characters long.',
  },
});
