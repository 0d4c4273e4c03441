import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedInStaff } from '../../../../test/support/factories.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { pdfText } from '../../../../test/support/pdf-inspection.js';
import { Browser, createTestContext, csrfTokenIn, TestClock, type TestContext } from '../../../../test/support/test-app.js';
import { applyAndProcess, CASE_JOBS, runQueuedJobs, worksAnswers } from '../../../../test/support/traffic-journey.js';
import { classifyFindings } from '../../../definitions/rules/finding.js';
import { applyTransition } from '../../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../../modules/cases/case-engine-wiring.js';
import { allServicePackages } from '../../../service-packages.js';
import { sendConsultationReminder } from './consultation-reminder.js';

describe('traffic order: consultation of the parties through personal links', () => {
  let ctx: TestContext;
  const clock = new TestClock(new Date('2026-11-16T09:00:00+01:00'));
  let bennewitz: { slug: string; id: string };
  let works: Awaited<ReturnType<typeof applyAndProcess>>;
  let staff: Awaited<ReturnType<typeof signedInStaff>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
    bennewitz = { slug: 'bennewitz', id: await tenantIdOf(ctx.db, 'bennewitz') };
    await ctx.db.withTenant(bennewitz.id, (trx) =>
      trx
        .insertInto('traffic_consultation_parties')
        .values([
          { tenant_id: bennewitz.id, id: 'polizei', name: 'Polizeirevier Wurzen', email: 'revier@polizei.example', kind: 'police', triggers: ['carriageway', 'closure'] },
          { tenant_id: bennewitz.id, id: 'rettung', name: 'Integrierte Regionalleitstelle', email: 'leitstelle@rettung.example', kind: 'fire-rescue', triggers: ['full-closure'] },
          { tenant_id: bennewitz.id, id: 'bus', name: 'Regionalbus Leipzig', email: 'bus@rbl.example', kind: 'transit', triggers: ['bus-route'] },
        ])
        .execute(),
    );
    works = await applyAndProcess(ctx, clock, bennewitz, worksAnswers());
    staff = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const formUrl = () => `/bennewitz/staff/vorgaenge/${works.row.id}/anhoerung`;

  it('flags a full closure for consultation and proposes the parties of the matrix', async () => {
    expect(classifyFindings(works.findings)).toBe('YELLOW');
    expect(works.findings.map((f) => f.code)).toContain('verkehr.b6-full-closure');
    const form = await staff.browser.get(formUrl());
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/value="polizei" checked/);
    expect(form.body).toMatch(/value="rettung" checked/);
    expect(form.body).toMatch(/value="bus">/);
  });

  it('refuses a start without parties or with a past deadline, naming the fields', async () => {
    const res = await staff.browser.post(formUrl(), { _csrf: csrfTokenIn((await staff.browser.get(formUrl())).body)!, dueDate: '2026-11-01', message: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('„Beteiligte“');
    expect(res.body).toContain('„Frist“');
  });

  it('starts the consultation: one mail per party with a personal link', async () => {
    const token = csrfTokenIn((await staff.browser.get(formUrl())).body)!;
    const form = new URLSearchParams([['_csrf', token], ['parties', 'polizei'], ['parties', 'rettung'], ['dueDate', '2026-11-23'], ['message', 'Bitte bis Montag.']]);
    const res = await ctx.app.inject({ method: 'POST', url: formUrl(), payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: [...staff.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const mails = await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('mail_outbox').select(['recipient', 'subject', 'text_body']).where('template', 'like', 'verkehr.consultation:%').execute());
    expect(mails.map((m) => m.recipient).sort()).toEqual(['leitstelle@rettung.example', 'revier@polizei.example']);
    for (const m of mails) {
      expect(m.subject).toContain(works.reference);
      tokens[m.recipient.startsWith('revier') ? 'police' : 'rescue'] = /\/bennewitz\/anhoerung\/([A-Za-z0-9_-]+)/.exec(m.text_body ?? '')![1]!;
    }
    const events = await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('case_events').select('type').where('case_id', '=', works.row.id).where('type', 'like', 'consultation.%').execute());
    expect(events).toEqual([{ type: 'consultation.started' }]);
  });

  it('lets the police answer without an account; conditions need their text', async () => {
    const police = new Browser(ctx.app);
    const url = `/bennewitz/anhoerung/${tokens.police}`;
    const page = await police.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(works.reference);
    expect(page.body).toContain('Teichweg');
    expect(page.body).toContain('Bitte bis Montag.');
    expect(page.body).not.toContain('joerg@example.org');
    const empty = await police.post(url, { _csrf: csrfTokenIn(page.body)!, answer: 'agreed-with-conditions', text: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('„Auflagen oder Einwände“');
    const answered = await police.post(url, { _csrf: csrfTokenIn(empty.body)!, answer: 'agreed-with-conditions', text: 'Umleitung über die Muldenstraße ausschildern.' });
    expect(answered.statusCode).toBe(303);
    const after = await police.get(url);
    expect(after.body).toContain('Vielen Dank');
    expect(after.body).toContain('Zustimmung mit Auflagen');
    expect(after.body).not.toContain('name="answer"');
  });

  it('reminds an unanswered party once, the morning before the deadline, with the same link', async () => {
    const services = { db: ctx.db, queue: ctx.queue, secret: ctx.secret, settings: ctx.settings };
    const rows = await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('traffic_consultations').select(['id', 'party_id']).where('case_id', '=', works.row.id).execute());
    const id = (party: string) => rows.find((r) => r.party_id === party)!.id;
    const remind = (party: string, at: string) => sendConsultationReminder(services, { tenantId: bennewitz.id, consultationId: id(party), now: new Date(at) });
    expect(await remind('rettung', '2026-11-21T12:00:00+01:00')).toEqual({ sent: false, reason: 'not-due' });
    expect(await remind('rettung', '2026-11-22T08:30:00+01:00')).toEqual({ sent: true });
    expect(await remind('rettung', '2026-11-22T09:30:00+01:00')).toEqual({ sent: false, reason: 'already-sent' });
    expect(await remind('polizei', '2026-11-22T08:30:00+01:00')).toEqual({ sent: false, reason: 'not-open' });
    const reminders = await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('mail_outbox').select(['recipient', 'subject', 'text_body']).where('template', 'like', 'verkehr.consultation-reminder:%').execute());
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.recipient).toBe('leitstelle@rettung.example');
    expect(reminders[0]!.subject).toMatch(/^Erinnerung: /);
    expect(reminders[0]!.text_body).toContain(`/bennewitz/anhoerung/${tokens.rescue}`);
  });

  it('refuses a foreign or unknown link (404) and an expired one (410) in plain words', async () => {
    const visitor = new Browser(ctx.app);
    const foreign = await visitor.get(`/wurzen/anhoerung/${tokens.police}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toContain('Dieser Link zur Stellungnahme ist ungültig');
    expect((await visitor.get('/bennewitz/anhoerung/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    clock.set(new Date('2026-11-24T08:00:00+01:00'));
    const expired = await visitor.get(`/bennewitz/anhoerung/${tokens.rescue}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Die Frist für diese Stellungnahme ist abgelaufen');
  });

  it('keeps other municipalities’ staff out of the consultation form (404)', async () => {
    const other = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen' });
    expect((await other.browser.get(formUrl())).statusCode).toBe(404);
    expect((await other.browser.get(`/wurzen/staff/vorgaenge/${works.row.id}/anhoerung`)).statusCode).toBe(404);
  });

  it('prints the police condition in the order the caseworker approves', async () => {
    const engine = buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });
    const caseworker = (await createStaff(ctx.db, { tenantSlug: 'bennewitz' })).id;
    const version = async () => (await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('cases').select('version').where('id', '=', works.row.id).executeTakeFirstOrThrow())).version;
    const actor = { kind: 'caseworker' as const, id: caseworker };
    await applyTransition(engine, { tenantId: bennewitz.id, caseId: works.row.id, transitionId: 'take-over', actor, expectedVersion: await version(), now: clock.now() });
    const approved = await applyTransition(engine, { tenantId: bennewitz.id, caseId: works.row.id, transitionId: 'approve', actor, expectedVersion: await version(), now: clock.now() });
    expect(approved.state).toBe('approved');
    await runQueuedJobs(ctx, clock, CASE_JOBS);
    const status = await works.browser.get(works.statusPath);
    const link = (title: string) => new RegExp(`href="([^"]+/dokumente/[0-9a-f-]{36})">${title} herunterladen`).exec(status.body)![1]!;
    const text = (await pdfText((await works.browser.get(link('Verkehrsrechtliche Anordnung'))).rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Umleitung über die Muldenstraße ausschildern. (Auflage von Polizeirevier Wurzen)');
    expect(text).toContain('Tiefbau Wurzen GmbH');
    expect(text).toContain('RSA 21 B I/15');
    // One application, both decisions: the special use is permitted by a notice of its own, which the order names.
    expect(text).not.toContain('3a. Sondernutzungserlaubnis');
    expect(text).toContain('mit der gesonderten Sondernutzungserlaubnis vom selben Tag erlaubt');
    const permit = (await pdfText((await works.browser.get(link('Sondernutzungserlaubnis'))).rawPayload)).replace(/\s+/g, ' ');
    expect(permit).toContain('Sondernutzung der öffentlichen Verkehrsfläche für die Arbeitsstelle (Aufbruch und Baustelleneinrichtung)');
    expect(permit).toContain('Tiefbau Wurzen GmbH');
  });
});
