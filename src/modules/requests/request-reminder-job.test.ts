/**
 * The reminder of an information request: sent once when due (run twice, one event and one mail
 * job), nothing before its time, nothing after the answer or a withdrawal, and no reminder at all
 * when the deadline is too near. Reminder times follow Berlin time across the change to winter time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackOfficeContext, insertCase } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { queuedJobs } from '../../../test/support/factories-requests.js';
import { createStaff } from '../../../test/support/factories.js';
import type { TestContext } from '../../../test/support/test-app.js';
import { fixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { reminderTime, requestInformation, type RequestInformationDeps } from './request-information.js';
import { sendRequestReminder } from './request-reminder-job.js';
import { withdrawInformationRequest } from './withdraw-request.js';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('the reminder of an information request', () => {
  let ctx: TestContext;
  let wurzen: string;
  let staffId: string;
  let deps: RequestInformationDeps;

  beforeAll(async () => {
    ctx = await createBackOfficeContext();
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    staffId = (await createStaff(ctx.db, { tenantSlug: 'wurzen' })).id;
    deps = { db: ctx.db, queue: ctx.queue, engine: fixtureEngine(ctx.db).deps, reminderDays: 3 };
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function newRequest(dueDate = '2026-12-12') {
    const caseId = await insertCase(ctx.db, wurzen, { state: 'confirmed', applicantEmail: 'anna@example.org' });
    const requestId = await requestInformation(deps, { tenantId: wurzen, caseId, staffId, message: 'Bitte den Grundriss nachreichen.', dueDate, now: NOW });
    return { caseId, requestId };
  }
  const reminded = (caseId: string) =>
    ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select('data').where('case_id', '=', caseId).where('type', '=', 'information.reminded').execute());
  const reminderMails = (requestId: string) => queuedJobs(ctx.db, 'cases.send-message', { key: 'eventKey', value: `request:${requestId}:reminder` });

  it('is due at 08:00 Berlin time, three days before the deadline, and not at all when that has passed', () => {
    expect(reminderTime('2026-12-12', 3, NOW)?.toISOString()).toBe('2026-12-09T07:00:00.000Z');
    // Summer time: 08:00 CEST is 06:00 UTC.
    expect(reminderTime('2026-07-10', 3, new Date('2026-07-01T00:00:00Z'))?.toISOString()).toBe('2026-07-07T06:00:00.000Z');
    expect(reminderTime('2026-12-01', 3, NOW)).toBeNull();
  });

  it('sends one reminder however often the job runs, and nothing before it is due', async () => {
    const { caseId, requestId } = await newRequest();
    expect(await sendRequestReminder(deps, { tenantId: wurzen, requestId, now: new Date('2026-12-09T06:59:00Z') })).toEqual({ sent: false, reason: 'not-due' });
    expect(await reminderMails(requestId)).toHaveLength(0);
    const due = new Date('2026-12-09T07:00:00Z');
    expect(await sendRequestReminder(deps, { tenantId: wurzen, requestId, now: due })).toEqual({ sent: true });
    expect(await sendRequestReminder(deps, { tenantId: wurzen, requestId, now: new Date('2026-12-09T08:00:00Z') })).toEqual({ sent: false, reason: 'already-sent' });
    expect(await reminded(caseId)).toEqual([{ data: { requestId, dueDate: '2026-12-12' } }]);
    const mails = await reminderMails(requestId);
    expect(mails.map((m) => m.data)).toEqual([{ tenantId: wurzen, caseId, eventKey: `request:${requestId}:reminder`, template: 'reminder', to: 'applicant' }]);
    const row = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('information_requests').select('reminder_sent_at').where('id', '=', requestId).executeTakeFirstOrThrow());
    expect(row.reminder_sent_at?.toISOString()).toBe(due.toISOString());
  });

  it('sends nothing for a withdrawn request, a request without reminder, or another tenant’s request', async () => {
    const withdrawn = await newRequest();
    await ctx.db.withTenant(wurzen, (trx) => withdrawInformationRequest(trx, { tenantId: wurzen, caseId: withdrawn.caseId, requestId: withdrawn.requestId, staffId, now: NOW }));
    expect(await sendRequestReminder(deps, { tenantId: wurzen, requestId: withdrawn.requestId, now: new Date('2026-12-10T00:00:00Z') })).toEqual({ sent: false, reason: 'not-open' });
    const near = await newRequest('2026-11-30');
    expect(await sendRequestReminder(deps, { tenantId: wurzen, requestId: near.requestId, now: new Date('2026-11-30T00:00:00Z') })).toEqual({ sent: false, reason: 'no-reminder' });
    const open = await newRequest();
    const bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    expect(await sendRequestReminder(deps, { tenantId: bennewitz, requestId: open.requestId, now: new Date('2026-12-10T00:00:00Z') })).toEqual({ sent: false, reason: 'not-found' });
    for (const r of [withdrawn, near, open]) expect(await reminderMails(r.requestId)).toHaveLength(0);
  });
});
