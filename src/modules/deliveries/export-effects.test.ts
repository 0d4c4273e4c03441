import { buffer } from 'node:stream/consumers';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { caseEventsOf, configureTestChannel } from '../../../test/support/delivery-kit.js';
import { TestClock } from '../../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { EffectInvocation } from '../../definitions/workflow/effects.js';
import { createJobQueue, type JobQueue } from '../../platform/jobs/job-queue.js';
import { createMemoryStorage } from '../../platform/storage/demo-storage.js';
import { runAutomaticTransitions } from '../cases/apply-transition.js';
import { createRecordingEffectSink } from '../cases/effect-sinks.js';
import { evaluateRules } from '../cases/evaluate-rules.js';
import { createExportBuilderRegistry, createExportEffectSink, exportEffectHandlers, type ExportBuilder } from './export-effects.js';
import { findCaseDeliveries } from './find-deliveries.js';
import { sendDeliveryJob } from './send-delivery-job.js';

/** A stand-in for a standard's exporter: the IHK always, the HWK for crafts. */
const demoExporter: ExportBuilder = {
  id: 'xgewerbeanzeige',
  async recipients(_trx, caseRow) {
    const craft = String(caseRow.data.activity ?? '').includes('Bäckerei');
    return [{ id: 'ihk', displayName: 'IHK zu Leipzig', channelId: 'ihk-ablage' }, ...(craft ? [{ id: 'hwk', displayName: 'Handwerkskammer zu Leipzig', channelId: 'hwk-ablage' }] : [])];
  },
  async build(caseRow, recipient) {
    return { bytes: Buffer.from(`<nachricht empfaenger="${recipient.id}">${caseRow.reference}</nachricht>`), mediaType: 'application/xml', filename: `GewA1-${caseRow.reference}-${recipient.id}.xml` };
  },
};

