/**
 * The set-up record on the status page of an approved no-parking zone (Bennewitz, Monday 7 and
 * Tuesday 8 December 2026; signs up by Thursday 3 December): what the status page offers, every
 * refused input with its German message naming the field (and nothing stored), a record in time
 * with its photos on the case page and in the history, a late one with the plain explanation for
 * the applicant and a finding for the caseworker, and 404 for other municipalities' links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedInStaff } from '../../../../test/support/factories.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { caseWithStatusLink } from '../../../../test/support/factories-requests.js';
import { createTestContext, TestClock, type TestContext } from '../../../../test/support/test-app.js';
import { hvzAnswers, insertTrafficCase } from '../../../../test/support/traffic-journey.js';
import { sampleJpeg, samplePdf, samplePng } from '../../../../test/support/upload-samples.js';
import { findCaseFindings } from '../../../modules/cases/evaluate-rules.js';
import { hashToken, statusTokenFor } from '../../../modules/cases/status-links.js';
import { createDemoScanner, EICAR_TEST_STRING } from '../../../platform/uploads/scanners/demo-scanners.js';
import { approvedOrder, photo, postSetup, statusCsrf } from './testing/after-approval-harness.js';

const at = (iso: string) => new Date(iso);

describe('traffic order after approval: the set-up record', () => {
  let ctx: TestContext;
  let bennewitz: { slug: string; id: string };
  let caseworker: string;
  const clock = new TestClock(at('2026-11-16T09:00:00+01:00'));
  let order: Awaited<ReturnType<typeof approvedOrder>>;

  beforeAll(async () => {
    ctx = await createTestContext({ clock, scanner: createDemoScanner() });
    bennewitz = { slug: 'bennewitz', id: await tenantIdOf(ctx.db, 'bennewitz') };
    caseworker = (await createStaff(ctx.db, { tenantSlug: 'bennewitz' })).id;
    order = await approvedOrder(ctx, clock, bennewitz, hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '08.12.2026' }), caseworker);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const records = () => ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('traffic_setup_records').selectAll().where('case_id', '=', order.caseId).orderBy('recorded_at').execute());
  const photoRows = () => ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('files').selectAll().where('case_id', '=', order.caseId).where('purpose', '=', 'setup-photo').execute());
  const valid = { setupDate: '03.12.2026', setupTime: '10:00', numberPlates: '' };

  it('offers the set-up record, the completion report and an extension on the status page', async () => {
    const page = await order.browser.get(order.statusPath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ihre Anordnung umsetzen');
    expect(page.body).toContain('Die Anordnung gilt vom Montag, 7. Dezember 2026 bis Dienstag, 8. Dezember 2026.');
    expect(page.body).toContain('spätestens am Donnerstag, 3. Dezember 2026');
    expect(page.body).toContain(`href="${order.statusPath}/aufstellprotokoll"`);
    expect(page.body).toContain(`action="${order.statusPath}/fertigmeldung"`);
    expect(page.body).toContain(`href="${order.statusPath}/verlaengerung"`);
    const form = await order.browser.get(`${order.statusPath}/aufstellprotokoll`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    for (const label of ['Datum des Aufstellens', 'Uhrzeit des Aufstellens', 'Fotos der aufgestellten Schilder', 'Kennzeichen bereits parkender Fahrzeuge']) expect(form.body).toContain(label);
  });

  it('refuses each invalid input with a German message naming the field, and keeps nothing', async () => {
    clock.set(at('2026-12-03T10:30:00+01:00'));
    const csrf = await statusCsrf(order.browser, order.statusPath);
    const jpeg = photo('schild.jpg', sampleJpeg());
    const cases: { fields: Record<string, string>; photos: ReturnType<typeof photo>[]; status: number; message: string }[] = [
      { fields: { ...valid, setupDate: '' }, photos: [jpeg], status: 400, message: 'Bitte geben Sie bei „Datum des Aufstellens“ den Tag an, an dem die Schilder aufgestellt wurden' },
      { fields: { ...valid, setupDate: '31.11.2026' }, photos: [jpeg], status: 400, message: 'Bitte geben Sie bei „Datum des Aufstellens“ ein gültiges Datum im Format TT.MM.JJJJ an.' },
      { fields: { ...valid, setupTime: '25:00' }, photos: [jpeg], status: 400, message: 'Bitte geben Sie bei „Uhrzeit des Aufstellens“ eine gültige Uhrzeit im Format HH:MM an.' },
      { fields: { ...valid, setupTime: '11:15' }, photos: [jpeg], status: 400, message: '„Datum des Aufstellens“ und „Uhrzeit des Aufstellens“ liegen in der Zukunft.' },
      { fields: { ...valid, setupDate: '01.11.2026' }, photos: [jpeg], status: 400, message: '„Datum des Aufstellens“ liegt vor Ihrem Antrag vom 16.11.2026.' },
      { fields: valid, photos: [], status: 400, message: 'Bitte laden Sie bei „Fotos der aufgestellten Schilder“ mindestens ein Foto hoch.' },
      { fields: valid, photos: Array.from({ length: 11 }, (_, i) => photo(`schild-${i}.jpg`, sampleJpeg())), status: 400, message: 'Bei „Fotos der aufgestellten Schilder“ können Sie höchstens 10 Fotos hochladen.' },
      { fields: valid, photos: [photo('protokoll.pdf', samplePdf(), 'application/pdf')], status: 415, message: 'Fotos der aufgestellten Schilder: Die Datei „protokoll.pdf“ hat keinen erlaubten Dateityp.' },
      { fields: valid, photos: [photo('virus.jpg', Buffer.concat([sampleJpeg(), Buffer.from(EICAR_TEST_STRING, 'latin1')]))], status: 422, message: 'Fotos der aufgestellten Schilder: „virus.jpg“' },
      { fields: { ...valid, numberPlates: 'L-AB 1234\nXYZ' }, photos: [jpeg], status: 400, message: 'Bei „Kennzeichen bereits parkender Fahrzeuge“ ist „XYZ“ kein gültiges Kennzeichen.' },
    ];
    for (const c of cases) {
      const res = await postSetup(ctx, order.statusPath, csrf, c.fields, c.photos);
      expect(res.statusCode, c.message).toBe(c.status);
      expect(res.body, c.message).toContain(c.message);
      expect(res.body).toContain('Bitte prüfen Sie Ihre Angaben');
    }
    // Without the status link's token nothing is read at all.
    expect((await postSetup(ctx, order.statusPath, undefined, valid, [jpeg])).statusCode).toBe(403);
    expect(await records()).toEqual([]);
    expect(await photoRows()).toEqual([]);
  });

  it('stores a record in time with its photos and plates, durable before the answer, shown to staff and in the history', async () => {
    const csrf = await statusCsrf(order.browser, order.statusPath);
    const res = await postSetup(ctx, order.statusPath, csrf, { ...valid, numberPlates: 'l ab 1234, pl: dw 12345' }, [photo('vorne.jpg', sampleJpeg()), photo('hinten.png', samplePng(), 'image/png')]);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    expect(res.headers.location).toBe(`${order.statusPath}#aufstellprotokoll`);
    const [record] = await records();
    expect(record).toMatchObject({ late: false, latest_setup_date: '2026-12-03', number_plates: ['L-AB 1234', 'PL: DW 12345'] });
    expect(record!.set_up_at.toISOString()).toBe('2026-12-03T09:00:00.000Z');
    const stored = await photoRows();
    expect(stored.map((p) => p.display_name).sort()).toEqual(['hinten.png', 'vorne.jpg']);
    for (const p of stored) expect((await ctx.storage.stat(p.storage_key))?.size).toBe(Number(p.size_bytes));

    const status = await order.browser.get(order.statusPath);
    expect(status.body).toContain('Schilder aufgestellt am 03.12.2026, 10:00, 2 Foto(s), 2 Kennzeichen.');
    expect(status.body).toContain('Die Schilder standen rechtzeitig.');

    const { browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    const casePage = await browser.get(`/bennewitz/staff/vorgaenge/${order.caseId}`);
    expect(casePage.body).toContain('Umsetzung der Anordnung');
    expect(casePage.body).toContain('Aufstellprotokoll: aufgestellt am 03.12.2026, 10:00');
    expect(casePage.body).toContain('Kennzeichen bereits parkender Fahrzeuge: L-AB 1234, PL: DW 12345');
    expect(casePage.body).toContain('rechtzeitig');
    expect(casePage.body).toContain('Aufstellprotokoll eingereicht');
    expect(casePage.body).toContain('Schilder aufgestellt am: 03.12.2026, 10:00 Uhr');
    const photoLink = new RegExp(`href="(/bennewitz/staff/vorgaenge/${order.caseId}/dateien/[0-9a-f-]{36}\\?ansicht=1)"`).exec(casePage.body)?.[1];
    expect(photoLink).toBeDefined();
    const image = await browser.get(photoLink!);
    expect(image.statusCode).toBe(200);
    expect(String(image.headers['content-type'])).toMatch(/^image\//);
    // The record is no news of a new status for the applicant.
    expect(status.body.match(/Neuer Stand: Angeordnet/g)).toHaveLength(1);
  });

  it('tells the applicant plainly when the signs went up late and records a finding for the caseworker', async () => {
    clock.set(at('2026-12-04T15:00:00+01:00'));
    const csrf = await statusCsrf(order.browser, order.statusPath);
    const res = await postSetup(ctx, order.statusPath, csrf, { setupDate: '04.12.2026', setupTime: '14:30', numberPlates: '' }, [photo('spaet.jpg', sampleJpeg())]);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    expect((await records()).map((r) => r.late)).toEqual([false, true]);
    const status = await order.browser.get(order.statusPath);
    expect(status.body).toContain('Die Schilder standen nicht rechtzeitig: Spätestens am Donnerstag, 3. Dezember 2026 hätten sie stehen müssen.');
    // Up on Friday 4 December: three full days (5, 6, 7) → binds parked cars from Tuesday 8 December.
    expect(status.body).toContain('wirkt das Haltverbot erst ab Dienstag, 8. Dezember 2026');
    const findings = (await findCaseFindings({ db: ctx.db }, bennewitz.id, order.caseId))?.findings ?? [];
    expect(findings.find((f) => f.code === 'verkehr.setup-late')).toMatchObject({ severity: 'warning', legalSource: 'BVerwG, Urteil vom 24.05.2018 – 3 C 25.16' });
    const { browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    const casePage = await browser.get(`/bennewitz/staff/vorgaenge/${order.caseId}`);
    expect(casePage.body).toContain('Die Schilder wurden laut Aufstellprotokoll am Freitag, 4. Dezember 2026 aufgestellt');
    expect(casePage.body).toContain('zu spät (spätestens 3. Dezember 2026)');
  });

  it('answers 404 for another municipality’s path and a case of another procedure, 409 before the approval', async () => {
    const token = order.statusPath.split('/').pop()!;
    const visitor = order.browser;
    const csrf = await statusCsrf(visitor, order.statusPath);
    for (const page of ['aufstellprotokoll', 'fertigmeldung', 'verlaengerung']) {
      expect((await visitor.get(`/wurzen/status/${token}/${page}`)).statusCode, page).toBe(404);
    }
    expect((await postSetup(ctx, `/wurzen/status/${token}`, csrf, valid, [photo('a.jpg', sampleJpeg())])).statusCode).toBe(404);
    expect((await visitor.post(`/wurzen/status/${token}/fertigmeldung`, { _csrf: csrf, confirmed: 'yes' })).statusCode).toBe(404);
    expect((await visitor.post(`/wurzen/status/${token}/verlaengerung`, { _csrf: csrf, newEnd: '10.12.2026' })).statusCode).toBe(404);
    const other = await caseWithStatusLink(ctx, bennewitz.id, { reference: 'BEN-TST-2026-000009' });
    expect((await visitor.get(`/bennewitz/status/${other.token}/aufstellprotokoll`)).statusCode).toBe(404);
    expect((await visitor.get(`/bennewitz/status/${other.token}`)).body).not.toContain('Ihre Anordnung umsetzen');
    // A traffic order not decided yet offers nothing after approval, and refuses the pages.
    const undecided = await insertTrafficCase(ctx.db, bennewitz.id, 'BEN-VRA-2026-000099');
    const undecidedToken = statusTokenFor(ctx.secret, undecided, 1);
    await ctx.db.withTenant(bennewitz.id, (trx) => trx.updateTable('cases').set({ status_token_hash: hashToken(undecidedToken) }).where('id', '=', undecided).execute());
    expect((await visitor.get(`/bennewitz/status/${undecidedToken}`)).body).not.toContain('Ihre Anordnung umsetzen');
    for (const page of ['aufstellprotokoll', 'fertigmeldung', 'verlaengerung']) {
      expect((await visitor.get(`/bennewitz/status/${undecidedToken}/${page}`)).statusCode, page).toBe(409);
    }
    expect(await records()).toHaveLength(2);
  });
});
