/**
 * The end of an approved no-parking zone (Bennewitz, Monday 7 – Tuesday 8 December 2026), driven
 * through the real `cases.fire-timer` job on a test clock: the reminder mail on the morning of the
 * working day before the last day (not earlier, and once), the overrun flag after the grace day
 * for the caseworker (state, finding, inbox), the completion report from the status page, and an
 * early completion that silences the timers. The timer plan itself is checked on the calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedInStaff } from '../../../../test/support/factories.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { queuedJobs } from '../../../../test/support/factories-requests.js';
import { createTestContext, TestClock, type TestContext } from '../../../../test/support/test-app.js';
import { hvzAnswers, jobContext } from '../../../../test/support/traffic-journey.js';
import { findCaseFindings } from '../../../modules/cases/evaluate-rules.js';
import { fireTimerJob } from '../../../modules/cases/case-jobs.js';
import { createWorkingDayCalendar } from '../../../platform/calendar/working-day-calendar.js';
import { DEFAULT_TRAFFIC_SETTINGS } from '../traffic-settings.js';
import { sendEndReminder } from './end-reminder.js';
import { endTimerPlan } from './end-timers.js';
import { approvedOrder, armedTimers, fireTimerNow, statusCsrf } from './testing/after-approval-harness.js';

const at = (iso: string) => new Date(iso);

describe('the timers of an order, on the Saxon calendar', () => {
  const calendar = createWorkingDayCalendar({ land: 'SN' });
  const plan = (lastDay: string, rules: Partial<typeof DEFAULT_TRAFFIC_SETTINGS.afterApproval>, now: string) =>
    endTimerPlan(lastDay, { ...DEFAULT_TRAFFIC_SETTINGS.afterApproval, ...rules }, calendar, at(now)).map((t) => `${t.name} ${t.dueAt.toISOString()}`);

  it('reminds N working days before the last day at 08:00 and flags after the grace working days', () => {
    // Last day Thursday 19 November 2026; Wednesday 18 is Buß- und Bettag, so one working day before is Tuesday 17.
    expect(plan('2026-11-19', {}, '2026-11-01T09:00:00Z')).toEqual(['end-reminder 2026-11-17T07:00:00.000Z', 'overrun-check 2026-11-20T23:00:00.000Z']);
    // Nought days: the morning of the last day, and flagged when it is over; summer time shifts the hour in UTC.
    expect(plan('2026-07-10', { endReminderWorkingDays: 0, overrunGraceWorkingDays: 0 }, '2026-07-01T09:00:00Z')).toEqual(['end-reminder 2026-07-10T06:00:00.000Z', 'overrun-check 2026-07-10T22:00:00.000Z']);
  });

  it('reminds at once when the reminder time has passed while the order still runs, and not after its end', () => {
    expect(plan('2026-11-19', {}, '2026-11-18T15:00:00Z')).toEqual(['end-reminder 2026-11-18T15:00:00.000Z', 'overrun-check 2026-11-20T23:00:00.000Z']);
    expect(plan('2026-11-19', {}, '2026-11-20T09:00:00Z')).toEqual(['overrun-check 2026-11-20T23:00:00.000Z']);
  });
});

describe('traffic order after approval: end reminder, overrun and completion', () => {
  let ctx: TestContext;
  let bennewitz: { slug: string; id: string };
  let caseworker: string;
  const clock = new TestClock(at('2026-11-16T09:00:00+01:00'));
  let order: Awaited<ReturnType<typeof approvedOrder>>;

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
    bennewitz = { slug: 'bennewitz', id: await tenantIdOf(ctx.db, 'bennewitz') };
    caseworker = (await createStaff(ctx.db, { tenantSlug: 'bennewitz' })).id;
    order = await approvedOrder(ctx, clock, bennewitz, hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '08.12.2026' }), caseworker);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const state = async (caseId: string) => (await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirstOrThrow())).state;
  const reminders = (caseId: string) =>
    ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('mail_outbox').select(['recipient', 'subject', 'text_body']).where('case_id', '=', caseId).where('template', 'like', 'verkehr.end-reminder:%').execute());

  it('mails the applicant on the morning of the working day before the last day, not earlier and only once', async () => {
    clock.set(at('2026-12-07T07:59:00+01:00'));
    await fireTimerNow(ctx, clock, bennewitz.id, order.caseId, 'end-reminder');
    expect(await reminders(order.caseId)).toEqual([]);
    expect((await armedTimers(ctx, bennewitz.id, order.caseId)).map((t) => t.name)).toContain('end-reminder');

    clock.set(at('2026-12-07T08:00:00+01:00'));
    await fireTimerNow(ctx, clock, bennewitz.id, order.caseId, 'end-reminder');
    const mails = await reminders(order.caseId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe('joerg@example.org');
    expect(mails[0]!.subject).toBe(`Ihre Anordnung ${order.reference} endet am Dienstag, 8. Dezember 2026`);
    expect(mails[0]!.text_body).toContain('Bitte entfernen Sie die Schilder unverzüglich nach dem Ende');
    expect(mails[0]!.text_body).toContain('Melden Sie danach auf Ihrer Statusseite „Fertig“.');
    expect(mails[0]!.text_body).toContain(`http://localhost:3000${order.statusPath}`);
    expect(await state(order.caseId)).toBe('approved');
    // The job again (pg-boss delivers at least once): no second mail.
    const job = (await queuedJobs(ctx.db, 'verkehr.end-reminder', { key: 'caseId', value: order.caseId }))[0]!;
    expect(await sendEndReminder(jobContext(ctx, clock, 'verkehr.end-reminder'), job.data as { tenantId: string; caseId: string; version: number })).toEqual({ sent: false, reason: 'already-sent' });
    expect(await reminders(order.caseId)).toHaveLength(1);
    // The reminder is no news of a new status on the applicant's page.
    const status = await order.browser.get(order.statusPath);
    expect(status.body.match(/Neuer Stand: Angeordnet/g)).toHaveLength(1);
  });

  it('flags the case as overrun for the caseworker once the grace day passed without a completion report', async () => {
    clock.set(at('2026-12-09T23:59:00+01:00'));
    await fireTimerNow(ctx, clock, bennewitz.id, order.caseId, 'overrun-check');
    expect(await state(order.caseId)).toBe('approved');
    clock.set(at('2026-12-10T00:30:00+01:00'));
    await fireTimerNow(ctx, clock, bennewitz.id, order.caseId, 'overrun-check');
    expect(await state(order.caseId)).toBe('overrun');
    const findings = (await findCaseFindings({ db: ctx.db }, bennewitz.id, order.caseId))?.findings ?? [];
    expect(findings.find((f) => f.code === 'verkehr.overrun')?.message.de).toBe('Die Anordnung endete am Dienstag, 8. Dezember 2026; eine Fertigmeldung fehlt. Bitte prüfen Sie vor Ort, ob die Schilder entfernt sind.');
    const { browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    const inbox = await browser.get('/bennewitz/staff/vorgaenge?stand=overrun');
    expect(inbox.body).toContain(order.reference);
    expect(inbox.body).toContain('Ende überschritten, Fertigmeldung fehlt');
    const mails = await queuedJobs(ctx.db, 'cases.send-message', { key: 'caseId', value: order.caseId });
    expect(mails.map((m) => m.data.eventKey)).toEqual(expect.arrayContaining([expect.stringMatching(/^flag-overrun@/)]));
    const status = await order.browser.get(order.statusPath);
    expect(status.body).toContain('Zeitraum abgelaufen – bitte fertig melden');
    expect(status.body).toContain('Der Zeitraum der Anordnung ist abgelaufen. Bitte entfernen Sie die Schilder sofort und melden Sie fertig.');
    expect(status.body).not.toContain(`href="${order.statusPath}/aufstellprotokoll"`);
  });

  it('takes the completion report from the status page only with the confirmation, then closes the case', async () => {
    const csrf = await statusCsrf(order.browser, order.statusPath);
    const refused = await order.browser.post(`${order.statusPath}/fertigmeldung`, { _csrf: csrf });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Bitte bestätigen Sie „Die Schilder sind entfernt und verdeckte Verkehrszeichen wieder sichtbar.“, bevor Sie fertig melden.');
    expect(await state(order.caseId)).toBe('overrun');
    expect((await order.browser.post(`${order.statusPath}/fertigmeldung`, { confirmed: 'yes' })).statusCode).toBe(403);
    const done = await order.browser.post(`${order.statusPath}/fertigmeldung`, { _csrf: csrf, confirmed: 'yes' });
    expect(done.statusCode).toBe(303);
    expect(await state(order.caseId)).toBe('completed');
    const status = await order.browser.get(order.statusPath);
    expect(status.body).toContain('Das Verfahren ist abgeschlossen.');
    expect(status.body).not.toContain(`action="${order.statusPath}/fertigmeldung"`);
    expect((await order.browser.post(`${order.statusPath}/fertigmeldung`, { _csrf: csrf, confirmed: 'yes' })).statusCode).toBe(409);
  });

  it('silences the timers when the applicant reports completion before the end', async () => {
    clock.set(at('2026-11-16T09:00:00+01:00'));
    const early = await approvedOrder(ctx, clock, bennewitz, hvzAnswers({ 'location.street': 'Lindenweg', 'period.from': '07.12.2026', 'period.to': '07.12.2026' }), caseworker);
    const timers = await armedTimers(ctx, bennewitz.id, early.caseId);
    expect(timers.map((t) => t.name)).toEqual(['end-reminder', 'overrun-check']);
    clock.set(at('2026-12-03T18:00:00+01:00'));
    const csrf = await statusCsrf(early.browser, early.statusPath);
    expect((await early.browser.post(`${early.statusPath}/fertigmeldung`, { _csrf: csrf, confirmed: 'yes' })).statusCode).toBe(303);
    expect(await armedTimers(ctx, bennewitz.id, early.caseId)).toEqual([]);
    clock.set(at('2026-12-09T09:00:00+01:00'));
    for (const t of timers) await fireTimerJob.handler({ tenantId: bennewitz.id, timerId: t.id }, jobContext(ctx, clock, fireTimerJob.name));
    expect(await state(early.caseId)).toBe('completed');
    expect(await reminders(early.caseId)).toEqual([]);
  });
});
