import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import { DefinitionError } from '../workflow/definition-error.js';
import { classifyFindings } from './finding.js';
import { createRuleRegistry, defineRule } from './rule.js';
import { loadRuleSet } from './rule-set.js';
import { runRules, type RuleRunInput } from './run-rules.js';

const lateStart = defineRule({
  id: 'demo.late-start',
  name: { de: 'Vorlaufzeit', en: 'Lead time' },
  legalSource: 'verkehr.md § 3.5',
  check: (data, ctx) => {
    const earliest = ctx.calendar.earliestDateWithLeadTime(ctx.today, Number(ctx.settings.leadTime ?? 10));
    return typeof data.start === 'string' && data.start < earliest
      ? [{ code: 'demo.late', severity: 'warning', fieldPath: 'start', message: { de: `Frühestens ${earliest}`, en: `Not before ${earliest}` } }]
      : [];
  },
});
const known = defineRule<string[]>({
  id: 'demo.register',
  name: { de: 'Register', en: 'Register' },
  prepare: (data, env) => env.lookup<string[]>('register', { name: data.name }),
  check: (_data, ctx) => ctx.prepared.map((hit) => ({ code: 'demo.known', severity: 'info' as const, message: { de: hit, en: hit }, legalSource: '§ 14 GewO' })),
});
const broken = defineRule({ id: 'demo.broken', name: { de: 'Kaputt', en: 'Broken' }, check: () => ({ nope: true }) as never });
const registry = createRuleRegistry([lateStart, known, broken]);

function input(over: Partial<RuleRunInput> = {}): RuleRunInput {
  return {
    data: { start: '2026-11-20', name: 'Müller GmbH' },
    now: new Date('2026-11-16T08:00:00Z'),
    calendar: createWorkingDayCalendar({ land: 'SN' }),
    settings: {},
    isEnabled: (_id, byDefault) => byDefault,
    env: { tenantId: 't', caseId: 'c', serviceId: 's', lookup: async <T>() => ['eingetragen seit 2019'] as T },
    ...over,
  };
}

const ruleSet = () =>
  loadRuleSet(
    {
      format: 'rathaus.rules/1',
      rules: [
        { id: 'demo.late-start', enabledByDefault: true },
        { id: 'demo.register', enabledByDefault: true },
        { id: 'demo.broken', enabledByDefault: false },
      ],
    },
    'demo/rules.json',
    registry,
  );

describe('rules', () => {
  it('runs prepare and check, filling in the rule id and legal source', async () => {
    const result = await runRules(ruleSet(), input());
    expect(result.ran).toEqual(['demo.late-start', 'demo.register']);
    expect(result.skipped).toEqual(['demo.broken']);
    expect(result.findings).toEqual([
      { ruleId: 'demo.late-start', code: 'demo.late', severity: 'warning', fieldPath: 'start', legalSource: 'verkehr.md § 3.5', message: { de: 'Frühestens 2026-12-02', en: 'Not before 2026-12-02' } },
      { ruleId: 'demo.register', code: 'demo.known', severity: 'info', legalSource: '§ 14 GewO', message: { de: 'eingetragen seit 2019', en: 'eingetragen seit 2019' } },
    ]);
    expect(classifyFindings(result.findings)).toBe('YELLOW');
  });

  it('reads tenant settings and switches', async () => {
    // Lead time 3 from Monday 16 Nov (across Buß- und Bettag): Saturday 21 Nov is the earliest start.
    const result = await runRules(ruleSet(), input({ data: { start: '2026-11-21' }, settings: { leadTime: 3 }, isEnabled: (id, byDefault) => (id === 'demo.register' ? false : byDefault) }));
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual(['demo.register', 'demo.broken']);
    expect(classifyFindings(result.findings)).toBe('GREEN');
  });

  it('turns a failing rule into a blocking finding and keeps running the others', async () => {
    const failingLookup = input({
      isEnabled: () => true,
      env: { tenantId: 't', caseId: 'c', serviceId: 's', lookup: () => Promise.reject(new Error('register down')) },
    });
    const result = await runRules(ruleSet(), failingLookup);
    expect(result.ran).toEqual(['demo.late-start', 'demo.register', 'demo.broken']);
    expect(result.findings.map((f) => `${f.ruleId} ${f.code} ${f.severity}`)).toEqual([
      'demo.late-start demo.late warning',
      'demo.register rules.rule-failed blocking',
      'demo.broken rules.rule-failed blocking',
    ]);
    expect(result.failures).toEqual([
      { ruleId: 'demo.register', error: 'register down' },
      { ruleId: 'demo.broken', error: 'the check did not return a list of findings' },
    ]);
    expect(classifyFindings(result.findings)).toBe('RED');
  });

  it('refuses a rule set naming unknown or repeated rules, with file and path', () => {
    const load = () =>
      loadRuleSet(
        { format: 'rathaus.rules/1', rules: [{ id: 'demo.register', enabledByDefault: true }, { id: 'demo.nope', enabledByDefault: true }, { id: 'demo.register', enabledByDefault: false }] },
        'demo/rules.json',
        registry,
      );
    expect(load).toThrow(DefinitionError);
    expect(load).toThrow(/demo\/rules\.json: rules\[1\]\.id: unknown rule "demo\.nope"/);
    expect(load).toThrow(/demo\/rules\.json: rules\[2\]\.id: rule "demo\.register" is listed twice/);
    expect(() => defineRule({ id: 'NoDots', name: { de: 'x', en: 'x' }, check: () => [] })).toThrow(/must look like/);
    expect(() => createRuleRegistry([known, known])).toThrow(/registered twice/);
  });
});
