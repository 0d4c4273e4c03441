import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine, loadFixtureRuntime } from '../../../test/support/case-engine-fixture.js';
import { refusal } from '../../../test/support/app-errors.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { AppError } from '../../platform/errors/app-error.js';
import { applyTransition, runAutomaticTransitions, type ApplyTransitionCommand } from './apply-transition.js';
import { findAvailableTransitions } from './available-transitions.js';
import { createWorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import { ConcurrentModificationError } from './case-engine.js';
import { initialStateOf } from './case-deadlines.js';
import { createFailingEffectSink } from './effect-sinks.js';
import { evaluateRules } from './evaluate-rules.js';
import { setSwitch } from './rule-switches.js';

describe('applying workflow transitions', () => {
  let t: TestDatabase;
  let wurzen: string;
  let bennewitz: string;
  // Monday 16 November 2026, 10:00 in Berlin; Buß- und Bettag is on Wednesday.
  const now = new Date('2026-11-16T09:00:00Z');
  const caseworker = { kind: 'caseworker' as const, id: '00000000-0000-4000-8000-000000000001' };
  const saxony = createWorkingDayCalendar({ land: 'SN' });

  beforeAll(async () => {
    t = await createTestDatabase();
    wurzen = await tenantIdOf(t.db, 'wurzen');
    bennewitz = await tenantIdOf(t.db, 'bennewitz');
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function newCase(data: Record<string, unknown>, tenantId = wurzen): Promise<string> {
    const id = await insertTestCase(t.db, tenantId, { data });
    await t.db.withTenant(tenantId, (trx) => trx.updateTable('cases').set({ submitted_at: now }).where('id', '=', id).execute());
    return id;
  }
  const caseRow = (id: string, tenantId = wurzen) => t.db.withTenant(tenantId, (trx) => trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const events = (id: string) => t.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('seq').execute());
  const mails = (id: string) => t.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').select('template').where('case_id', '=', id).execute());

  it('finishes a case without findings through system transitions alone', async () => {
    const { deps, sink } = fixtureEngine(t.db);
    const id = await newCase({ companyName: 'Bäckerei Jörg Müller', age: 40, activity: 'Bäckerei' });

    // Before the rules ran, "no blocking findings" does not hold yet: nothing happens.
    expect((await runAutomaticTransitions(deps, { tenantId: wurzen, caseId: id, now })).steps).toEqual([]);

    const evaluation = await evaluateRules(deps, { tenantId: wurzen, caseId: id, now });
    expect(evaluation.counts).toEqual({ info: 0, warning: 0, blocking: 0 });
    const result = await runAutomaticTransitions(deps, { tenantId: wurzen, caseId: id, now });
    expect(result.steps.map((s) => `${s.actor}:${s.transition}:${s.to}`)).toEqual(['system:issue-receipt:confirmed', 'system:transmit:closed']);
    expect(result).toMatchObject({ state: 'closed', version: 3, automationLimitReached: false });

    const row = await caseRow(id);
    expect(row.closed_at?.toISOString()).toBe(now.toISOString());
    expect(row.due_at).toBeNull();
    const history = await events(id);
    expect(history.map((e) => `${e.actor_kind}:${e.type}`)).toEqual(['system:rules.evaluated', 'system:transition', 'system:transition']);
    expect(history[1]?.data).toMatchObject({ transition: 'issue-receipt', from: 'submitted', to: 'confirmed', automatic: true, effects: ['generateDocument', 'sendMessage'] });
    expect(sink.invocations.map((i) => i.effect.effect)).toEqual(['generateDocument', 'sendMessage', 'enqueueExport']);
    expect(sink.invocations[0]).toMatchObject({ caseId: id, tenantId: wurzen, transitionId: 'issue-receipt', caseVersion: 2, effect: { params: { template: 'receipt', release: true } } });
    expect(await mails(id)).toEqual([{ template: 'received' }]);
  });

  it('keeps a case with a blocking finding waiting, and shows the caseworker why it cannot be confirmed', async () => {
    const { deps } = fixtureEngine(t.db);
    const id = await newCase({ companyName: 'Minor Ltd', age: 16, activity: 'Handel' });
    const evaluation = await evaluateRules(deps, { tenantId: wurzen, caseId: id, now });
    expect(evaluation.counts.blocking).toBe(1);
    expect((await runAutomaticTransitions(deps, { tenantId: wurzen, caseId: id, now })).steps).toEqual([]);
    expect(await caseRow(id)).toMatchObject({ state: 'submitted', version: 1 });

    const available = await findAvailableTransitions(deps, { tenantId: wurzen, caseId: id, actor: 'caseworker' });
    expect(available).toMatchObject({ state: 'submitted', version: 1 });
    const confirm = available.transitions.find((x) => x.id === 'confirm');
    expect(confirm).toMatchObject({ allowed: false, confirm: { de: 'Empfangsbescheinigung jetzt ausstellen?' } });
    expect(confirm?.reasons[0]?.de).toBe('Bitte klären Sie zuerst die blockierenden Prüfhinweise, z. B. mit einer Nachforderung.');
    expect(available.transitions.filter((x) => x.allowed).map((x) => x.id)).toEqual(['take-over', 'request-information', 'reject']);
    expect((await findAvailableTransitions(deps, { tenantId: wurzen, caseId: id, actor: 'citizen' })).transitions.map((x) => x.id)).toEqual(['withdraw']);

    const error = await refusal(applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId: 'confirm', actor: caseworker, expectedVersion: 1, now }));
    expect(error.code).toBe('case.transition_guard_failed');
    expect(error.status).toBe(409);
    expect(error.fieldErrors[0]?.message.de).toMatch(/blockierenden Prüfhinweise/);
  });

  it('computes state deadlines with the Saxon calendar', async () => {
    const { deps } = fixtureEngine(t.db);
    const workflow = loadFixtureRuntime().workflow;
    // § 15 Abs. 1 GewO, 3 days from the submission: Monday → Thursday; Wednesday → Saturday → Monday.
    expect(initialStateOf(workflow, saxony, now).dueAt?.toISOString()).toBe('2026-11-19T22:59:59.999Z');
    expect(initialStateOf(workflow, saxony, new Date('2026-11-11T09:00:00Z'))).toEqual({ state: 'submitted', dueAt: new Date('2026-11-16T22:59:59.999Z') });

    const id = await newCase({ age: 16 });
    // In review: 3 working days from entering, Buß- und Bettag (18 Nov) not counted → Friday 20 Nov.
    const review = await applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId: 'take-over', actor: caseworker, expectedVersion: 1, now });
    expect(review.dueAt?.toISOString()).toBe('2026-11-20T22:59:59.999Z');
    expect((await caseRow(id)).due_at?.toISOString()).toBe('2026-11-20T22:59:59.999Z');
    // A state without a deadline clears it.
    const asked = await applyTransition(deps, {
      tenantId: wurzen,
      caseId: id,
      transitionId: 'request-information',
      actor: caseworker,
      expectedVersion: 2,
      input: { reason: 'Bitte reichen Sie die Zustimmung der Eltern ein.', answerBy: '2026-12-01' },
      now,
    });
    expect(asked).toMatchObject({ state: 'information-requested', dueAt: null });
  });

  it('lets exactly one of two concurrent transitions win', async () => {
    const { deps } = fixtureEngine(t.db);
    const id = await newCase({ age: 16 });
    const command = (transitionId: string): ApplyTransitionCommand => ({
      tenantId: wurzen,
      caseId: id,
      transitionId,
      actor: caseworker,
      expectedVersion: 1,
      input: transitionId === 'reject' ? { reason: 'Die Anzeige ist offensichtlich unvollständig.' } : {},
      now,
    });
    const outcomes = await Promise.allSettled([applyTransition(deps, command('take-over')), applyTransition(deps, command('reject'))]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(ConcurrentModificationError);
    expect((lost[0]?.reason as AppError).code).toBe('case.concurrent_modification');
    expect((lost[0]?.reason as AppError).status).toBe(409);
    const transitions = (await events(id)).filter((e) => e.type === 'transition');
    expect(transitions).toHaveLength(1);
    expect((await caseRow(id)).version).toBe(2);
  });

  it('refuses a stale version even for a transition that would be possible', async () => {
    const { deps } = fixtureEngine(t.db);
    const id = await newCase({ age: 16 });
    await applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId: 'take-over', actor: caseworker, expectedVersion: 1, now });
    const error = await refusal(
      applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId: 'reject', actor: caseworker, expectedVersion: 1, input: { reason: 'x'.repeat(30) }, now }),
    );
    expect(error).toBeInstanceOf(ConcurrentModificationError);
  });

  it('refuses the wrong actor, the wrong state and unknown transitions with distinct errors', async () => {
    const { deps } = fixtureEngine(t.db);
    const id = await newCase({ age: 16 });
    const attempt = (transitionId: string, actor: ApplyTransitionCommand['actor']) =>
      refusal(applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId, actor, expectedVersion: 1, input: {}, now }));
    expect((await attempt('reject', { kind: 'citizen' })).code).toBe('case.transition_forbidden');
    expect((await attempt('issue-receipt', caseworker)).code).toBe('case.transition_forbidden');
    expect((await attempt('answer', { kind: 'citizen' })).code).toBe('case.transition_not_available');
    expect((await attempt('approve-everything', caseworker)).code).toBe('case.transition_unknown');
    expect((await events(id)).filter((e) => e.type === 'transition')).toEqual([]);
  });

  it('checks the required input and names the field in German and English', async () => {
    const { deps } = fixtureEngine(t.db);
    const id = await newCase({ age: 16 });
    const reject = (input: Record<string, unknown>) =>
      refusal(applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId: 'reject', actor: caseworker, expectedVersion: 1, input, now }));

    const missing = await reject({});
    expect(missing.code).toBe('validation.failed');
    expect(missing.fieldErrors).toEqual([{ path: 'reason', message: { de: 'Bitte geben Sie „Begründung“ an.', en: 'Please enter “Reason”.' } }]);
    expect((await reject({ reason: '   zu kurz  ' })).fieldErrors[0]?.message.de).toBe('„Begründung“ muss mindestens 20 Zeichen lang sein.');
    expect((await reject({ reason: 'x'.repeat(30), extra: 'y' })).fieldErrors).toEqual([
      { path: 'extra', message: { de: 'Die Angabe „extra“ ist bei diesem Schritt nicht vorgesehen.', en: 'The entry “extra” is not expected for this step.' } },
    ]);

    const reason = '<script>alert(1)</script> Die Tätigkeit ist nicht anzeigepflichtig.';
    const result = await applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId: 'reject', actor: caseworker, expectedVersion: 1, input: { reason }, now });
    expect(result).toMatchObject({ state: 'rejected', version: 2 });
    const event = (await events(id)).find((e) => e.type === 'transition');
    expect(event).toMatchObject({ actor_kind: 'caseworker', actor_id: caseworker.id, data: { transition: 'reject', from: 'submitted', to: 'rejected', input: { reason } } });
    expect((await caseRow(id)).closed_at?.toISOString()).toBe(now.toISOString());
  });

  it('rolls the transition back when an effect fails', async () => {
    const { deps } = fixtureEngine(t.db, { effects: createFailingEffectSink('generateDocument') });
    const id = await newCase({ age: 40 });
    await evaluateRules(deps, { tenantId: wurzen, caseId: id, now });
    await expect(runAutomaticTransitions(deps, { tenantId: wurzen, caseId: id, now })).rejects.toThrow(/generateDocument failed/);
    expect(await caseRow(id)).toMatchObject({ state: 'submitted', version: 1 });
    expect((await events(id)).map((e) => e.type)).toEqual(['rules.evaluated']);
    expect(await mails(id)).toEqual([]);
  });

  it('honours the tenant’s switches: automation off waits for a caseworker, a rule off lets the case through', async () => {
    const { deps } = fixtureEngine(t.db);
    await setSwitch(t.db, { tenantId: wurzen, serviceId: 'test-service', kind: 'automation', itemId: 'auto-receipt', enabled: false, now });
    try {
      const plain = await newCase({ age: 40 });
      await evaluateRules(deps, { tenantId: wurzen, caseId: plain, now });
      expect((await runAutomaticTransitions(deps, { tenantId: wurzen, caseId: plain, now })).steps).toEqual([]);
      const done = await applyTransition(deps, { tenantId: wurzen, caseId: plain, transitionId: 'confirm', actor: caseworker, expectedVersion: 1, now });
      // The caseworker's step is followed by the automatic transmission.
      expect(done.steps.map((s) => `${s.actor}:${s.transition}`)).toEqual(['caseworker:confirm', 'system:transmit']);
    } finally {
      await setSwitch(t.db, { tenantId: wurzen, serviceId: 'test-service', kind: 'automation', itemId: 'auto-receipt', enabled: true, now });
    }

    await setSwitch(t.db, { tenantId: wurzen, serviceId: 'test-service', kind: 'rule', itemId: 'test.minor-applicant', enabled: false, now });
    const minor = await newCase({ age: 16 });
    const evaluation = await evaluateRules(deps, { tenantId: wurzen, caseId: minor, now });
    expect(evaluation.skipped).toContain('test.minor-applicant');
    expect((await runAutomaticTransitions(deps, { tenantId: wurzen, caseId: minor, now })).state).toBe('closed');
    // Another municipality's switch does not touch this one's cases.
    const elsewhere = await newCase({ age: 16 }, bennewitz);
    expect((await evaluateRules(deps, { tenantId: bennewitz, caseId: elsewhere, now })).counts.blocking).toBe(1);
  });

  it('branches on tenant settings', async () => {
    const { deps } = fixtureEngine(t.db, { settings: { transmission: { paused: true } } });
    const id = await newCase({ age: 40, companyName: 'Paused GmbH' });
    await evaluateRules(deps, { tenantId: wurzen, caseId: id, now });
    expect((await runAutomaticTransitions(deps, { tenantId: wurzen, caseId: id, now })).state).toBe('confirmed');
  });

  it('finds nothing when a transition names another municipality’s case', async () => {
    const { deps } = fixtureEngine(t.db);
    const id = await newCase({ age: 16 });
    const error = await refusal(applyTransition(deps, { tenantId: bennewitz, caseId: id, transitionId: 'take-over', actor: caseworker, expectedVersion: 1, now }));
    expect(error.code).toBe('case.not_found');
    expect(error.status).toBe(404);
    expect((await refusal(findAvailableTransitions(deps, { tenantId: bennewitz, caseId: id, actor: 'caseworker' }))).code).toBe('case.not_found');
    expect((await refusal(evaluateRules(deps, { tenantId: bennewitz, caseId: id, now }))).code).toBe('case.not_found');
    expect((await refusal(runAutomaticTransitions(deps, { tenantId: bennewitz, caseId: id, now }))).code).toBe('case.not_found');
    expect((await refusal(applyTransition(deps, { tenantId: wurzen, caseId: 'not-a-uuid', transitionId: 'take-over', actor: caseworker, expectedVersion: 1, now }))).code).toBe('case.not_found');
    expect(await caseRow(id)).toMatchObject({ state: 'submitted', version: 1 });
  });
});
