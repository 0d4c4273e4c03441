/**
 * The rule set of a service version (format `rathaus.rules/1`): which registered rules run, and
 * whether each is on by default. A tenant admin can switch single rules off (or on) for their
 * municipality; the switch is stored per tenant, the default stays with the service version.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IssueCollector, readDefinitionFile } from '../workflow/definition-error.js';
import type { AnyRule, RuleRegistry } from './rule.js';

export const RULE_SET_FORMAT = 'rathaus.rules/1';

export const RuleSetSchema = Type.Object(
  {
    format: Type.Literal(RULE_SET_FORMAT),
    rules: Type.Array(Type.Object({ id: Type.String({ minLength: 1 }), enabledByDefault: Type.Boolean() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export interface RuleSetEntry {
  rule: AnyRule;
  enabledByDefault: boolean;
}

/** A loaded rule set: each entry resolved to its code. */
export interface RuleSet {
  rules: readonly RuleSetEntry[];
}

/** Checks a parsed rule set against the registry; `file` names it in errors. Throws DefinitionError. */
export function loadRuleSet(raw: unknown, file: string, registry: RuleRegistry): RuleSet {
  const issues = new IssueCollector(file);
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== RULE_SET_FORMAT) {
    issues.add('format', `unknown rule set format ${JSON.stringify(format)}; this release reads "${RULE_SET_FORMAT}"`);
    issues.throwIfAny();
  }
  if (!issues.check(RuleSetSchema, raw)) issues.throwIfAny();
  const parsed = raw as Static<typeof RuleSetSchema>;
  const seen = new Set<string>();
  const rules: RuleSetEntry[] = [];
  parsed.rules.forEach((entry, i) => {
    const rule = registry.get(entry.id);
    if (seen.has(entry.id)) issues.add(`rules[${i}].id`, `rule "${entry.id}" is listed twice`);
    else if (!rule) issues.add(`rules[${i}].id`, `unknown rule "${entry.id}" (known: ${[...registry.keys()].join(', ') || 'none'})`);
    else rules.push({ rule, enabledByDefault: entry.enabledByDefault });
    seen.add(entry.id);
  });
  issues.throwIfAny();
  return { rules };
}

/** Reads and checks a rule set file (JSON). Throws DefinitionError naming the file. */
export function loadRuleSetFile(file: string, registry: RuleRegistry): RuleSet {
  return loadRuleSet(readDefinitionFile(file), file, registry);
}
