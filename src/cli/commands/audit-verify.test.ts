import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRunner } from '../../../test/support/cli-runner.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { CliUsageError } from '../command.js';
import { auditVerifyCommand } from './audit-verify.js';

describe('rathaus audit verify', () => {
  let ctx: TestContext;
  let cli: CliRunner;
  let wurzen: string;
  let bennewitz: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    cli = new CliRunner(ctx);
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function events(tenantId: string, n: number): Promise<{ caseId: string; reference: string }> {
    const caseId = await insertTestCase(ctx.db, tenantId);
    return ctx.db.withTenant(tenantId, async (trx) => {
      for (let i = 0; i < n; i++) await appendCaseEvent(trx, tenantId, { caseId, at: new Date(), actorKind: 'system', type: `step.${i}`, data: { note: 'Prüfung für Jörg' } });
      const row = await trx.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow();
      return { caseId, reference: row.reference };
    });
  }
  /** Changes stored events as the database owner would: the append-only trigger off, the change, the trigger on. */
  const tamper = (statement: string, params: unknown[]) =>
    ctx.db.asOwner(async (o) => {
      await o.exec('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await o.query(statement, params);
      await o.exec('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });

  it('reports OK with the number of events for every municipality', async () => {
    await events(wurzen, 3);
    await events(bennewitz, 2);
    expect(await cli.run(auditVerifyCommand, [])).toBe(0);
    expect(cli.lines).toContain('wurzen: OK, 3 events');
    expect(cli.lines).toContain('bennewitz: OK, 2 events');
    expect(cli.lines).toContain('lossatal: OK, 0 events');
    expect(await cli.run(auditVerifyCommand, ['--tenant', 'bennewitz'])).toBe(0);
    expect(cli.lines).toEqual(['bennewitz: OK, 2 events']);
  });

  it('names the first changed event with its case reference and exits 1; other municipalities stay OK', async () => {
    const { reference } = await events(wurzen, 2);
    await tamper(`UPDATE case_events SET data = '{"note":"geändert"}' WHERE tenant_id = $1 AND seq = 4`, [wurzen]);
    expect(await cli.run(auditVerifyCommand, [])).toBe(1);
    expect(cli.lines).toContain(`wurzen: BROKEN at event 4 (case ${reference}): its content no longer matches its hash (the event was changed); the 3 events before it are intact`);
    expect(cli.lines).toContain('bennewitz: OK, 2 events');
    expect(await cli.run(auditVerifyCommand, ['--tenant', 'bennewitz'])).toBe(0);
  });

  it('names a removed event', async () => {
    const { reference } = await events(bennewitz, 2);
    await tamper('DELETE FROM case_events WHERE tenant_id = $1 AND seq = 3', [bennewitz]);
    expect(await cli.run(auditVerifyCommand, ['--tenant', 'bennewitz'])).toBe(1);
    expect(cli.lines).toEqual([`bennewitz: BROKEN at event 3 (next event: case ${reference}): this sequence number is missing (an event was removed); the 2 events before it are intact`]);
  });

  it('refuses an unknown municipality and unknown options', async () => {
    await expect(cli.run(auditVerifyCommand, ['--tenant', 'atlantis'])).rejects.toThrow(new CliUsageError('There is no municipality "atlantis" (see "rathaus tenant list")'));
    await expect(cli.run(auditVerifyCommand, ['--tenant'])).rejects.toThrow(CliUsageError);
    await expect(cli.run(auditVerifyCommand, ['--all'])).rejects.toThrow('Unknown option: --all');
  });
});
