import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePackages, offerOnline } from '../../../test/support/service-fixtures.js';
import { createTestContext, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { createMailTransport } from '../../platform/mail/mail-transport.js';
import type { JobContext } from '../../platform/jobs/job.js';
import { caseMessageJob, processSubmissionJob } from './case-jobs.js';
import { setSwitch } from './rule-switches.js';

describe('case jobs', () => {
  let ctx: TestContext;
  let wurzen: string;
  const clock = new TestClock(new Date('2026-11-28T09:00:00Z'));
  const packages = fixturePackages();

  beforeAll(async () => {
    ctx = await createTestContext({ packages, clock });
    await offerOnline(ctx.db, 'sperrmuell', ['wurzen']);
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const services = (name: string): JobContext => ({
    db: ctx.db,
    settings: ctx.settings,
    clock,
    queue: ctx.queue,
    log: pino({ level: 'silent' }),
    mail: createMailTransport({ from: 'x@example.org' }),
    storage: ctx.storage,
    secret: ctx.secret,
    packages,
    job: { id: 'direct', name, attempt: 1 },
  });

  const submit = async (key: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/wurzen/services/sperrmuell/applications',
      payload: { address: { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen' }, preferredDate: '2026-12-10', volume: 2 },
      headers: { 'idempotency-key': key },
    });
    expect(res.statusCode).toBe(201);
    const row = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select(['id', 'state']).where('reference', '=', res.json().reference).executeTakeFirstOrThrow());
    return row.id;
  };

  const stateOf = async (caseId: string) =>
    (await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirstOrThrow())).state;

  it('leaves a case for a caseworker while the automation is off, and evaluates its rules', async () => {
    const caseId = await submit('case-jobs-0001');
    await processSubmissionJob.handler({ tenantId: wurzen, caseId }, services(processSubmissionJob.name));
    expect(await stateOf(caseId)).toBe('submitted');
    const events = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select('type').where('case_id', '=', caseId).orderBy('seq').execute());
    expect(events.map((e) => e.type)).toEqual(['case.submitted', 'rules.evaluated']);
  });

  it('finishes a standard case without a human when the municipality switches the automation on — twice is once', async () => {
    await setSwitch(ctx.db, { tenantId: wurzen, serviceId: 'sperrmuell', kind: 'automation', itemId: 'auto-complete', enabled: true, now: clock.now() });
    const caseId = await submit('case-jobs-0002');
    await processSubmissionJob.handler({ tenantId: wurzen, caseId }, services(processSubmissionJob.name));
    await processSubmissionJob.handler({ tenantId: wurzen, caseId }, services(processSubmissionJob.name));
    expect(await stateOf(caseId)).toBe('completed');
    const transitions = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select(['type', 'actor_kind']).where('case_id', '=', caseId).where('type', '=', 'transition').execute());
    expect(transitions).toEqual([{ type: 'transition', actor_kind: 'system' }]);
  });

  it('sends a transition’s message once per event, to the applicant’s address only', async () => {
    const caseId = await submit('case-jobs-0003');
    await ctx.db.withTenant(wurzen, (trx) => trx.updateTable('cases').set({ applicant_email: 'lena@example.org' }).where('id', '=', caseId).execute());
    const payload = { tenantId: wurzen, caseId, eventKey: 'complete@3', template: 'decided' as const, to: 'applicant' as const };
    await caseMessageJob.handler(payload, services(caseMessageJob.name));
    await caseMessageJob.handler(payload, services(caseMessageJob.name));
    const mails = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').select(['recipient', 'subject', 'text_body']).where('case_id', '=', caseId).execute());
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe('lena@example.org');
    expect(mails[0]!.subject).toMatch(/entschieden/);
    expect(mails[0]!.text_body).toMatch(/\/wurzen\/status\/[A-Za-z0-9_-]{43}/);
  });
});
