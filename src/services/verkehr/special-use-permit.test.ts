/**
 * The Sondernutzungserlaubnis as a notice of its own: a container on the Teichweg in Bennewitz
 * gets the order and the permit on approval, both on the status page; the permit names holder,
 * use, place, period, §§ 18 and 21 SächsStrG, conditions, the fee note (or the town's configured
 * amount) and the legal remedy, and its QR code leads to its verification; the order refers to it
 * instead of containing it. An extension issues the permit again for the changed period. A
 * no-parking zone alone gets no permit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../test/support/factories.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { pdfPageCount, pdfQrCode, pdfText } from '../../../test/support/pdf-inspection.js';
import { createTestContext, TestClock, type Browser, type TestContext } from '../../../test/support/test-app.js';
import { applyAndProcess, CASE_JOBS, hvzAnswers, runQueuedJobs } from '../../../test/support/traffic-journey.js';
import { applyTransition } from '../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../modules/cases/case-engine-wiring.js';
import { allServicePackages } from '../../service-packages.js';
import { approvedOrder, statusCsrf } from './after-approval/testing/after-approval-harness.js';
import { saveTrafficSettings } from './traffic-settings.js';

const at = (iso: string) => new Date(iso);

/** A container for two days on the Teichweg (no signs of its own). */
function containerAnswers(overrides: Record<string, string> = {}): Record<string, Record<string, string>> {
  const { applicant, location, period, attachments, declarations } = hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '08.12.2026', ...overrides });
  return {
    'case-type': { caseType: 'CON' },
    applicant: applicant!,
    container: { objectKind: 'container', objectSize: '7 m³', areaSquareMeters: '8', lightedAtNight: 'yes', containerSignsNeeded: 'no' },
    location: location!,
    period: period!,
    attachments: attachments!,
    declarations: declarations!,
  };
}