describe('enqueueExport: one delivery per recipient, with the transition', () => {
  let t: TestDatabase;
  let queue: JobQueue;
  let wurzen: string;
  const storage = createMemoryStorage();
  const clock = new TestClock(new Date('2026-11-16T09:00:00Z'));
  const exporters = createExportBuilderRegistry([demoExporter]);
  const sink = () => createExportEffectSink({ queue, storage, exporters }, createRecordingEffectSink());
  const invocation = (caseId: string, params: { exporter: string; recipient?: string }): EffectInvocation => ({
    tenantId: wurzen,
    caseId,
    caseVersion: 3,
    transitionId: 'transmit',
    from: 'confirmed',
    to: 'closed',
    actor: { kind: 'system' },
    at: clock.now(),
    effect: { effect: 'enqueueExport', params },
  });
  const queuedFor = async (caseId: string) => {
    const jobs = await queue.boss.fetch<{ deliveryId: string }>(sendDeliveryJob.name, { batchSize: 100 });
    const ids = new Set((await findCaseDeliveries(t.db, wurzen, caseId)).map((d) => d.id));
    return jobs.filter((j) => ids.has(j.data.deliveryId)).length;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    queue = await createJobQueue(t.db, { jobs: [sendDeliveryJob], log: pino({ level: 'silent' }) });
    wurzen = await tenantIdOf(t.db, 'wurzen');
    await configureTestChannel(t.db, wurzen, { id: 'ihk-ablage', displayName: 'IHK-Ablage', channelType: 'file-drop', options: { folder: 'ihk' } });
    await configureTestChannel(t.db, wurzen, { id: 'hwk-ablage', displayName: 'HWK-Ablage', channelType: 'file-drop', options: { folder: 'hwk' } });
  });
  afterAll(async () => {
    await queue?.stop();
    await t?.drop();
  });

  it('a system transition with enqueueExport creates a queued delivery per applicable recipient, with payload, event and job', async () => {
    const { deps } = fixtureEngine(t.db, { effects: sink() });
    const caseId = await insertTestCase(t.db, wurzen, { data: { companyName: 'Groß & Söhne', age: 40, activity: 'Bäckerei und Konditorei' } });
    await evaluateRules(deps, { tenantId: wurzen, caseId, now: clock.now() });
    await runAutomaticTransitions(deps, { tenantId: wurzen, caseId, now: clock.now() });

    const deliveries = await findCaseDeliveries(t.db, wurzen, caseId);
    // Created together, listed by recipient name.
    expect(deliveries.map((d) => [d.recipient.id, d.channel.id, d.status])).toEqual([
      ['hwk', 'hwk-ablage', 'queued'],
      ['ihk', 'ihk-ablage', 'queued'],
    ]);
    const reference = (await t.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow())).reference;
    const stored = await t.db.withTenant(wurzen, (trx) => trx.selectFrom('deliveries').select(['payload_key', 'origin_key']).where('case_id', '=', caseId).orderBy('recipient_name').execute());
    expect(stored.map((s) => s.origin_key)).toEqual([`export:xgewerbeanzeige:${caseId}:transmit@3:hwk`, `export:xgewerbeanzeige:${caseId}:transmit@3:ihk`]);
    expect((await buffer(await storage.get(stored[0]!.payload_key))).toString()).toBe(`<nachricht empfaenger="hwk">${reference}</nachricht>`);
    expect(deliveries[0]!.payload.filename).toBe(`GewA1-${reference}-hwk.xml`);
    expect((await caseEventsOf(t.db, wurzen, caseId)).map((e) => e.type)).toEqual(['delivery.queued', 'delivery.queued']);
    expect(await queuedFor(caseId)).toBe(2);
  });

  it('replaying the same effect creates nothing new; a named recipient narrows the export', async () => {
    const caseId = await insertTestCase(t.db, wurzen, { data: { activity: 'Bäckerei' } });
    await t.db.withTenant(wurzen, (trx) => sink().run(trx, invocation(caseId, { exporter: 'xgewerbeanzeige', recipient: 'hwk' })));
    await t.db.withTenant(wurzen, (trx) => sink().run(trx, invocation(caseId, { exporter: 'xgewerbeanzeige', recipient: 'hwk' })));
    expect((await findCaseDeliveries(t.db, wurzen, caseId)).map((d) => d.recipient.id)).toEqual(['hwk']);
    await t.db.withTenant(wurzen, (trx) => exportEffectHandlers({ queue, storage, exporters }).enqueueExport(trx, invocation(caseId, { exporter: 'xgewerbeanzeige' })));
    expect((await findCaseDeliveries(t.db, wurzen, caseId)).map((d) => d.recipient.id).sort()).toEqual(['hwk', 'ihk']);
  });

  it('leaves no delivery when the transition rolls back, and fails the transition for an unknown exporter', async () => {
    const caseId = await insertTestCase(t.db, wurzen, { data: { activity: 'Handel' } });
    await expect(
      t.db.withTenant(wurzen, async (trx) => {
        await sink().run(trx, invocation(caseId, { exporter: 'xgewerbeanzeige' }));
        throw new Error('later effect failed');
      }),
    ).rejects.toThrow('later effect failed');
    expect(await findCaseDeliveries(t.db, wurzen, caseId)).toEqual([]);
    expect(await queuedFor(caseId)).toBe(0);
    await expect(t.db.withTenant(wurzen, (trx) => sink().run(trx, invocation(caseId, { exporter: 'xgewerbeordnung' })))).rejects.toThrow(
      'no export builder "xgewerbeordnung" is registered (known: xgewerbeanzeige)',
    );
  });

  it('passes other effects on to the next sink', async () => {
    const next = createRecordingEffectSink();
    const caseId = await insertTestCase(t.db, wurzen);
    const other: EffectInvocation = { ...invocation(caseId, { exporter: 'x' }), effect: { effect: 'sendMessage', params: { template: 'received', to: 'applicant' } } };
    await t.db.withTenant(wurzen, (trx) => createExportEffectSink({ queue, storage, exporters }, next).run(trx, other));
    expect(next.invocations).toEqual([other]);
    expect(() => createExportBuilderRegistry([demoExporter, demoExporter])).toThrow('registered twice');
  });
});
