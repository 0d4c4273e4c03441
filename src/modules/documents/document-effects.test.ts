import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocumentServices, testDocumentTemplates } from '../../../test/fixtures/documents/test-templates.js';
import { fixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { createStaff } from '../../../test/support/factories.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { TestClock } from '../../../test/support/test-app.js';
import { loadSettings } from '../../config/settings.js';
import type { EffectInvocation } from '../../definitions/workflow/effects.js';
import { createMailTransport } from '../../platform/mail/mail-transport.js';
import { createJobQueue, type JobQueue } from '../../platform/jobs/job-queue.js';
import type { JobContext } from '../../platform/jobs/job.js';
import { createMemoryStorage } from '../../platform/storage/demo-storage.js';
import { runAutomaticTransitions } from '../cases/apply-transition.js';
import { createFailingEffectSink, createRecordingEffectSink } from '../cases/effect-sinks.js';
import { evaluateRules } from '../cases/evaluate-rules.js';
import { createDocumentEffectSink } from './document-effects.js';
import { listCaseDocuments } from './document-queries.js';
import { generateCaseDocument } from './generate-document.js';
import { createServicePackages } from '../../definitions/service-package.js';
import { createGenerateDocumentJob, GENERATE_DOCUMENT_JOB, type GenerateDocumentJob } from './generate-document-job.js';

describe('document effects and the documents.generate job', () => {
  let t: TestDatabase;
  let queue: JobQueue;
  let job: GenerateDocumentJob;
  let wurzen: string;
  const storage = createMemoryStorage();
  const clock = new TestClock(new Date('2026-11-16T09:00:00Z'));
  const templates = testDocumentTemplates();

  beforeAll(async () => {
    t = await createTestDatabase();
    wurzen = await tenantIdOf(t.db, 'wurzen');
    job = createGenerateDocumentJob(templates, { logos: async () => undefined });
    queue = await createJobQueue(t.db, { jobs: [job], log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await queue?.stop();
    await t?.drop();
  });

  /** Takes the queued generate jobs of a case off the queue. */
  async function queuedFor(caseId: string) {
    const jobs = await queue.boss.fetch<Record<string, unknown>>(GENERATE_DOCUMENT_JOB, { batchSize: 50 });
    return jobs.filter((j) => j.data.caseId === caseId).map((j) => j.data);
  }
  // The services the handler reads; the rest of JobContext is not involved.
  const context = (): JobContext =>
    ({
      db: t.db,
      settings: loadSettings({ NODE_ENV: 'test', PUBLIC_BASE_URL: 'https://rathaus.example' }),
      clock,
      queue,
      log: pino({ level: 'silent' }),
      mail: createMailTransport({ from: 'test@example.org' }),
      storage,
      packages: createServicePackages([]),
      job: { id: 'direct', name: GENERATE_DOCUMENT_JOB, attempt: 1 },
    }) as Partial<JobContext> as JobContext;
  const events = (caseId: string) => t.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select(['type', 'actor_kind', 'actor_id']).where('case_id', '=', caseId).orderBy('seq').execute());

  it('queues generation with the transition, and the job (run twice) makes and releases one document', async () => {
    const { deps } = fixtureEngine(t.db, { effects: createDocumentEffectSink({ queue, templates }, createRecordingEffectSink()) });
    const caseId = await insertTestCase(t.db, wurzen, { applicantName: 'Änne Groß', data: { companyName: 'Groß & Söhne', age: 40, activity: 'Bäckerei' } });
    await evaluateRules(deps, { tenantId: wurzen, caseId, now: clock.now() });
    await runAutomaticTransitions(deps, { tenantId: wurzen, caseId, now: clock.now() });

    const payloads = await queuedFor(caseId);
    expect(payloads).toEqual([{ tenantId: wurzen, caseId, templateId: 'receipt', release: true }]);
    await job.handler(payloads[0] as never, context());
    await job.handler(payloads[0] as never, context());

    const docs = await t.db.withTenant(wurzen, (trx) => listCaseDocuments(trx, wurzen, caseId));
    expect(docs).toMatchObject([{ kind: 'receipt', version: 1, status: 'valid' }]);
    expect(storage.keys()).toContain(docs[0]!.storageKey);
    expect((await events(caseId)).filter((e) => e.type.startsWith('document.'))).toEqual([
      { type: 'document.generated', actor_kind: 'system', actor_id: null },
      { type: 'document.released', actor_kind: 'system', actor_id: null },
    ]);
  });

  it('queues nothing when the transition rolls back', async () => {
    const { deps } = fixtureEngine(t.db, { effects: createDocumentEffectSink({ queue, templates }, createFailingEffectSink('sendMessage')) });
    const caseId = await insertTestCase(t.db, wurzen, { data: { companyName: 'Rollback GmbH', age: 40, activity: 'Handel' } });
    await evaluateRules(deps, { tenantId: wurzen, caseId, now: clock.now() });
    await expect(runAutomaticTransitions(deps, { tenantId: wurzen, caseId, now: clock.now() })).rejects.toThrow(/sendMessage failed/);
    expect(await queuedFor(caseId)).toEqual([]);
  });

  it('fails the transition when the workflow names a template the service lacks', async () => {
    const sink = createDocumentEffectSink({ queue, templates }, createRecordingEffectSink());
    const caseId = await insertTestCase(t.db, wurzen);
    const invocation = effect(caseId, { effect: 'generateDocument', params: { template: 'rejection' } });
    await expect(t.db.withTenant(wurzen, (trx) => sink.run(trx, invocation))).rejects.toThrow('No document template "rejection" is registered for service "test-service"');
  });

  it('releaseDocument releases the newest existing document at once, as the acting caseworker', async () => {
    const caseworker = await createStaff(t.db, { tenantSlug: 'wurzen' });
    const sink = createDocumentEffectSink({ queue, templates }, createRecordingEffectSink());
    const caseId = await insertTestCase(t.db, wurzen, { data: { betrag: 5000 } });
    const { document } = await generateCaseDocument(testDocumentServices(t.db, { clock }), { tenantId: wurzen, caseId, templateId: 'test-notice' });
    const invocation = effect(caseId, { effect: 'releaseDocument', params: { template: 'test-notice' } }, { kind: 'caseworker', id: caseworker.id });
    await t.db.withTenant(wurzen, (trx) => sink.run(trx, invocation));
    const [doc] = await t.db.withTenant(wurzen, (trx) => listCaseDocuments(trx, wurzen, caseId));
    expect(doc).toMatchObject({ id: document.id, status: 'valid', releasedBy: caseworker.id });
    expect(await queuedFor(caseId)).toEqual([]);
  });

  it('releaseDocument before any document exists queues a generation with release, attributed to the caseworker', async () => {
    const caseworker = await createStaff(t.db, { tenantSlug: 'wurzen' });
    const sink = createDocumentEffectSink({ queue, templates }, createRecordingEffectSink());
    const caseId = await insertTestCase(t.db, wurzen, { data: { betrag: 5000 } });
    await t.db.withTenant(wurzen, (trx) => sink.run(trx, effect(caseId, { effect: 'releaseDocument', params: { template: 'test-notice' } }, { kind: 'caseworker', id: caseworker.id })));
    const payloads = await queuedFor(caseId);
    expect(payloads).toEqual([{ tenantId: wurzen, caseId, templateId: 'test-notice', release: true, requestedBy: caseworker.id }]);
    await job.handler(payloads[0] as never, context());
    const [doc] = await t.db.withTenant(wurzen, (trx) => listCaseDocuments(trx, wurzen, caseId));
    expect(doc).toMatchObject({ status: 'valid', createdBy: caseworker.id, releasedBy: caseworker.id });
  });

  function effect(caseId: string, spec: EffectInvocation['effect'], actor: EffectInvocation['actor'] = { kind: 'system' }): EffectInvocation {
    return { tenantId: wurzen, caseId, caseVersion: 2, transitionId: 'approve', from: 'submitted', to: 'confirmed', actor, at: clock.now(), effect: spec };
  }
});
