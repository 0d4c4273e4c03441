/**
 * Message catalogues and the translator. Every module declares its strings once, German and
 * English side by side (`defineMessages`), so a missing translation is a type error, not a
 * surprise in production. German is the primary language.
 */
import type { Localized } from '../db/schema.js';

export type Locale = 'de' | 'en';
export const LOCALES: readonly Locale[] = ['de', 'en'];
export const DEFAULT_LOCALE: Locale = 'de';

export type MessageCatalogue = Record<string, Localized>;

/** Declares a module's messages; keys should start with the module's name. */
export function defineMessages<const M extends MessageCatalogue>(messages: M): M {
  return messages;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Reads a locale from a user-supplied value; anything unknown is `undefined`. */
export function parseLocale(value: unknown): Locale | undefined {
  return value === 'de' || value === 'en' ? value : undefined;
}

/** Picks the text of a bilingual value. */
export function pick(value: Localized, locale: Locale): string {
  return value[locale] || value.de;
}

/**
 * Builds `t(key, params)` over the given catalogues. An unknown key throws in development and
 * test (so tests catch typos) and shows the key in production rather than breaking the page.
 */
export function createTranslator(locale: Locale, catalogue: MessageCatalogue, strict: boolean): Translate {
  return (key, params) => {
    const entry = catalogue[key];
    if (!entry) {
      if (strict) throw new Error(`Unknown message key "${key}"`);
      return key;
    }
    const text = pick(entry, locale);
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD or Date) as Germans and English readers expect it, in Europe/Berlin. */
export function formatDate(value: string | Date, locale: Locale): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric' });
    dateFormats.set(locale, f);
  }
  const d = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  return f.format(d);
}

/** A point in time with date and clock time in Europe/Berlin. */
export function formatDateTime(value: Date, locale: Locale): string {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(locale, f);
  }
  return f.format(value);
}

/** Money from integer cents, formatted in EUR for the locale. */
export function formatMoney(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
