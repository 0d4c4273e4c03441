/**
 * A rule checks a case and returns findings. The check itself is a pure function of the case data
 * and a context (tenant settings, the working-day calendar, `now`, and what the rule prepared), so
 * it can be tested with plain values and explains itself by its findings. Anything that needs
 * I/O — other cases, registers — happens before, in the rule's async `prepare` step, through
 * lookups the caller provides.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { CalendarDate } from '../../platform/calendar/calendar-date.js';
import type { WorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import type { Trx } from '../../platform/db/database.js';
import type { Finding } from './finding.js';

/** The case data as submitted (plain JSON). */
export type CaseData = Readonly<Record<string, unknown>>;

/** What the check of a rule may read besides the case data. */
export interface RuleContext<P = unknown> {
  now: Date;
  /** Today in Europe/Berlin. */
  today: CalendarDate;
  /** The tenant's working days (Land holidays and closing days). */
  calendar: WorkingDayCalendar;
  /** The tenant's settings for the service (lead times, thresholds, …). */
  settings: Readonly<Record<string, unknown>>;
  /** What the rule's `prepare` step returned. */
  prepared: P;
}

/** A lookup the caller provides (other cases, a register); it runs inside the evaluation's transaction. */
export type RuleLookup = (args: Readonly<Record<string, unknown>>, scope: { trx: Trx; tenantId: string }) => Promise<unknown>;

/** What a rule's prepare step gets. */
export interface PrepareEnvironment {
  tenantId: string;
  caseId: string;
  serviceId: string;
  now: Date;
  settings: Readonly<Record<string, unknown>>;
  /** Calls a lookup by name; an unknown name is a wiring error and throws. */
  lookup<T = unknown>(name: string, args: Readonly<Record<string, unknown>>): Promise<T>;
}

export interface Rule<P = unknown> {
  /** Stable id, e.g. `gewerbe.minor-applicant`; rule sets and tenant switches refer to it. */
  id: string;
  name: Localized;
  /** The norm behind the rule; findings without their own legal source get this one. */
  legalSource?: string;
  /** Gathers what the check needs from outside the case (async, may read other cases). */
  prepare?: (data: CaseData, env: PrepareEnvironment) => Promise<P>;
  /** The check: pure, returns the findings (empty when all is well). */
  check: (data: CaseData, ctx: RuleContext<P>) => Finding[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds rules of every prepared type
export type AnyRule = Rule<any>;

const RULE_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares a rule; the id is checked at load time (`module.rule-name`). */
export function defineRule<P = undefined>(rule: Rule<P>): Rule<P> {
  if (!RULE_ID.test(rule.id)) throw new Error(`Rule id "${rule.id}" must look like "service.rule-name" (lower case, dot-separated)`);
  return rule;
}

/** The rules code knows, by id. */
export type RuleRegistry = ReadonlyMap<string, AnyRule>;

/** Builds a registry from rules; a duplicate id is a programming error. */
export function createRuleRegistry(rules: readonly AnyRule[]): RuleRegistry {
  const registry = new Map<string, AnyRule>();
  for (const rule of rules) {
    if (registry.has(rule.id)) throw new Error(`Rule "${rule.id}" is registered twice`);
    registry.set(rule.id, rule);
  }
  return registry;
}
