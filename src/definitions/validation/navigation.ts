/**
 * Moving through the form: the pages shown for the answers so far, the next and previous page,
 * and the step indicator ("Schritt 3 von 7"). Changing an answer can add or remove later pages;
 * these functions always count from the current answers.
 */
import type { JsonObject } from '../core/json.js';
import type { PageSpec, ServiceDefinition } from '../model/service-definition.js';
import { resolveVisibility, type EvaluationOptions } from './evaluation.js';

/** The pages shown for these answers, in order. */
export function visiblePages(definition: ServiceDefinition, data: JsonObject, options: EvaluationOptions = {}): PageSpec[] {
  const { pages } = resolveVisibility(definition, data, options);
  return definition.pages.filter((p) => pages.has(p.id));
}

/** The page with this id, or `undefined`. */
export function findPage(definition: ServiceDefinition, pageId: string): PageSpec | undefined {
  return definition.pages.find((p) => p.id === pageId);
}

/** The first page shown (the form's start). */
export function firstPage(definition: ServiceDefinition, data: JsonObject, options: EvaluationOptions = {}): PageSpec {
  return visiblePages(definition, data, options)[0] ?? definition.pages[0]!;
}

/** The next page shown after `pageId`; `undefined` means "check your answers" comes next. */
export function nextPage(definition: ServiceDefinition, pageId: string, data: JsonObject, options: EvaluationOptions = {}): PageSpec | undefined {
  const index = definition.pages.findIndex((p) => p.id === pageId);
  const shown = new Set(visiblePages(definition, data, options).map((p) => p.id));
  return definition.pages.slice(index + 1).find((p) => shown.has(p.id));
}

/** The page shown before `pageId`; `undefined` on the first page. */
export function previousPage(definition: ServiceDefinition, pageId: string, data: JsonObject, options: EvaluationOptions = {}): PageSpec | undefined {
  const index = definition.pages.findIndex((p) => p.id === pageId);
  const shown = new Set(visiblePages(definition, data, options).map((p) => p.id));
  return definition.pages.slice(0, Math.max(index, 0)).reverse().find((p) => shown.has(p.id));
}

/** "Schritt `number` von `total`" for a page; `undefined` when the page is not shown. */
export function pageStep(definition: ServiceDefinition, pageId: string, data: JsonObject, options: EvaluationOptions = {}): { number: number; total: number } | undefined {
  const pages = visiblePages(definition, data, options);
  const index = pages.findIndex((p) => p.id === pageId);
  return index < 0 ? undefined : { number: index + 1, total: pages.length };
}

/** The page that asks a top-level field. */
export function pageOfField(definition: ServiceDefinition, fieldId: string): PageSpec | undefined {
  return definition.pages.find((p) => p.fields.some((f) => f.id === fieldId));
}
