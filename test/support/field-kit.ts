/**
 * Helpers for the field-type tests: a field definition is wrapped into a one-page service and
 * run through the public functions (loader, parseFormPage, validateSubmission with its JSON
 * Schema check, buildPageView, summarizeAnswers), so every type test also proves that what
 * validation accepts, the schema accepts too.
 */
import {
  buildPageView,
  loadServiceDefinition,
  parseFormPage,
  summarizeAnswers,
  validateSubmission,
  type FieldView,
  type FormInput,
  type JsonValue,
  type ServiceDefinition,
  type ValidationError,
} from '../../src/definitions/index.js';

/** A fixed "now": Thursday, 5 March 2026, 10:00 in Berlin. */
export const NOW = new Date('2026-03-05T09:00:00Z');

const cache = new Map<string, ServiceDefinition>();

/** A one-page service around one field (id `f`, label "Testfeld" unless given). */
export function serviceWith(field: Record<string, unknown>, more: Record<string, unknown>[] = []): ServiceDefinition {
  const key = JSON.stringify([field, more]);
  const cached = cache.get(key);
  if (cached) return cached;
  const definition = loadServiceDefinition(
    {
      definitionLanguage: 1,
      id: 'field-test',
      version: 1,
      name: { de: 'Feldtest', en: 'Field test' },
      shortDescription: { de: 'Test', en: 'Test' },
      description: { de: 'Test', en: 'Test' },
      legalBasis: [],
      requiredDocuments: [],
      fee: { de: 'keine', en: 'none' },
      processingTime: { de: 'sofort', en: 'immediately' },
      responsibleOffice: { de: 'Testamt', en: 'Test office' },
      pages: [{ id: 'page', title: { de: 'Seite', en: 'Page' }, fields: [{ id: 'f', label: { de: 'Testfeld', en: 'Test field' }, ...field }, ...more] }],
    },
    'field-kit',
  );
  cache.set(key, definition);
  return definition;
}

/** Outcome of checking one answer: the stored value (when valid) and the errors in short form. */
export interface Checked {
  ok: boolean;
  value?: JsonValue;
  errors: { path: string; code: string; de: string; en: string }[];
}

const short = (errors: readonly ValidationError[]) => errors.map((e) => ({ path: e.path, code: e.code, de: e.message.de, en: e.message.en }));

/** Validates an API answer for the field (`undefined` = not sent). */
export function checkJson(field: Record<string, unknown>, value: unknown, now = NOW): Checked {
  const result = validateSubmission(serviceWith(field), value === undefined ? {} : { f: value }, { now });
  return { ok: result.ok, ...(result.data.f !== undefined ? { value: result.data.f } : {}), errors: short(result.errors) };
}

/** The JSON candidate a form post gives for the field. */
export function fromForm(field: Record<string, unknown>, raw: FormInput, draft: Record<string, JsonValue> = {}): JsonValue | undefined {
  return parseFormPage(serviceWith(field), 'page', raw, draft).f;
}

/** Posts a form and validates it, as the runner does. */
export function checkForm(field: Record<string, unknown>, raw: FormInput, now = NOW): Checked {
  const data = parseFormPage(serviceWith(field), 'page', raw, {});
  return checkJson(field, data.f, now);
}

/** The view model of the field. */
export function viewOf(
  field: Record<string, unknown>,
  value: JsonValue | undefined,
  extra: { raw?: FormInput; errors?: readonly ValidationError[]; locale?: 'de' | 'en' } = {},
): FieldView {
  const view = buildPageView(serviceWith(field), 'page', {
    data: value === undefined ? {} : { f: value },
    locale: extra.locale ?? 'de',
    now: NOW,
    ...(extra.raw ? { raw: extra.raw } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  });
  return view.fields[0]!;
}

/** The display lines of a valid answer. */
export function formatOf(field: Record<string, unknown>, value: JsonValue, locale: 'de' | 'en' = 'de'): string[] {
  const sections = summarizeAnswers(serviceWith(field), { f: value }, locale, { now: NOW });
  return sections[0]?.rows[0]?.lines ?? [];
}

/** The errors of a form post, for feeding into `viewOf`. */
export function errorsOfForm(field: Record<string, unknown>, raw: FormInput): readonly ValidationError[] {
  const data = parseFormPage(serviceWith(field), 'page', raw, {});
  return validateSubmission(serviceWith(field), data, { now: NOW }).errors;
}
