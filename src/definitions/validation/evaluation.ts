/**
 * Options shared by the validation and navigation functions, and progressive visibility: pages
 * and fields are visited in order, and each condition sees only the answers of fields that are
 * themselves visible. So hiding a field also hides what depends on it.
 */
import { answerAt, evaluateCondition } from '../conditions/evaluate.js';
import { todayInBerlin } from '../core/dates.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import type { FieldSpec } from '../model/field-spec.js';
import type { PageSpec, ServiceDefinition } from '../model/service-definition.js';

/** Options of the validation and navigation functions. */
export interface EvaluationOptions {
  /** The current time (default: now); relative dates such as `today+14` count from its day in Europe/Berlin. */
  now?: Date;
}

/** Today's date for the options. */
export function todayOf(options: EvaluationOptions = {}): string {
  return todayInBerlin(options.now ?? new Date());
}

/** Visits pages and fields in order, telling which are visible given answers so far. */
export function walkVisible(
  definition: ServiceDefinition,
  today: string,
  visit: (page: PageSpec, field: FieldSpec | undefined, visible: boolean, answers: JsonObject) => JsonValue | undefined,
): void {
  const answers: JsonObject = {};
  const lookup = (reference: string) => answerAt(answers, reference);
  for (const page of definition.pages) {
    const pageVisible = !page.when || evaluateCondition(page.when, lookup, today);
    visit(page, undefined, pageVisible, answers);
    for (const field of page.fields) {
      const visible = pageVisible && (!field.when || evaluateCondition(field.when, lookup, today));
      const answer = visit(page, field, visible, answers);
      if (visible && answer !== undefined) answers[field.id] = answer;
    }
  }
}

/** Which pages and fields are visible for some answers (hidden ones count as unanswered). */
export function resolveVisibility(definition: ServiceDefinition, data: JsonObject, options: EvaluationOptions = {}): { pages: Set<string>; fields: Set<string> } {
  const pages = new Set<string>();
  const fields = new Set<string>();
  walkVisible(definition, todayOf(options), (page, field, visible) => {
    if (!visible) return undefined;
    if (!field) return void pages.add(page.id);
    fields.add(field.id);
    return data[field.id];
  });
  return { pages, fields };
}
