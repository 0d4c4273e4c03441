import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { hvzAnswers, TrafficForm, TRAFFIC } from '../../../test/support/traffic-journey.js';

const at = (iso: string) => new Date(`${iso}T09:00:00+01:00`);

describe('traffic order: applying for a no-parking zone on the typed-address path', () => {
  let ctx: TestContext;
  const clock = new TestClock(at('2026-11-16'));

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('is online in every founding municipality, with the case types on its first page', async () => {
    for (const slug of ['wurzen', 'bennewitz', 'lossatal', 'thallwitz', 'augustusburg']) {
      expect((await ctx.app.inject(`/${slug}/${TRAFFIC}`)).statusCode, slug).toBe(200);
    }
    const form = await TrafficForm.start(ctx, 'bennewitz');
    const first = await form.browser.get(`${form.draftBase}/seite/case-type`);
    for (const label of ['Halteverbotszone für Umzug oder Lieferung', 'Baustelle oder Leitungsarbeiten', 'Kran, Möbellift oder Hubarbeitsbühne', 'Container, Gerüst oder Material auf der Straße', 'Veranstaltung auf der Straße']) {
      expect(first.body).toContain(label);
    }
  });

  it('takes a 15 m zone in three weeks, tells by when the signs must stand, and submits', async () => {
    clock.set(at('2026-11-16'));
    const form = await TrafficForm.start(ctx, 'bennewitz');
    const refused = await form.fill(hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '07.12.2026' }));
    expect(refused, refused?.res.body.slice(0, 2000)).toBeUndefined();
    const check = await form.checkPage();
    expect(check.body).toContain('Teichweg');
    // Three full days before Monday 7 December: up on Thursday 3 December at the latest.
    expect(check.body).toContain('spätestens am Donnerstag, 3. Dezember 2026');
    const submitted = await form.submit();
    expect(submitted.statusCode, submitted.body.slice(0, 2000)).toBe(303);
    expect(String(submitted.headers.location)).toMatch(/\/bestaetigung$/);
    const confirmation = await form.browser.get(String(submitted.headers.location));
    expect(confirmation.body).toMatch(/BEN-VRA-2026-\d+/);
  });

  it('refuses tomorrow before submitting and names the earliest date, counting Buß- und Bettag', async () => {
    clock.set(at('2026-11-16'));
    const form = await TrafficForm.start(ctx, 'bennewitz');
    const refused = await form.fill(hvzAnswers({ 'period.from': '17.11.2026', 'period.to': '17.11.2026' }));
    expect(refused?.page).toBe('period');
    expect(refused?.res.statusCode).toBe(400);
    // 3 working days after Monday 16 Nov: 17, 19, 20 (18 Nov is Buß- und Bettag in Saxony) → signs up by
    // Friday 20 Nov → three full days → earliest start Tuesday 24 Nov (without the holiday: Monday 23).
    expect(refused?.res.body).toContain('Der früheste mögliche Beginn ist Dienstag, 24. November 2026');
  });

  it('refuses across Reformationstag (31 October 2025, a Friday) with the later earliest date', async () => {
    clock.set(at('2025-10-29'));
    const form = await TrafficForm.start(ctx, 'bennewitz');
    const refused = await form.fill(hvzAnswers({ 'period.from': '30.10.2025', 'period.to': '30.10.2025' }));
    expect(refused?.page).toBe('period');
    // 30 Oct, (31 Oct holiday), 3 Nov, 4 Nov → signs by 4 Nov → earliest start Saturday 8 Nov (without it: 7 Nov).
    expect(refused?.res.body).toContain('Der früheste mögliche Beginn ist Samstag, 8. November 2025');
    const accepted = await form.post('period', { ...hvzAnswers().period, 'period.from': '08.11.2025', 'period.to': '08.11.2025' });
    expect(accepted.statusCode).toBe(303);
  });

  it('refuses a federal road in a Gemeinde with a plain explanation of who is competent', async () => {
    clock.set(at('2026-11-16'));
    const form = await TrafficForm.start(ctx, 'bennewitz');
    const refused = await form.fill(hvzAnswers({ 'location.street': 'B 6', 'period.from': '07.12.2026', 'period.to': '07.12.2026' }));
    expect(refused?.page).toBe('location');
    expect(refused?.res.body).toContain('ist nicht die Gemeinde Bennewitz zuständig, sondern: Landratsamt Landkreis Leipzig, Sachgebiet Straßenverkehrsbehörde, Stauffenbergstraße 4 (Haus 6), 04552 Borna');
  });

  it('lets Wurzen (Große Kreisstadt) decide on its federal road', async () => {
    clock.set(at('2026-11-16'));
    const form = await TrafficForm.start(ctx, 'wurzen');
    const refused = await form.fill(hvzAnswers({ 'location.street': 'B 6', 'address.town': 'Wurzen', 'address.postalCode': '04808', 'period.from': '07.12.2026', 'period.to': '07.12.2026' }));
    expect(refused).toBeUndefined();
  });

  it('takes a crane and a container on the same form, telling a Gemeinde applicant about the § 46 exemption', async () => {
    clock.set(at('2026-11-16'));
    const crane = await TrafficForm.start(ctx, 'bennewitz');
    const { location, period, attachments, declarations, applicant } = hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '08.12.2026' });
    expect(await crane.fill({ 'case-type': { caseType: 'HUB' }, applicant: applicant!, lift: { equipment: 'furnitureLift', standsOnFootway: 'yes', outriggerWidthM: '2,5', axleLoadTonnes: '', liftNoParkingNeeded: 'yes' }, location: location!, period: period!, attachments: attachments!, declarations: declarations! })).toBeUndefined();
    const craneCheck = await crane.checkPage();
    expect(craneCheck.body).toContain('Ausnahmegenehmigung nach § 46 StVO');
    expect(craneCheck.body).toContain('Landratsamt Landkreis Leipzig');
    expect(craneCheck.body).toContain('spätestens am Donnerstag, 3. Dezember 2026');
    expect((await crane.submit()).statusCode).toBe(303);

    const container = await TrafficForm.start(ctx, 'bennewitz');
    expect(await container.fill({ 'case-type': { caseType: 'CON' }, applicant: applicant!, container: { objectKind: 'container', objectSize: '7 m³', areaSquareMeters: '8', lightedAtNight: 'yes', containerSignsNeeded: 'no' }, location: location!, period: period!, attachments: attachments!, declarations: declarations! })).toBeUndefined();
    expect((await container.checkPage()).body).not.toContain('spätestens am');
    expect((await container.submit()).statusCode).toBe(303);
  });

  it('refuses the same too-early date through the JSON API', async () => {
    clock.set(at('2026-11-16'));
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/bennewitz/services/${TRAFFIC}/applications`,
      headers: { 'idempotency-key': 'vra-api-late-0001' },
      payload: {
        caseType: 'HVZ',
        applicantKind: 'person',
        name: { given: 'Jörg', family: 'Müller' },
        address: { street: 'Teichweg', houseNumber: '12', postalCode: '04828', town: 'Bennewitz', country: 'DE' },
        phone: '03425 123456',
        email: 'joerg@example.org',
        payerDiffers: false,
        purpose: 'moveOut',
        signType: '283',
        vehicle: { kind: 'Lkw', lengthMeters: 7.5 },
        alsoUsesFootway: false,
        signProvider: 'self',
        location: { street: 'Teichweg', houseNumberFrom: '10', houseNumberTo: '14', side: 'even', lengthMeters: 15 },
        affectedParts: ['parkingLane'],
        period: { from: '2026-11-17', to: '2026-11-17' },
        dailyWindow: { from: '07:00', to: '18:00' },
        description: 'Auszug',
        eNoticeConsent: true,
        privacyConsent: true,
        truthful: true,
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('24. November 2026');
  });
});
