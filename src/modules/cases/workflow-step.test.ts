import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { loadWorkflow } from '../../definitions/workflow/load-workflow.js';
import { applyTransition, runAutomaticTransitions } from './apply-transition.js';
import { MAX_AUTOMATIC_STEPS } from './case-engine.js';

describe('workflow steps', () => {
  let t: TestDatabase;
  let wurzen: string;
  const now = new Date('2026-11-16T09:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    wurzen = await tenantIdOf(t.db, 'wurzen');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('stops a loop of system transitions at the step limit', async () => {
    const named = (id: string) => ({ id, applicantName: { de: id, en: id }, staffName: { de: id, en: id } });
    const step = (id: string, from: string, to: string) => ({ id, name: { de: id, en: id }, from: [from], to, actor: 'system' });
    const workflow = loadWorkflow(
      { format: 'rathaus.workflow/1', initial: 'ping', states: [named('ping'), named('pong')], transitions: [step('to-pong', 'ping', 'pong'), step('to-ping', 'pong', 'ping')] },
      'inline/loop.json',
    );
    const { deps } = fixtureEngine(t.db);
    const id = await insertTestCase(t.db, wurzen, { state: 'ping' });
    const result = await runAutomaticTransitions({ ...deps, services: { get: () => ({ workflow }) } }, { tenantId: wurzen, caseId: id, now });
    expect(result.steps).toHaveLength(MAX_AUTOMATIC_STEPS);
    expect(result).toMatchObject({ automationLimitReached: true, version: MAX_AUTOMATIC_STEPS + 1, state: 'ping' });
  });

  it('counts the municipality’s own closing days as non-working days', async () => {
    await t.db.withTenant(wurzen, (trx) =>
      trx
        .insertInto('tenant_closing_days')
        .values([
          { tenant_id: wurzen, day: '2026-11-19', reason: JSON.stringify({ de: 'Betriebsausflug', en: 'Staff outing' }) },
          { tenant_id: wurzen, day: '2026-11-20', reason: null },
        ])
        .execute(),
    );
    const { deps } = fixtureEngine(t.db);
    const id = await insertTestCase(t.db, wurzen, { data: {} });
    // Three working days from Monday 16 Nov: Tue 17; Buß- und Bettag, two closing days and the weekend pass; Mon 23, Tue 24.
    const result = await applyTransition(deps, { tenantId: wurzen, caseId: id, transitionId: 'take-over', actor: { kind: 'caseworker', id: 'x' }, expectedVersion: 1, now });
    expect(result.dueAt?.toISOString()).toBe('2026-11-24T22:59:59.999Z');
  });
});
