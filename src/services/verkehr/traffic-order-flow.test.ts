import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedInStaff } from '../../../test/support/factories.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { pdfText } from '../../../test/support/pdf-inspection.js';
import { createTestContext, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { applyAndProcess, approveCase, hvzAnswers } from '../../../test/support/traffic-journey.js';
import { classifyFindings } from '../../definitions/rules/finding.js';
import { setSwitch } from '../../modules/cases/rule-switches.js';

describe('traffic order: GREEN no-parking zone, one-click approval, released order, conflicts', () => {
  let ctx: TestContext;
  let bennewitz: string;
  let caseworker: string;
  const clock = new TestClock(new Date('2026-11-16T09:00:00+01:00'));

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    caseworker = (await createStaff(ctx.db, { tenantSlug: 'bennewitz' })).id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const apply = (overrides: Record<string, string>) => applyAndProcess(ctx, clock, { slug: 'bennewitz', id: bennewitz }, hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '07.12.2026', ...overrides }));
  const approve = (caseId: string) => approveCase(ctx, clock, bennewitz, caseId, caseworker);

  let first: Awaited<ReturnType<typeof apply>>;

  it('classifies the 15 m zone in three weeks as GREEN and drafts the order', async () => {
    first = await apply({});
    expect(classifyFindings(first.findings), JSON.stringify(first.findings)).toBe('GREEN');
    expect(first.row.state).toBe('decision-draft');
    const drafts = await ctx.db.withTenant(bennewitz, (trx) => trx.selectFrom('case_documents').select(['kind', 'released_at']).where('case_id', '=', first.row.id).execute());
    expect(drafts).toEqual([{ kind: 'order', released_at: null }]);
    // Nothing is released before a person decides (§ 35a VwVfG).
    expect((await first.browser.get(first.statusPath)).body).not.toContain('/dokumente/');
  });

  it('releases the order on one click; its text holds street, period, sign, latest set-up day and fee', async () => {
    const result = await approve(first.row.id);
    expect(result.state).toBe('approved');
    const status = await first.browser.get(first.statusPath);
    const link = /href="([^"]+\/dokumente\/[0-9a-f-]{36})"/.exec(status.body)?.[1];
    expect(link, status.body.slice(0, 3000)).toBeDefined();
    const pdf = await first.browser.get(link!);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Teichweg');
    expect(text).toContain('Hausnummern 10 bis 14');
    expect(text).toContain('Montag, 7. Dezember 2026 bis Montag, 7. Dezember 2026');
    expect(text).toContain('07:00 bis 18:00 Uhr');
    expect(text).toContain('Zeichen 283');
    expect(text).toContain('spätestens am Donnerstag, 3. Dezember 2026');
    expect(text).toContain('25,00 €');
    expect(text).toContain('Nr. 261');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain(first.reference);
    expect(text).not.toContain('Sondernutzungserlaubnis');
  });

  it('flags an overlapping zone on the same street and days RED, naming the approved one', async () => {
    const second = await apply({ 'location.houseNumberFrom': '12', 'location.houseNumberTo': '16', 'address.houseNumber': '16' });
    expect(classifyFindings(second.findings)).toBe('RED');
    const conflict = second.findings.find((f) => f.code === 'verkehr.conflict');
    expect(conflict?.severity).toBe('blocking');
    expect(conflict?.message.de).toContain(first.reference);
    expect(conflict?.message.de).toContain('Teichweg 10–14');
    expect(second.row.state).toBe('submitted');
    // The case page shows the classification and links to the other case.
    const { browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    const page = await browser.get(`/bennewitz/staff/vorgaenge/${second.row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rot: Einzelfallprüfung nötig');
    expect(page.body).toContain(`href="/bennewitz/staff/vorgaenge/${first.row.id}"`);
  });

  it('does not flag neighbours: further along, on the other side, or in another week', async () => {
    const neighbours: Record<string, string>[] = [
      { 'location.houseNumberFrom': '20', 'location.houseNumberTo': '24', 'address.houseNumber': '22' },
      { 'location.houseNumberFrom': '11', 'location.houseNumberTo': '13', 'location.side': 'odd', 'address.houseNumber': '11' },
      { 'period.from': '14.12.2026', 'period.to': '14.12.2026' },
    ];
    for (const overrides of neighbours) {
      const other = await apply(overrides);
      expect(other.findings.filter((f) => f.code.startsWith('verkehr.conflict')), JSON.stringify(overrides)).toEqual([]);
      expect(classifyFindings(other.findings)).toBe('GREEN');
    }
  });

  it('records an approved order for the conflict check even while the tenant has the conflict rule off', async () => {
    await setSwitch(ctx.db, { tenantId: bennewitz, serviceId: 'verkehrsrechtliche-anordnung', kind: 'rule', itemId: 'verkehr.h8-conflicts', enabled: false, now: clock.now() });
    const quiet = await apply({ 'location.street': 'Lindenweg', 'period.from': '08.12.2026', 'period.to': '08.12.2026' });
    const footprints = () => ctx.db.withTenant(bennewitz, (trx) => trx.selectFrom('traffic_orders').select(['street', 'occupied_from', 'occupied_to']).where('case_id', '=', quiet.row.id).execute());
    expect(await footprints()).toEqual([]);
    await approve(quiet.row.id);
    expect(await footprints()).toEqual([{ street: 'Lindenweg', occupied_from: '2026-12-04', occupied_to: '2026-12-09' }]);
    await setSwitch(ctx.db, { tenantId: bennewitz, serviceId: 'verkehrsrechtliche-anordnung', kind: 'rule', itemId: 'verkehr.h8-conflicts', enabled: true, now: clock.now() });
    const later = await apply({ 'location.street': 'Lindenweg', 'period.from': '09.12.2026', 'period.to': '09.12.2026' });
    expect(later.findings.find((f) => f.code === 'verkehr.conflict')?.message.de).toContain(quiet.reference);
  });

  it('compares drawn zones in metres: 30 m apart conflicts within the 50 m buffer, 200 m apart does not', async () => {
    // A drawn zone along the Teichweg, approved; then one drawn 30 m further, and one 200 m further.
    const line = (offsetM: number) => JSON.stringify({ type: 'LineString', coordinates: [[12.7 + offsetM / 69_600, 51.36], [12.7 + (offsetM + 15) / 69_600, 51.36]] });
    const drawn = await apply({ 'location.street': 'Am Anger', 'location.geometry': line(0), 'location.houseNumberFrom': '', 'location.houseNumberTo': '', 'period.from': '21.12.2026', 'period.to': '21.12.2026' });
    expect(classifyFindings(drawn.findings), JSON.stringify(drawn.findings)).toBe('GREEN');
    await approve(drawn.row.id);
    const near = await apply({ 'location.street': 'Anger', 'location.geometry': line(45), 'location.houseNumberFrom': '', 'location.houseNumberTo': '', 'period.from': '21.12.2026', 'period.to': '21.12.2026' });
    expect(near.findings.find((f) => f.code === 'verkehr.conflict')?.message.de).toContain(drawn.reference);
    const far = await apply({ 'location.street': 'Anger', 'location.geometry': line(215), 'location.houseNumberFrom': '', 'location.houseNumberTo': '', 'period.from': '21.12.2026', 'period.to': '21.12.2026' });
    expect(far.findings.filter((f) => f.code.startsWith('verkehr.conflict'))).toEqual([]);
  });
});
