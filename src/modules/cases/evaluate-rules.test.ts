import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine, type FixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { runAutomaticTransitions } from './apply-transition.js';
import { evaluateRules, findCaseFindings } from './evaluate-rules.js';
import { listSwitches, setSwitch } from './rule-switches.js';

describe('evaluating a case’s rules', () => {
  let t: TestDatabase;
  let engine: FixtureEngine;
  let wurzen: string;
  let bennewitz: string;
  const now = new Date('2026-11-16T09:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    engine = fixtureEngine(t.db);
    wurzen = await tenantIdOf(t.db, 'wurzen');
    bennewitz = await tenantIdOf(t.db, 'bennewitz');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('stores findings with their reasons, field and legal source, and writes an event with the counts', async () => {
    await insertTestCase(t.db, wurzen, { data: { companyName: 'Doppel GmbH', age: 40 } });
    await insertTestCase(t.db, bennewitz, { data: { companyName: 'Doppel GmbH', age: 40 } });
    const id = await insertTestCase(t.db, wurzen, { data: { companyName: 'Doppel GmbH', age: 17, activity: 'Dienstleistungen aller Art', startDate: '2026-11-18' } });

    const result = await evaluateRules(engine.deps, { tenantId: wurzen, caseId: id, now });
    expect(result.evaluation).toBe(1);
    expect(result.counts).toEqual({ info: 0, warning: 3, blocking: 1 });
    expect(result.skipped).toEqual(['test.broken']);
    const stored = await findCaseFindings(engine.deps, wurzen, id);
    expect(stored).toMatchObject({ evaluation: 1, stale: false });
    expect(stored?.findings).toEqual([
      { ruleId: 'test.minor-applicant', code: 'test.minor', severity: 'blocking', fieldPath: 'age', legalSource: '§ 112 BGB', message: { de: 'Die anzeigende Person ist minderjährig.', en: 'The person is a minor.' } },
      { ruleId: 'test.vague-activity', code: 'test.vague-activity', severity: 'warning', fieldPath: 'activity', message: { de: 'Die Tätigkeit ist zu unbestimmt.', en: 'The activity is too vague.' } },
      // The lookup counts only this municipality's other case of the same business.
      { ruleId: 'test.duplicate-company', code: 'test.duplicate', severity: 'warning', message: { de: 'Es gibt 1 weitere Anzeige(n) dieses Betriebs.', en: 'There are 1 other notification(s) of this business.' } },
      // Three working days from Monday 16 Nov skip Buß- und Bettag: Saturday 21 Nov is the earliest start.
      { ruleId: 'test.start-lead-time', code: 'test.late', severity: 'warning', fieldPath: 'startDate', message: { de: 'Frühestmöglicher Beginn: 2026-11-21.', en: 'Earliest start: 2026-11-21.' } },
    ]);
    const event = await t.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').selectAll().where('case_id', '=', id).where('type', '=', 'rules.evaluated').executeTakeFirstOrThrow());
    expect(event).toMatchObject({ actor_kind: 'system', data: { evaluation: 1, counts: { info: 0, warning: 3, blocking: 1 }, rules: 4, skipped: ['test.broken'], failed: [] } });
  });

  it('keeps earlier evaluations as history and ignores findings about data that has changed since', async () => {
    const id = await insertTestCase(t.db, wurzen, { data: { age: 16 } });
    await evaluateRules(engine.deps, { tenantId: wurzen, caseId: id, now });
    // The applicant corrects the age (e.g. answering a request): the blocking finding is about old data.
    await t.db.withTenant(wurzen, (trx) => trx.updateTable('cases').set({ data: JSON.stringify({ age: 19 }) }).where('id', '=', id).execute());
    expect(await findCaseFindings(engine.deps, wurzen, id)).toMatchObject({ evaluation: 1, stale: true });
    // Stale findings feed no guard: nothing fires until the rules ran on the new data.
    expect((await runAutomaticTransitions(engine.deps, { tenantId: wurzen, caseId: id, now })).steps).toEqual([]);

    const second = await evaluateRules(engine.deps, { tenantId: wurzen, caseId: id, now });
    expect(second).toMatchObject({ evaluation: 2, counts: { blocking: 0 } });
    expect(await findCaseFindings(engine.deps, wurzen, id)).toEqual({ evaluation: 2, evaluatedAt: now, stale: false, findings: [] });
    const history = await t.db.withTenant(wurzen, (trx) => trx.selectFrom('case_findings').select(['evaluation', 'code']).where('case_id', '=', id).execute());
    expect(history).toEqual([{ evaluation: 1, code: 'test.minor' }]);
    expect((await runAutomaticTransitions(engine.deps, { tenantId: wurzen, caseId: id, now })).state).toBe('closed');
  });

  it('turns a failing rule the tenant switched on into a blocking finding', async () => {
    await setSwitch(t.db, { tenantId: wurzen, serviceId: 'test-service', kind: 'rule', itemId: 'test.broken', enabled: true, now });
    const id = await insertTestCase(t.db, wurzen, { data: { age: 40 } });
    const result = await evaluateRules(engine.deps, { tenantId: wurzen, caseId: id, now });
    expect(result.failures).toEqual([{ ruleId: 'test.broken', error: 'boom' }]);
    expect(result.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['rules.rule-failed:blocking']);
    expect((await runAutomaticTransitions(engine.deps, { tenantId: wurzen, caseId: id, now })).state).toBe('submitted');

    const switches = await listSwitches(t.db, wurzen, 'test-service', engine.deps.services.get('test-service', 1)!);
    expect(switches.find((s) => s.id === 'test.broken')).toMatchObject({ kind: 'rule', enabledByDefault: false, enabled: true });
    expect(switches.find((s) => s.id === 'auto-receipt')).toMatchObject({ kind: 'automation', enabledByDefault: true, enabled: true });
    // Bennewitz has not switched it on.
    expect((await listSwitches(t.db, bennewitz, 'test-service', engine.deps.services.get('test-service', 1)!)).find((s) => s.id === 'test.broken')?.enabled).toBe(false);
  });
});