describe('traffic order: the special-use permit as its own notice', () => {
  let ctx: TestContext;
  let bennewitz: { slug: string; id: string };
  let caseworker: string;
  const clock = new TestClock(at('2026-11-16T09:00:00+01:00'));
  const engine = () => buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
    bennewitz = { slug: 'bennewitz', id: await tenantIdOf(ctx.db, 'bennewitz') };
    caseworker = (await createStaff(ctx.db, { tenantSlug: 'bennewitz' })).id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** Applies, takes the case into review where the rules left it for a person, approves. */
  async function approvedContainer(overrides: Record<string, string> = {}) {
    const applied = await applyAndProcess(ctx, clock, bennewitz, containerAnswers(overrides));
    const actor = { kind: 'caseworker' as const, id: caseworker };
    const version = async () => (await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('cases').select('version').where('id', '=', applied.row.id).executeTakeFirstOrThrow())).version;
    if (applied.row.state === 'submitted') await applyTransition(engine(), { tenantId: bennewitz.id, caseId: applied.row.id, transitionId: 'take-over', actor, expectedVersion: await version(), now: clock.now() });
    const approved = await applyTransition(engine(), { tenantId: bennewitz.id, caseId: applied.row.id, transitionId: 'approve', actor, expectedVersion: await version(), now: clock.now() });
    expect(approved.state, JSON.stringify(applied.findings)).toBe('approved');
    await runQueuedJobs(ctx, clock, CASE_JOBS);
    return applied;
  }

  const documentLink = (html: string, title: string) => new RegExp(`href="([^"]+/dokumente/[0-9a-f-]{36})">${title} herunterladen`).exec(html)?.[1];
  const readPdf = async (browser: Browser, href: string | undefined) => {
    expect(href).toBeDefined();
    return (await browser.get(href!)).rawPayload;
  };
  const flat = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, ' ');

  it('releases the permit with the order for a container; the order refers to it, the permit carries what it must', async () => {
    const container = await approvedContainer();
    const status = await container.browser.get(container.statusPath);
    const order = await flat(await readPdf(container.browser, documentLink(status.body, 'Verkehrsrechtliche Anordnung')));
    expect(order).not.toContain('3a.');
    expect(order).not.toContain('§§ 18, 21 SächsStrG');
    expect(order).toContain('Die Sondernutzung der Straße (§ 18 SächsStrG) ist mit der gesonderten Sondernutzungserlaubnis vom selben Tag erlaubt');

    const permitPdf = await readPdf(container.browser, documentLink(status.body, 'Sondernutzungserlaubnis'));
    const permit = await flat(permitPdf);
    expect(permit).toContain('Jörg Müller-Lüdenscheidt Teichweg 12 04828 Bennewitz');
    expect(permit).toContain('Gemeinde Bennewitz, Bauamt – Straßenbaubehörde');
    expect(permit).toContain('Sondernutzung der öffentlichen Verkehrsfläche für das Aufstellen des Containers, Gerüsts oder Materials');
    expect(permit).toContain('Teichweg, Hausnummern 10 bis 14, Seite der geraden Hausnummern');
    expect(permit).toContain('Zeitraum 07.12.2026 bis 08.12.2026');
    expect(permit).toContain('§§ 18 und 21 des Straßengesetzes für den Freistaat Sachsen (SächsStrG) in Verbindung mit der Sondernutzungssatzung der Gemeinde Bennewitz');
    expect(permit).toContain('Straßenabläufe, Hydranten, Schieber und Schachtdeckel sind freizuhalten.');
    expect(permit).toContain('Die Auflagen der verkehrsrechtlichen Anordnung gelten auch für die Sondernutzung.');
    expect(permit).toContain('Die Sondernutzungsgebühr setzt die Gemeinde Bennewitz nach ihrer Sondernutzungssatzung mit gesondertem Bescheid fest (§ 21 SächsStrG).');
    expect(permit).toContain('Rechtsbehelfsbelehrung Gegen diesen Bescheid kann innerhalb eines Monats');
    expect(permit).toContain(container.reference);
    // Its own verification: the QR code (with the verification note on the last page) leads to the permit's page.
    const qr = await pdfQrCode(permitPdf, await pdfPageCount(permitPdf));
    expect(qr).toMatch(/\/verify\/[0-9A-Z]+$/);
    const verification = await ctx.app.inject(new URL(qr!).pathname);
    expect(verification.statusCode).toBe(200);
    expect(verification.body).toContain('Sondernutzungserlaubnis');
  });

  it('prints the town’s configured fee when it charges a fixed amount', async () => {
    await ctx.db.withTenant(bennewitz.id, (trx) => saveTrafficSettings(trx, bennewitz.id, { specialUse: { feeCents: 4500 } }, clock.now()));
    const container = await approvedContainer({ 'location.street': 'Lindenweg' });
    const status = await container.browser.get(container.statusPath);
    const permit = await flat(await readPdf(container.browser, documentLink(status.body, 'Sondernutzungserlaubnis')));
    expect(permit).toContain('Sondernutzungsgebühr (§ 21 SächsStrG in Verbindung mit der Sondernutzungssatzung) 45,00 €');
    expect(permit).not.toContain('mit gesondertem Bescheid fest');
    await ctx.db.withTenant(bennewitz.id, (trx) => saveTrafficSettings(trx, bennewitz.id, {}, clock.now()));
  });

  it('issues the permit again for the changed period when an extension is approved', async () => {
    clock.set(at('2026-11-16T09:00:00+01:00'));
    const container = await approvedContainer({ 'location.street': 'Am Anger', 'location.houseNumberFrom': '3', 'location.houseNumberTo': '3', 'location.side': 'odd' });
    clock.set(at('2026-12-01T10:00:00+01:00'));
    const csrf = await statusCsrf(container.browser, container.statusPath);
    expect((await container.browser.post(`${container.statusPath}/verlaengerung`, { _csrf: csrf, newEnd: '11.12.2026', reason: '' })).statusCode).toBe(303);
    const caseId = container.row.id;
    const version = (await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow())).version;
    await applyTransition(engine(), { tenantId: bennewitz.id, caseId, transitionId: 'approve-extension', actor: { kind: 'caseworker', id: caseworker }, expectedVersion: version, now: clock.now() });
    await runQueuedJobs(ctx, clock, CASE_JOBS);
    const status = await container.browser.get(container.statusPath);
    expect(status.body.match(/Sondernutzungserlaubnis herunterladen/g)).toHaveLength(1);
    const permit = await flat(await readPdf(container.browser, documentLink(status.body, 'Sondernutzungserlaubnis')));
    expect(permit).toContain('Zeitraum 07.12.2026 bis 11.12.2026');
    expect(permit).toContain('bisher bis 08.12.2026, verlängert am 01.12.2026');
    const extension = await flat(await readPdf(container.browser, documentLink(status.body, 'Verlängerung der verkehrsrechtlichen Anordnung')));
    expect(extension).toContain('Die Sondernutzungserlaubnis wird für den geänderten Zeitraum mit gesondertem Bescheid vom selben Tag neu erteilt.');
  });

  it('gives a no-parking zone alone no permit', async () => {
    clock.set(at('2026-11-16T09:00:00+01:00'));
    const zone = await approvedOrder(ctx, clock, bennewitz, hvzAnswers({ 'location.street': 'Kirchgasse', 'period.from': '07.12.2026', 'period.to': '07.12.2026' }), caseworker);
    const kinds = await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('case_documents').select('kind').where('case_id', '=', zone.caseId).execute());
    expect(kinds.map((k) => k.kind)).toEqual(['order']);
    const status = await zone.browser.get(zone.statusPath);
    expect(status.body).not.toContain('Sondernutzungserlaubnis');
  });
});
