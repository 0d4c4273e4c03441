/**
 * `money`: an amount in euros, typed as "1.234,56", "12,50 €", "EUR 12" or "12,-" and stored as
 * integer cents (123456), so sums and exports never meet floating-point rounding.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages, formatMoney } from '../../platform/i18n/i18n.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { parseDecimalText, type DecimalText } from '../core/german-numbers.js';
import { displayText, singleInputView } from '../core/text-input.js';

/** Options of a `money` field (limits in cents). */
export const MoneyOptionsSchema = Type.Object(
  {
    /** Default 0: negative amounts only when a definition allows them. */
    minCents: Type.Optional(Type.Integer()),
    maxCents: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

/** Options of a `money` field. */
export type MoneyOptions = Static<typeof MoneyOptionsSchema>;

/** Strips the currency and the German "12,-" for whole euros, then reads the number. */
export function parseEuroText(text: string): DecimalText | undefined {
  const bare = text
    .replace(/€|\bEUR\b|\bEuro\b/giu, '')
    .replace(/,[-–]$/u, '')
    .trim();
  return parseDecimalText(bare);
}

/** Cents of a euro amount with at most two decimals, computed on the digits. */
export function euroTextToCents(decimal: DecimalText): number | undefined {
  if (decimal.fraction.length > 2) return undefined;
  const cents = Number(decimal.integer) * 100 + Number(decimal.fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return undefined;
  return decimal.negative && cents !== 0 ? -cents : cents;
}

const euroInputFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const inputText = (cents: number) => euroInputFormat.format(cents / 100);

const bothLocales = (cents: number) => ({ de: formatMoney(cents, 'de'), en: formatMoney(cents, 'en') });

/** The `money` field type. */
export const moneyField = defineFieldType<MoneyOptions, number>({
  type: 'money',
  optionsSchema: MoneyOptionsSchema,
  messages: defineMessages({
    format: {
      de: 'Bitte geben Sie bei „{label}“ einen Betrag in Euro an, z. B. 1.234,56.',
      en: 'Please enter an amount in euros for “{label}”, e.g. 1,234.56.',
    },
    decimals: {
      de: 'Der Betrag bei „{label}“ darf höchstens zwei Stellen nach dem Komma haben.',
      en: 'The amount for “{label}” can have at most two decimal places.',
    },
    min: { de: 'Der Betrag bei „{label}“ muss mindestens {min} sein.', en: 'The amount for “{label}” must be at least {min}.' },
    max: { de: 'Der Betrag bei „{label}“ darf höchstens {max} sein.', en: 'The amount for “{label}” must be at most {max}.' },
  }),
  prepareOptions(options, env) {
    if ((options.minCents ?? 0) > (options.maxCents ?? Number.MAX_SAFE_INTEGER)) env.report('minCents', 'must not exceed maxCents');
    return options;
  },
  parseForm(input, ctx) {
    const text = readFormText(input, ctx.path);
    if (text === undefined) return undefined;
    const decimal = parseEuroText(text);
    const cents = decimal && euroTextToCents(decimal);
    return cents ?? text;
  },
  parseJson(value, ctx) {
    if (typeof value === 'string') {
      if (value.trim() === '') return { issues: [] };
      // Text reaching here could not be read in the form: say why as precisely as we can.
      const decimal = parseEuroText(value);
      return { issues: [ctx.issue(decimal && decimal.fraction.length > 2 ? 'decimals' : 'format')] };
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return { issues: [ctx.issue('format')] };
    return { value, issues: [] };
  },
  validate(value, ctx) {
    const min = ctx.options.minCents ?? 0;
    const max = ctx.options.maxCents;
    if (value < min) return [ctx.issue('min', { min: bothLocales(min) })];
    if (max !== undefined && value > max) return [ctx.issue('max', { max: bothLocales(max) })];
    return [];
  },
  jsonSchema: ({ options }) => ({
    type: 'integer',
    description: 'Betrag in Cent',
    minimum: options.minCents ?? 0,
    ...(options.maxCents !== undefined ? { maximum: options.maxCents } : {}),
  }),
  format: (value, ctx) => [formatMoney(value, ctx.locale)],
  view: (ctx) =>
    singleInputView(
      ctx,
      { control: 'text', type: 'text', inputmode: 'decimal', spellcheck: false, width: 's', suffix: '€' },
      typeof ctx.value === 'number' && Number.isSafeInteger(ctx.value) ? inputText(ctx.value) : displayText(ctx.value),
    ),
});
