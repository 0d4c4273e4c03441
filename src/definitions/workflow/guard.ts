/**
 * Guards: data-only conditions on a transition, over the case data, the current findings, the
 * tenant's settings and its automation switches. A guard is JSON, never code, so a service
 * definition stays data and can be checked when it is loaded.
 *
 *   { "all": [g, …] }  { "any": [g, …] }  { "not": g }
 *   { "field": "activity.kind", "equals": "retail" }      (also notEquals, in, exists)
 *   { "setting": "fees.fixed", "exists": true }            (tenant settings, same operators)
 *   { "findings": "no-blocking" }                          (also "none", "no-warning-or-blocking")
 *   { "hasFinding": "gewerbe.permit-required" }
 *   { "automation": "auto-receipt" }                       (the tenant has not switched it off)
 *
 * Every node may carry a `message` {de, en} that explains a refusal in the author's words.
 * Findings conditions are false until the rules have run on the current data, so an automatic
 * step never overtakes the checks.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { Finding } from '../rules/finding.js';
import type { IssueCollector } from './definition-error.js';

export const FINDINGS_CONDITIONS = ['none', 'no-blocking', 'no-warning-or-blocking'] as const;
export type FindingsCondition = (typeof FINDINGS_CONDITIONS)[number];

const VALUE_OPERATORS = ['equals', 'notEquals', 'in', 'exists'] as const;

/** A test of one value (exactly one operator). */
export interface ValueTest {
  equals?: unknown;
  notEquals?: unknown;
  in?: unknown[];
  exists?: boolean;
}

interface Explained {
  message?: Localized;
}

export type Guard = Explained &
  (
    | { all: Guard[] }
    | { any: Guard[] }
    | { not: Guard }
    | ({ field: string } & ValueTest)
    | ({ setting: string } & ValueTest)
    | { findings: FindingsCondition }
    | { hasFinding: string }
    | { automation: string }
  );

/** What guards are evaluated against. */
export interface GuardFacts {
  data: Readonly<Record<string, unknown>>;
  /** Findings of the evaluation of the current data; undefined if the rules have not run on it. */
  findings: readonly Pick<Finding, 'code' | 'severity'>[] | undefined;
  settings: Readonly<Record<string, unknown>>;
  /** Whether an automation of the workflow is switched on for the tenant. */
  automationEnabled(id: string): boolean;
}

/** Reads `a.b[0].c` from a nested value; undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== 'object') return undefined;
    const key = m[1] ?? Number(m[2]);
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function testValue(value: unknown, t: ValueTest): boolean {
  if ('exists' in t) return (value !== undefined && value !== null && value !== '') === t.exists;
  if ('equals' in t) return sameJson(value, t.equals);
  if ('notEquals' in t) return !sameJson(value, t.notEquals);
  return (t.in ?? []).some((candidate) => sameJson(value, candidate));
}

function findingsHold(condition: FindingsCondition, findings: GuardFacts['findings']): boolean {
  if (!findings) return false;
  if (condition === 'none') return findings.length === 0;
  if (condition === 'no-blocking') return findings.every((f) => f.severity !== 'blocking');
  return findings.every((f) => f.severity === 'info');
}

/** True when the guard holds for the facts. */
export function evaluateGuard(guard: Guard, facts: GuardFacts): boolean {
  if ('all' in guard) return guard.all.every((g) => evaluateGuard(g, facts));
  if ('any' in guard) return guard.any.some((g) => evaluateGuard(g, facts));
  if ('not' in guard) return !evaluateGuard(guard.not, facts);
  if ('field' in guard) return testValue(readPath(facts.data, guard.field), guard);
  if ('setting' in guard) return testValue(readPath(facts.settings, guard.setting), guard);
  if ('findings' in guard) return findingsHold(guard.findings, facts.findings);
  if ('hasFinding' in guard) return (facts.findings ?? []).some((f) => f.code === guard.hasFinding);
  return facts.automationEnabled(guard.automation);
}

const NOT_EVALUATED: Localized = {
  de: 'Die automatische Prüfung der Angaben ist noch nicht abgeschlossen.',
  en: 'The automatic check of the entries has not finished yet.',
};

