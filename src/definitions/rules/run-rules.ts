/**
 * Runs the enabled rules of a rule set over a case: first every rule's async prepare step, then
 * its pure check. A rule that throws or returns something that is not a finding does not stop the
 * others; it yields a blocking finding instead, so the case waits for a person rather than
 * finishing automatically on an incomplete check.
 */
import type { WorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import { berlinDateOf } from '../../platform/calendar/calendar-date.js';
import { SEVERITIES, type Finding } from './finding.js';
import type { AnyRule, CaseData, PrepareEnvironment } from './rule.js';
import type { RuleSet } from './rule-set.js';

/** A finding with the rule that produced it. */
export interface RuleFinding extends Finding {
  ruleId: string;
}

export interface RuleRunInput {
  data: CaseData;
  now: Date;
  calendar: WorkingDayCalendar;
  settings: Readonly<Record<string, unknown>>;
  /** Prepare-step environment without settings and now (taken from here). */
  env: Omit<PrepareEnvironment, 'now' | 'settings'>;
  /** Whether a rule runs for this tenant (its switch, else the rule set's default). */
  isEnabled(ruleId: string, enabledByDefault: boolean): boolean;
}

export interface RuleRunResult {
  /** Ids of the rules that ran, in rule-set order. */
  ran: string[];
  /** Ids of the rules switched off for this tenant. */
  skipped: string[];
  findings: RuleFinding[];
  /** Rules that threw or returned nonsense, with the error for the log (each also yields a blocking finding). */
  failures: { ruleId: string; error: string }[];
}

const isLocalized = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { de?: unknown }).de === 'string' && typeof (v as { en?: unknown }).en === 'string';

function isFinding(f: unknown): f is Finding {
  if (typeof f !== 'object' || f === null) return false;
  const x = f as Record<string, unknown>;
  return typeof x.code === 'string' && x.code !== '' && (SEVERITIES as readonly unknown[]).includes(x.severity) && isLocalized(x.message);
}

function ruleFailed(rule: AnyRule): RuleFinding {
  return {
    ruleId: rule.id,
    code: 'rules.rule-failed',
    severity: 'blocking',
    message: {
      de: `Die automatische Prüfung „${rule.name.de}“ konnte nicht ausgeführt werden; bitte prüfen Sie diesen Punkt selbst.`,
      en: `The automatic check “${rule.name.en}” could not run; please check this point yourself.`,
    },
  };
}

async function runOne(rule: AnyRule, input: RuleRunInput, failures: RuleRunResult['failures']): Promise<RuleFinding[]> {
  try {
    const env: PrepareEnvironment = { ...input.env, now: input.now, settings: input.settings };
    const prepared: unknown = rule.prepare ? await rule.prepare(input.data, env) : undefined;
    const found: unknown = rule.check(input.data, {
      now: input.now,
      today: berlinDateOf(input.now),
      calendar: input.calendar,
      settings: input.settings,
      prepared,
    });
    if (!Array.isArray(found) || !found.every(isFinding)) {
      failures.push({ ruleId: rule.id, error: 'the check did not return a list of findings' });
      return [ruleFailed(rule)];
    }
    return found.map((f) => ({
      ruleId: rule.id,
      code: f.code,
      severity: f.severity,
      message: { de: f.message.de, en: f.message.en },
      ...(f.fieldPath ? { fieldPath: f.fieldPath } : {}),
      ...((f.legalSource ?? rule.legalSource) ? { legalSource: f.legalSource ?? rule.legalSource } : {}),
    }));
  } catch (e) {
    failures.push({ ruleId: rule.id, error: e instanceof Error ? e.message : String(e) });
    return [ruleFailed(rule)];
  }
}

/** Runs the tenant's enabled rules of a rule set in order and collects their findings. */
export async function runRules(ruleSet: RuleSet, input: RuleRunInput): Promise<RuleRunResult> {
  const result: RuleRunResult = { ran: [], skipped: [], findings: [], failures: [] };
  for (const { rule, enabledByDefault } of ruleSet.rules) {
    if (!input.isEnabled(rule.id, enabledByDefault)) {
      result.skipped.push(rule.id);
      continue;
    }
    result.ran.push(rule.id);
    result.findings.push(...(await runOne(rule, input, result.failures)));
  }
  return result;
}
