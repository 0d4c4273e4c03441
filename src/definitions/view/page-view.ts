/**
 * The view model of one page of the form: title, intro, step, the fields to render and the
 * error summary with links to the inputs. Fields hidden by an earlier page's answer are left
 * out; fields that depend on an answer on the same page are included with `conditional` (shown
 * without JavaScript, revealed in place with it).
 */
import type { Localized } from '../../platform/db/schema.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { conditionReferences } from '../conditions/condition.js';
import { answerAt, evaluateCondition } from '../conditions/evaluate.js';
import type { FormInput } from '../core/form-input.js';
import type { JsonObject } from '../core/json.js';
import type { FieldView } from '../core/view-types.js';
import { buildFieldView } from '../engine/field-view.js';
import type { ServiceDefinition } from '../model/service-definition.js';
import { todayOf, walkVisible, type EvaluationOptions } from '../validation/evaluation.js';
import { pageStep } from '../validation/navigation.js';
import type { ValidationError } from '../validation/validate.js';

/** One entry of the error summary at the top of the page. */
export interface ErrorSummaryItem {
  text: string;
  /** `#<input id>` of the input to fix. */
  href: string;
}

/** Everything the page template needs. */
export interface PageView {
  pageId: string;
  title: string;
  intro?: string;
  /** "Schritt `number` von `total`". */
  step?: { number: number; total: number };
  fields: FieldView[];
  errorSummary: ErrorSummaryItem[];
  /** The page has a file input, so its form needs `enctype="multipart/form-data"`. */
  multipart: boolean;
}

/** What to show: the answers (saved draft or failed candidate), the raw post to re-show, the errors. */
export interface PageViewInput extends EvaluationOptions {
  data: JsonObject;
  locale: Locale;
  /** The posted strings, when re-showing a post that failed validation. */
  raw?: FormInput;
  errors?: readonly ValidationError[];
}

/** Builds the view model of a page. */
export function buildPageView(definition: ServiceDefinition, pageId: string, input: PageViewInput): PageView {
  const page = definition.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`Service "${definition.id}" has no page "${pageId}"`);
  const today = todayOf(input);
  const errors = new Map<string, Localized>();
  for (const error of input.errors ?? []) if (!errors.has(error.path)) errors.set(error.path, error.message);
  const onPage = new Set(page.fields.map((f) => f.id));
  const fields: FieldView[] = [];
  walkVisible(definition, today, (visitedPage, field, visible, answers) => {
    if (!field) return undefined;
    if (visitedPage !== page) return visible ? input.data[field.id] : undefined;
    const lookup = (ref: string) => answerAt(answers, ref);
    const env = { today, lookup, locale: input.locale, errors, ...(input.raw ? { raw: input.raw } : {}) };
    const sameFieldPage = field.when && conditionReferences(field.when).some((r) => onPage.has(r.field.split('.')[0] ?? ''));
    if (!visible && !sameFieldPage) return undefined;
    const view = buildFieldView(field, input.data[field.id], field.id, env);
    if (sameFieldPage && field.when) view.conditional = { condition: JSON.stringify(field.when), visible: evaluateCondition(field.when, lookup, today) };
    fields.push(view);
    return visible ? input.data[field.id] : undefined;
  });
  const step = pageStep(definition, pageId, input.data, input);
  return {
    pageId,
    title: pick(page.title, input.locale),
    ...(page.intro ? { intro: pick(page.intro, input.locale) } : {}),
    ...(step ? { step } : {}),
    fields,
    errorSummary: errorSummary(fields, input.errors ?? [], input.locale),
    multipart: hasFileInput(fields),
  };
}

function hasFileInput(views: readonly FieldView[]): boolean {
  return views.some((v) => v.inputs.some((i) => i.control === 'file') || hasFileInput(v.fields ?? []) || (v.rows ?? []).some((r) => hasFileInput(r.fields)));
}

const pick = (value: Localized, locale: Locale) => value[locale] || value.de;

/** Links each error to its input: the input named like the error's path, else the nearest enclosing field. */
function errorSummary(fields: readonly FieldView[], errors: readonly ValidationError[], locale: Locale): ErrorSummaryItem[] {
  const ids = new Map<string, string>();
  const collect = (views: readonly FieldView[]) => {
    for (const view of views) {
      ids.set(view.path, view.focusId);
      for (const input of view.inputs) if (input.control !== 'hidden') ids.set(input.name, input.id);
      view.rows?.forEach((row) => collect(row.fields));
      if (view.fields) collect(view.fields);
    }
  };
  collect(fields);
  const anchor = (path: string): string => {
    for (let p = path; p !== ''; ) {
      const id = ids.get(p);
      if (id) return id;
      const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (shorter === p) break;
      p = shorter;
    }
    return '';
  };
  return errors.map((e) => ({ text: pick(e.message, locale), href: `#${anchor(e.path)}` }));
}