function leafReason(guard: Guard, facts: GuardFacts): Localized {
  if ('findings' in guard) {
    if (!facts.findings) return NOT_EVALUATED;
    return guard.findings === 'no-blocking'
      ? { de: 'Es liegen noch blockierende Prüfhinweise vor.', en: 'There are still blocking findings.' }
      : { de: 'Es liegen noch Prüfhinweise vor.', en: 'There are still findings.' };
  }
  if ('hasFinding' in guard) return { de: `Der Prüfhinweis „${guard.hasFinding}“ liegt nicht vor.`, en: `The finding “${guard.hasFinding}” is not present.` };
  if ('automation' in guard) return { de: `Die Automatisierung „${guard.automation}“ ist ausgeschaltet.`, en: `The automation “${guard.automation}” is switched off.` };
  if ('field' in guard) return { de: `Die Angabe „${guard.field}“ erfüllt die Voraussetzung nicht.`, en: `The entry “${guard.field}” does not meet the condition.` };
  if ('setting' in guard) return { de: `Die Einstellung „${guard.setting}“ der Kommune erfüllt die Voraussetzung nicht.`, en: `The municipality’s setting “${guard.setting}” does not meet the condition.` };
  return { de: 'Eine Voraussetzung ist nicht erfüllt.', en: 'A condition is not met.' };
}

/** Why a guard does not hold: the author's messages where given, else a description of each failing condition. */
export function explainGuardFailure(guard: Guard, facts: GuardFacts): Localized[] {
  if (evaluateGuard(guard, facts)) return [];
  if (guard.message) return [guard.message];
  if ('all' in guard) return guard.all.flatMap((g) => explainGuardFailure(g, facts));
  if ('any' in guard) return guard.any.flatMap((g) => explainGuardFailure(g, facts)).slice(0, 1);
  return [leafReason(guard, facts)];
}

const KINDS = ['all', 'any', 'not', 'field', 'setting', 'findings', 'hasFinding', 'automation'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkLocalized(value: unknown, path: string, issues: IssueCollector): void {
  if (!isObject(value) || typeof value.de !== 'string' || typeof value.en !== 'string' || !value.de || !value.en) {
    issues.add(path, 'must be an object with non-empty texts "de" and "en"');
  }
}

function checkValueTest(g: Record<string, unknown>, key: 'field' | 'setting', path: string, issues: IssueCollector): void {
  if (typeof g[key] !== 'string' || !/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(g[key])) {
    issues.add(`${path}.${key}`, 'must be a data path such as "applicant.address.postalCode"');
  }
  const ops = VALUE_OPERATORS.filter((op) => op in g);
  if (ops.length !== 1) issues.add(path, `needs exactly one of ${VALUE_OPERATORS.join(', ')}; found ${ops.length ? ops.join(', ') : 'none'}`);
  if ('in' in g && !Array.isArray(g.in)) issues.add(`${path}.in`, 'must be a list of values');
  if ('exists' in g && typeof g.exists !== 'boolean') issues.add(`${path}.exists`, 'must be true or false');
  for (const extra of Object.keys(g).filter((k) => k !== key && k !== 'message' && !(VALUE_OPERATORS as readonly string[]).includes(k))) {
    issues.add(`${path}.${extra}`, 'is not a property of this condition');
  }
}

/** Checks the shape of a guard when a definition loads; automation ids must be declared. */
export function checkGuard(value: unknown, path: string, issues: IssueCollector, automations: ReadonlySet<string>): void {
  if (!isObject(value)) return issues.add(path, 'must be a condition object');
  if ('message' in value) checkLocalized(value.message, `${path}.message`, issues);
  const kinds = KINDS.filter((k) => k in value);
  if (kinds.length !== 1) {
    return issues.add(path, kinds.length ? `combines ${kinds.join(' and ')}; use "all" to combine conditions` : `needs one of ${KINDS.join(', ')}`);
  }
  const kind = kinds[0];
  const allowed = kind === 'field' || kind === 'setting' ? null : new Set([kind, 'message']);
  if (allowed) for (const extra of Object.keys(value).filter((k) => !allowed.has(k))) issues.add(`${path}.${extra}`, `is not a property of a "${kind}" condition`);
  switch (kind) {
    case 'all':
    case 'any': {
      const list = value[kind];
      if (!Array.isArray(list) || list.length === 0) return issues.add(`${path}.${kind}`, 'must be a non-empty list of conditions');
      list.forEach((g, i) => checkGuard(g, `${path}.${kind}[${i}]`, issues, automations));
      return;
    }
    case 'not':
      return checkGuard(value.not, `${path}.not`, issues, automations);
    case 'field':
    case 'setting':
      return checkValueTest(value, kind, path, issues);
    case 'findings':
      if (!(FINDINGS_CONDITIONS as readonly unknown[]).includes(value.findings)) issues.add(`${path}.findings`, `must be one of ${FINDINGS_CONDITIONS.join(', ')}`);
      return;
    case 'hasFinding':
      if (typeof value.hasFinding !== 'string' || !value.hasFinding) issues.add(`${path}.hasFinding`, 'must be a finding code');
      return;
    case 'automation':
      if (typeof value.automation !== 'string' || !automations.has(value.automation)) issues.add(`${path}.automation`, `unknown automation "${String(value.automation)}"`);
      return;
  }
}
