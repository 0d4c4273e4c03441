/**
 * Extending an approved no-parking zone (Bennewitz, Teichweg, Monday 7 – Tuesday 8 December 2026):
 * every refused request with its German message naming the field, a request whose extended days
 * meet another order (shown to the caseworker with a link), the caseworker's one-click approval
 * through the case page — a second order for the changed period beside the unchanged first one,
 * the footprint and the public feed moved, the applicant mailed, the timers armed for the new end —
 * and a refusal with reasons the applicant reads on the status page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedInStaff } from '../../../../test/support/factories.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { queuedJobs } from '../../../../test/support/factories-requests.js';
import { pdfText } from '../../../../test/support/pdf-inspection.js';
import { createTestContext, csrfTokenIn, TestClock, type TestContext } from '../../../../test/support/test-app.js';
import { CASE_JOBS, hvzAnswers, runQueuedJobs } from '../../../../test/support/traffic-journey.js';
import { applyTransition } from '../../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../../modules/cases/case-engine-wiring.js';
import { allServicePackages } from '../../../service-packages.js';
import { approvedOrder, armedTimers, statusCsrf } from './testing/after-approval-harness.js';

const at = (iso: string) => new Date(iso);

describe('traffic order after approval: extension', () => {
  let ctx: TestContext;
  let bennewitz: { slug: string; id: string };
  let caseworker: string;
  const clock = new TestClock(at('2026-11-16T09:00:00+01:00'));
  let order: Awaited<ReturnType<typeof approvedOrder>>;
  let later: Awaited<ReturnType<typeof approvedOrder>>;

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
    bennewitz = { slug: 'bennewitz', id: await tenantIdOf(ctx.db, 'bennewitz') };
    caseworker = (await createStaff(ctx.db, { tenantSlug: 'bennewitz' })).id;
    order = await approvedOrder(ctx, clock, bennewitz, hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '08.12.2026' }), caseworker);
    // A zone a few houses on, from 15 December: its signs go up on 11 December.
    later = await approvedOrder(ctx, clock, bennewitz, hvzAnswers({ 'location.houseNumberFrom': '14', 'location.houseNumberTo': '18', 'address.houseNumber': '16', 'period.from': '15.12.2026', 'period.to': '15.12.2026' }), caseworker);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const state = (caseId: string) => ctx.db.withTenant(bennewitz.id, async (trx) => (await trx.selectFrom('cases').select(['state', 'version']).where('id', '=', caseId).executeTakeFirstOrThrow()));
  const ask = async (fields: Record<string, string>, csrf?: string) => order.browser.post(`${order.statusPath}/verlaengerung`, { ...(csrf === undefined ? {} : { _csrf: csrf }), ...fields });

  it('arms the end reminder and the overrun check from the approved last day', async () => {
    const timers = await armedTimers(ctx, bennewitz.id, order.caseId);
    expect(timers.map((t) => [t.name, t.state, t.due_at.toISOString()])).toEqual([
      // 08:00 on Monday 7 December, one working day before the last day.
      ['end-reminder', 'approved', '2026-12-07T07:00:00.000Z'],
      // The grace day (Wednesday 9 December) over: midnight in Berlin.
      ['overrun-check', 'approved', '2026-12-09T23:00:00.000Z'],
    ]);
    const jobs = await queuedJobs(ctx.db, 'cases.fire-timer');
    for (const t of timers) expect(jobs.find((j) => j.data.timerId === t.id)?.startAfter.toISOString()).toBe(t.due_at.toISOString());
  });

  it('refuses each invalid request with a German message naming the field', async () => {
    clock.set(at('2026-12-01T10:00:00+01:00'));
    const form = await order.browser.get(`${order.statusPath}/verlaengerung`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Bisheriges Ende: Dienstag, 8. Dezember 2026');
    // Two full working days (7 and 8 December) must lie before the first extended day.
    expect(form.body).toContain('Beantragen Sie eine Verlängerung spätestens am Sonntag, 6. Dezember 2026.');
    const csrf = csrfTokenIn(form.body)!;
    const refused: [Record<string, string>, string][] = [
      [{ newEnd: '' }, 'Bitte geben Sie bei „Neues Ende“ den letzten Tag an, an dem die Anordnung gelten soll'],
      [{ newEnd: '31.02.2027' }, 'Bitte geben Sie bei „Neues Ende“ ein gültiges Datum im Format TT.MM.JJJJ an.'],
      [{ newEnd: '08.12.2026' }, '„Neues Ende“ muss nach dem bisherigen Ende am 08.12.2026 liegen.'],
      [{ newEnd: '10.12.2027' }, '„Neues Ende“ darf höchstens ein Jahr nach dem bisherigen Ende am 08.12.2026 liegen.'],
      [{ newEnd: '12.12.2026', reason: 'x'.repeat(1001) }, '„Begründung“ darf höchstens 1000 Zeichen lang sein.'],
    ];
    for (const [fields, message] of refused) {
      const res = await ask({ reason: '', ...fields }, csrf);
      expect(res.statusCode, message).toBe(400);
      expect(res.body, message).toContain(message);
    }
    expect((await ask({ newEnd: '12.12.2026' })).statusCode).toBe(403);
    clock.set(at('2026-12-07T09:00:00+01:00'));
    const late = await ask({ newEnd: '12.12.2026', reason: '' }, csrf);
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('Eine Verlängerung musste spätestens am 06.12.2026 beantragt werden, damit wir vor dem bisherigen Ende am 08.12.2026 entscheiden können.');
    expect((await state(order.caseId)).state).toBe('approved');
  });

  it('takes a request in time, with the conflicts of the extended days for the caseworker', async () => {
    clock.set(at('2026-12-02T10:00:00+01:00'));
    const csrf = await statusCsrf(order.browser, order.statusPath);
    const res = await ask({ newEnd: '12.12.2026', reason: 'Der Umzugswagen kommt <zwei> Tage später.' }, csrf);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    expect((await state(order.caseId)).state).toBe('extension-requested');
    // Asking leaves the approved state, so its timers are cancelled until the decision.
    expect(await armedTimers(ctx, bennewitz.id, order.caseId)).toEqual([]);
    const status = await order.browser.get(order.statusPath);
    expect(status.body).toContain('Verlängerung beantragt');
    expect(status.body).toContain('die Anordnung bis 12. Dezember 2026 zu verlängern, wird geprüft.');
    expect(status.body).not.toContain(`href="${order.statusPath}/verlaengerung"`);

    const { browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    const page = await browser.get(`/bennewitz/staff/vorgaenge/${order.caseId}`);
    expect(page.body).toContain('Verlängerung bis 12. Dezember 2026 (bisher 8. Dezember 2026)');
    expect(page.body).toContain('Begründung: Der Umzugswagen kommt &lt;zwei&gt; Tage später.');
    expect(page.body).toContain(`Überschneidung mit ${later.reference}`);
    expect(page.body).toContain(`href="/bennewitz/staff/vorgaenge/${later.caseId}"`);
    expect(page.body).toContain(`action="/bennewitz/staff/vorgaenge/${order.caseId}/schritte/approve-extension"`);
    expect(page.body).toContain('Neues Ende: 12. Dezember 2026');
  });

  it('issues a new order for the changed period on one click, keeps the first, moves the footprint and the feed, mails the applicant', async () => {
    clock.set(at('2026-12-02T14:00:00+01:00'));
    const { browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    const url = `/bennewitz/staff/vorgaenge/${order.caseId}/schritte/approve-extension`;
    const csrf = await browser.csrfFrom(`/bennewitz/staff/vorgaenge/${order.caseId}`);
    const version = String((await state(order.caseId)).version);
    const confirm = await browser.post(url, { _csrf: csrf, expectedVersion: version });
    expect(confirm.body).toContain('Verlängerung jetzt genehmigen?');
    const done = await browser.post(url, { _csrf: csrf, expectedVersion: version, confirmed: '1' });
    expect(done.statusCode, done.body.slice(0, 1500)).toBe(303);
    await runQueuedJobs(ctx, clock, CASE_JOBS);
    expect((await state(order.caseId)).state).toBe('approved');

    const status = await order.browser.get(order.statusPath);
    expect(status.body).toContain('Die Anordnung gilt vom Montag, 7. Dezember 2026 bis Samstag, 12. Dezember 2026 (verlängert).');
    expect(status.body).toContain('Verlängert bis 12. Dezember 2026');
    const link = (title: string) => new RegExp(`href="([^"]+/dokumente/[0-9a-f-]{36})">${title} herunterladen`).exec(status.body)?.[1];
    const read = async (href: string | undefined) => (await pdfText((await order.browser.get(href!)).rawPayload)).replace(/\s+/g, ' ');
    const extension = await read(link('Verlängerung der verkehrsrechtlichen Anordnung'));
    expect(extension).toContain('bis zum 12.12.2026 verlängert (1. Verlängerung)');
    expect(extension).toContain(`Verwendungszweck ${order.reference} Verlängerung 1`);
    expect(extension).toContain('Montag, 7. Dezember 2026 bis Samstag, 12. Dezember 2026');
    expect(extension).toContain('bisher Dienstag, 8. Dezember 2026');
    expect(extension).toContain('Zeichen 283');
    expect(extension).toContain('Rechtsbehelfsbelehrung');
    // The first order stays as issued.
    const original = await read(link('Verkehrsrechtliche Anordnung'));
    expect(original).toContain('Montag, 7. Dezember 2026 bis Dienstag, 8. Dezember 2026');

    const footprint = await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('traffic_orders').select(['occupied_from', 'occupied_to']).where('case_id', '=', order.caseId).executeTakeFirstOrThrow());
    expect(footprint).toEqual({ occupied_from: '2026-12-03', occupied_to: '2026-12-13' });
    const feed = JSON.parse((await ctx.app.inject('/bennewitz/verkehr/beschraenkungen.geojson')).body) as { features: { id: string; properties: { validTo: string } }[] };
    expect(feed.features.find((f) => f.id === order.reference)?.properties.validTo).toBe('2026-12-12');
    const mails = await queuedJobs(ctx.db, 'cases.send-message', { key: 'caseId', value: order.caseId });
    expect(mails.map((m) => m.data.eventKey)).toContain(`approve-extension@${Number(version) + 1}`);

    const timers = await armedTimers(ctx, bennewitz.id, order.caseId);
    expect(timers.map((t) => [t.name, t.due_at.toISOString()])).toEqual([
      // Friday 11 December, the working day before Saturday's end; grace until Monday 14 December.
      ['end-reminder', '2026-12-11T07:00:00.000Z'],
      ['overrun-check', '2026-12-14T23:00:00.000Z'],
    ]);
  });

  it('tells the applicant a refusal with its reasons and keeps the period', async () => {
    clock.set(at('2026-11-16T09:00:00+01:00'));
    const other = await approvedOrder(ctx, clock, bennewitz, hvzAnswers({ 'location.street': 'Lindenweg', 'period.from': '07.12.2026', 'period.to': '07.12.2026' }), caseworker);
    clock.set(at('2026-12-01T10:00:00+01:00'));
    const csrf = await statusCsrf(other.browser, other.statusPath);
    expect((await other.browser.post(`${other.statusPath}/verlaengerung`, { _csrf: csrf, newEnd: '09.12.2026', reason: '' })).statusCode).toBe(303);
    const engine = buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });
    const reason = 'Am 8. Dezember ist dort Wochenmarkt, die Straße wird gebraucht.';
    const result = await applyTransition(engine, { tenantId: bennewitz.id, caseId: other.caseId, transitionId: 'reject-extension', actor: { kind: 'caseworker', id: caseworker }, expectedVersion: (await state(other.caseId)).version, input: { reason }, now: clock.now() });
    expect(result.state).toBe('approved');
    const status = await other.browser.get(other.statusPath);
    expect(status.body).toContain(`Ihr Antrag auf Verlängerung bis 9. Dezember 2026 wurde am 1. Dezember 2026 abgelehnt: ${reason}`);
    expect(status.body).toContain('Die Anordnung gilt vom Montag, 7. Dezember 2026 bis Montag, 7. Dezember 2026.');
    expect((await armedTimers(ctx, bennewitz.id, other.caseId)).map((t) => t.name)).toEqual(['end-reminder', 'overrun-check']);
  });
});
