/**
 * The Gewerbe rules as a registry, the rule set of the three services (`rules.json`, format
 * `rathaus.rules/1`) and the lookups their prepare steps use (tenant settings, register).
 */
import path from 'node:path';
import { createRuleRegistry, type RuleLookup, type RuleRegistry } from '../../../definitions/rules/rule.js';
import { loadRuleSetFile, type RuleSet } from '../../../definitions/rules/rule-set.js';
import type { GewerbeCodeLists } from '../code-lists.js';
import { loadGewerbeSettings } from '../settings.js';
import { craftRule, noTradeRule, permitRule, vagueActivityRule, wzCodeRule } from './activity-rules.js';
import { competenceRule, datesRule, registerFormRule } from './business-rules.js';
import { duplicateRule, registerMatchesLookup } from './duplicate-rule.js';
import { minorApplicantRule, residenceTitleRule } from './person-rules.js';

/** Every Gewerbe rule by id. */
export function gewerbeRuleRegistry(codeLists: GewerbeCodeLists): RuleRegistry {
  return createRuleRegistry([
    competenceRule,
    permitRule,
    craftRule,
    minorApplicantRule,
    residenceTitleRule(codeLists.nationalities),
    vagueActivityRule,
    noTradeRule,
    registerFormRule,
    datesRule,
    duplicateRule,
    wzCodeRule,
  ]);
}

/** The rule set of the Gewerbe services (rules.json beside this folder). */
export function loadGewerbeRuleSet(codeLists: GewerbeCodeLists): RuleSet {
  return loadRuleSetFile(path.join(import.meta.dirname, '..', 'rules.json'), gewerbeRuleRegistry(codeLists));
}

/** The lookups of the Gewerbe rules: the tenant's settings and the register matches. */
export const gewerbeLookups: Readonly<Record<string, RuleLookup>> = {
  'gewerbe.settings': (_args, { trx, tenantId }) => loadGewerbeSettings(trx, tenantId),
  'gewerbe.register-matches': registerMatchesLookup,
};
