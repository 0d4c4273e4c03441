/**
 * A fixture service for the case workflow engine: the receipt workflow of
 * test/fixtures/workflows/, rules modelled on the Gewerbe checks (minor applicant, vague activity,
 * duplicate company, lead time), and engine dependencies wired to a recording effect sink that
 * also queues real outbox mail for `sendMessage`, in the transition's transaction.
 */
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.js';
import { queueMail } from '../../src/platform/mail/outbox.js';
import { createRuleRegistry, defineRule, type RuleLookup } from '../../src/definitions/rules/rule.js';
import { loadRuleSetFile } from '../../src/definitions/rules/rule-set.js';
import type { EffectSink } from '../../src/definitions/workflow/effects.js';
import { loadWorkflowFile } from '../../src/definitions/workflow/load-workflow.js';
import type { CaseEngineDeps, ServiceRuntime } from '../../src/modules/cases/case-engine.js';
import { createRecordingEffectSink, type RecordingEffectSink } from '../../src/modules/cases/effect-sinks.js';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/workflows');

const minorApplicant = defineRule({
  id: 'test.minor-applicant',
  name: { de: 'Volljährigkeit', en: 'Legal age' },
  legalSource: '§ 112 BGB',
  check: (data) =>
    typeof data.age === 'number' && data.age < 18
      ? [{ code: 'test.minor', severity: 'blocking', fieldPath: 'age', message: { de: 'Die anzeigende Person ist minderjährig.', en: 'The person is a minor.' } }]
      : [],
});

const vagueActivity = defineRule({
  id: 'test.vague-activity',
  name: { de: 'Bestimmtheit der Tätigkeit', en: 'Specific activity' },
  check: (data) =>
    typeof data.activity === 'string' && /aller art/i.test(data.activity)
      ? [{ code: 'test.vague-activity', severity: 'warning', fieldPath: 'activity', message: { de: 'Die Tätigkeit ist zu unbestimmt.', en: 'The activity is too vague.' } }]
      : [],
});

const duplicateCompany = defineRule<number>({
  id: 'test.duplicate-company',
  name: { de: 'Doppelte Anzeige', en: 'Duplicate notification' },
  prepare: async (data, env) => env.lookup<number>('otherCases', { companyName: data.companyName ?? null, caseId: env.caseId }),
  check: (_data, ctx) =>
    ctx.prepared > 0
      ? [{ code: 'test.duplicate', severity: 'warning', message: { de: `Es gibt ${ctx.prepared} weitere Anzeige(n) dieses Betriebs.`, en: `There are ${ctx.prepared} other notification(s) of this business.` } }]
      : [],
});

const startLeadTime = defineRule({
  id: 'test.start-lead-time',
  name: { de: 'Vorlaufzeit', en: 'Lead time' },
  check: (data, ctx) => {
    if (typeof data.startDate !== 'string') return [];
    const lead = typeof ctx.settings.leadTimeWorkingDays === 'number' ? ctx.settings.leadTimeWorkingDays : 3;
    const earliest = ctx.calendar.earliestDateWithLeadTime(ctx.today, lead);
    return data.startDate < earliest
      ? [{ code: 'test.late', severity: 'warning', fieldPath: 'startDate', message: { de: `Frühestmöglicher Beginn: ${earliest}.`, en: `Earliest start: ${earliest}.` } }]
      : [];
  },
});

const broken = defineRule({
  id: 'test.broken',
  name: { de: 'Fehlerhafte Prüfung', en: 'Broken check' },
  check: () => {
    throw new Error('boom');
  },
});

export const fixtureRules = createRuleRegistry([minorApplicant, vagueActivity, duplicateCompany, startLeadTime, broken]);

/** The fixture service as the engine sees it (loaded from the JSON files, so the loader is exercised too). */
export function loadFixtureRuntime(): ServiceRuntime {
  return {
    workflow: loadWorkflowFile(path.join(FIXTURE_DIR, 'receipt.workflow.json')),
    ruleSet: loadRuleSetFile(path.join(FIXTURE_DIR, 'receipt.rules.json'), fixtureRules),
  };
}

/** Other cases of the tenant with the same company name (the duplicate rule's lookup). */
const otherCases: RuleLookup = async (args, { trx, tenantId }) => {
  const row = await trx
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('id', '!=', String(args.caseId))
    .where(sql<string>`data->>'companyName'`, '=', String(args.companyName))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

export interface FixtureEngine {
  deps: CaseEngineDeps;
  sink: RecordingEffectSink;
}

/** Engine dependencies for the fixture service ('test-service' version 1, as insertTestCase creates). */
export function fixtureEngine(db: Database, options: { settings?: Record<string, unknown>; effects?: EffectSink } = {}): FixtureEngine {
  const runtime = loadFixtureRuntime();
  const sink = createRecordingEffectSink();
  const effects: EffectSink = options.effects ?? {
    async run(trx, invocation) {
      await sink.run(trx, invocation);
      if (invocation.effect.effect === 'sendMessage') {
        await queueMail(trx, invocation.tenantId, {
          to: 'applicant@example.org',
          template: invocation.effect.params.template,
          subject: `Vorgang ${invocation.caseId}`,
          text: `Ihr Vorgang ist jetzt im Stand ${invocation.to}.`,
          html: `<p>Ihr Vorgang ist jetzt im Stand ${invocation.to}.</p>`,
          caseId: invocation.caseId,
        });
      }
    },
  };
  return {
    sink,
    deps: {
      db,
      services: { get: (serviceId, version) => (serviceId === 'test-service' && version === 1 ? runtime : undefined) },
      effects,
      lookups: { otherCases },
      tenantSettings: async () => options.settings ?? {},
    },
  };
}
