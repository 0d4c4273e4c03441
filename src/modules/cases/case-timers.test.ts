import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine, type FixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { applyTransition } from './apply-transition.js';
import { fireTimer } from './case-timers.js';

describe('workflow timers', () => {
  let t: TestDatabase;
  let engine: FixtureEngine;
  let wurzen: string;
  let bennewitz: string;
  // Monday 9 November 2026; ten working days later (Buß- und Bettag skipped) is Tuesday 24 November.
  const now = new Date('2026-11-09T09:00:00Z');
  const due = new Date('2026-11-24T22:59:59.999Z');
  const after = new Date('2026-11-25T07:00:00Z');
  const caseworker = { kind: 'caseworker' as const, id: 'staff-1' };

  beforeAll(async () => {
    t = await createTestDatabase();
    engine = fixtureEngine(t.db);
    wurzen = await tenantIdOf(t.db, 'wurzen');
    bennewitz = await tenantIdOf(t.db, 'bennewitz');
  });
  afterAll(async () => {
    await t?.drop();
  });

  const timers = (caseId: string) => t.db.withTenant(wurzen, (trx) => trx.selectFrom('case_timers').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute());
  const events = (caseId: string) => t.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute());

  /** A case waiting for the applicant's answer, with its answer timer armed; returns case and timer ids. */
  async function caseAwaitingAnswer(): Promise<{ caseId: string; timerId: string }> {
    const caseId = await insertTestCase(t.db, wurzen, { data: { age: 16 } });
    await applyTransition(engine.deps, {
      tenantId: wurzen,
      caseId,
      transitionId: 'request-information',
      actor: caseworker,
      expectedVersion: 1,
      input: { reason: 'Bitte laden Sie die Zustimmung der Eltern hoch.' },
      now,
    });
    const invocation = engine.sink.invocations.find((i) => i.caseId === caseId && i.effect.effect === 'startTimer');
    expect(invocation?.timer).toMatchObject({ name: 'answer-due', dueAt: due, after: { workingDays: 10 } });
    return { caseId, timerId: invocation?.timer?.id ?? '' };
  }

  it('arms the timer in the state entered, with its due time from the calendar', async () => {
    const { caseId, timerId } = await caseAwaitingAnswer();
    expect(await timers(caseId)).toMatchObject([{ id: timerId, name: 'answer-due', state: 'information-requested', status: 'armed', due_at: due, armed_by: 'request-information' }]);
  });

  it('fires once when due, and a repeated or early job does nothing', async () => {
    const { caseId, timerId } = await caseAwaitingAnswer();
    expect(await fireTimer(engine.deps, { tenantId: wurzen, timerId, now: new Date('2026-11-24T12:00:00Z') })).toEqual({ fired: false, reason: 'not-due' });

    const first = await fireTimer(engine.deps, { tenantId: wurzen, timerId, now: after });
    expect(first.fired).toBe(true);
    expect(first.fired && first.result).toMatchObject({ state: 'in-review', version: 3, steps: [{ transition: 'answer-overdue', actor: 'timer', from: 'information-requested', to: 'in-review' }] });
    const second = await fireTimer(engine.deps, { tenantId: wurzen, timerId, now: after });
    expect(second).toEqual({ fired: false, reason: 'settled' });

    const transitions = (await events(caseId)).filter((e) => e.type === 'transition');
    expect(transitions.map((e) => `${e.actor_kind}:${(e.data as { transition: string }).transition}`)).toEqual(['caseworker:request-information', 'timer:answer-overdue']);
    expect(transitions[1]?.data).toMatchObject({ timer: 'answer-due', timerId });
    expect((await timers(caseId))[0]).toMatchObject({ status: 'fired', settled_at: after });
  });

  it('does nothing for a timer whose state was left before it ran out', async () => {
    const { caseId, timerId } = await caseAwaitingAnswer();
    await applyTransition(engine.deps, { tenantId: wurzen, caseId, transitionId: 'answer', actor: { kind: 'citizen' }, expectedVersion: 2, now });
    expect((await timers(caseId))[0]).toMatchObject({ status: 'cancelled' });
    expect(await fireTimer(engine.deps, { tenantId: wurzen, timerId, now: after })).toEqual({ fired: false, reason: 'settled' });
    expect((await events(caseId)).filter((e) => e.actor_kind === 'timer')).toEqual([]);
  });

  it('re-arming a timer replaces the running one', async () => {
    const { caseId, timerId } = await caseAwaitingAnswer();
    await applyTransition(engine.deps, { tenantId: wurzen, caseId, transitionId: 'answer', actor: { kind: 'citizen' }, expectedVersion: 2, now });
    await applyTransition(engine.deps, {
      tenantId: wurzen,
      caseId,
      transitionId: 'request-information',
      actor: caseworker,
      expectedVersion: 3,
      input: { reason: 'Die Zustimmung fehlt weiterhin, bitte nachreichen.' },
      now: after,
    });
    const all = await timers(caseId);
    expect(all.map((x) => x.status)).toEqual(['cancelled', 'armed']);
    expect(all[1]?.id).not.toBe(timerId);
  });

  it('does nothing when the case left the timer’s state by a path that did not cancel it', async () => {
    const { caseId, timerId } = await caseAwaitingAnswer();
    await t.db.withTenant(wurzen, (trx) => trx.updateTable('cases').set({ state: 'in-review' }).where('id', '=', caseId).execute());
    expect(await fireTimer(engine.deps, { tenantId: wurzen, timerId, now: after })).toEqual({ fired: false, reason: 'state-left' });
    expect((await timers(caseId))[0]).toMatchObject({ status: 'cancelled' });
  });

  it('skips a timer whose transition the guard refuses, and records why', async () => {
    const { caseId, timerId } = await caseAwaitingAnswer();
    const paused = fixtureEngine(t.db, { settings: { reminders: { paused: true } } });
    expect(await fireTimer(paused.deps, { tenantId: wurzen, timerId, now: after })).toEqual({ fired: false, reason: 'refused' });
    expect(await fireTimer(engine.deps, { tenantId: wurzen, timerId, now: after })).toEqual({ fired: false, reason: 'settled' });
    const skipped = (await events(caseId)).filter((e) => e.type === 'timer.skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.data).toMatchObject({ timer: 'answer-due', reasons: [{ de: 'Die Einstellung „reminders.paused“ der Kommune erfüllt die Voraussetzung nicht.' }] });
    expect((await timers(caseId))[0]).toMatchObject({ status: 'skipped' });
  });

  it('finds no timer of another municipality', async () => {
    const { caseId, timerId } = await caseAwaitingAnswer();
    expect(await fireTimer(engine.deps, { tenantId: bennewitz, timerId, now: after })).toEqual({ fired: false, reason: 'not-found' });
    expect(await fireTimer(engine.deps, { tenantId: wurzen, timerId: 'nonsense', now: after })).toEqual({ fired: false, reason: 'not-found' });
    expect((await timers(caseId))[0]).toMatchObject({ status: 'armed' });
  });
});
