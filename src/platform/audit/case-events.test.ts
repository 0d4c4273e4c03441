import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { appendCaseEvent, verifyCaseEventChain } from './case-events.js';

describe('case event chain', () => {
  let t: TestDatabase;
  let wurzen: string;
  let bennewitz: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    wurzen = await tenantIdOf(t.db, 'wurzen');
    bennewitz = await tenantIdOf(t.db, 'bennewitz');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('chains events per tenant and verifies them', async () => {
    const c1 = await insertTestCase(t.db, wurzen);
    const c2 = await insertTestCase(t.db, bennewitz);
    await t.db.withTenant(wurzen, async (trx) => {
      await appendCaseEvent(trx, wurzen, { caseId: c1, at: new Date(), actorKind: 'citizen', type: 'submitted', data: { note: 'Jörg Müller, 12 €' } });
      await appendCaseEvent(trx, wurzen, { caseId: c1, at: new Date(), actorKind: 'system', type: 'rules.evaluated' });
    });
    await t.db.withTenant(bennewitz, (trx) => appendCaseEvent(trx, bennewitz, { caseId: c2, at: new Date(), actorKind: 'citizen', type: 'submitted' }));
    expect(await verifyCaseEventChain(t.db, wurzen)).toEqual({ ok: true, checked: 2 });
    expect(await verifyCaseEventChain(t.db, bennewitz)).toEqual({ ok: true, checked: 1 });
  });

  it('keeps the chain linear under concurrent appends', async () => {
    const c = await insertTestCase(t.db, wurzen);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.db.withTenant(wurzen, (trx) => appendCaseEvent(trx, wurzen, { caseId: c, at: new Date(), actorKind: 'system', type: `step.${i}` }))),
    );
    const v = await verifyCaseEventChain(t.db, wurzen);
    expect(v.ok).toBe(true);
    expect(v.checked).toBe(14);
  });

  it('refuses UPDATE and DELETE for the application role', async () => {
    await expect(t.db.withTenant(wurzen, (trx) => trx.updateTable('case_events').set({ type: 'forged' }).where('tenant_id', '=', wurzen).execute())).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.db.withTenant(wurzen, (trx) => trx.deleteFrom('case_events').where('tenant_id', '=', wurzen).execute())).rejects.toThrow(/permission denied/);
  });

  it('names the first tampered event when the owner changes one', async () => {
    await t.db.asOwner(async (o) => {
      await o.exec('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await o.query(`UPDATE case_events SET data = '{"note":"changed"}' WHERE tenant_id = $1 AND seq = 1`, [wurzen]);
      await o.exec('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    const v = await verifyCaseEventChain(t.db, wurzen);
    expect(v.ok).toBe(false);
    expect(v.brokenAt).toMatchObject({ seq: 1, reason: 'hash' });
    // the other tenant's chain is untouched
    expect((await verifyCaseEventChain(t.db, bennewitz)).ok).toBe(true);
  });

  it('even the owner cannot update events while the trigger is on', async () => {
    await expect(t.db.asOwner((o) => o.query(`UPDATE case_events SET type = 'x' WHERE tenant_id = $1`, [bennewitz]))).rejects.toThrow(/append-only/);
  });
});
