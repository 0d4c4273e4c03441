import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../test/support/factories.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { pdfText } from '../../../test/support/pdf-inspection.js';
import { createTestContext, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { hvzAnswers, runQueuedJobs, TrafficForm } from '../../../test/support/traffic-journey.js';
import { classifyFindings } from '../../definitions/rules/finding.js';
import { applyTransition } from '../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../modules/cases/case-engine-wiring.js';
import { findCaseFindings } from '../../modules/cases/evaluate-rules.js';
import { setSwitch } from '../../modules/cases/rule-switches.js';
import { allServicePackages } from '../../service-packages.js';

const JOBS = ['cases.process-submission', 'documents.generate'];

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

  const engine = () => buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });

  /** Applies through the form, runs the queued jobs, and returns the case with its status page. */
  async function apply(overrides: Record<string, string>) {
    const form = await TrafficForm.start(ctx, 'bennewitz');
    expect(await form.fill(hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '07.12.2026', ...overrides }))).toBeUndefined();
    const submitted = await form.submit();
    expect(submitted.statusCode, submitted.body.slice(0, 1500)).toBe(303);
    const confirmation = await form.browser.get(String(submitted.headers.location));
    const reference = /BEN-VRA-\d{4}-\d+/.exec(confirmation.body)![0];
    const statusPath = /\/bennewitz\/status\/[A-Za-z0-9_-]+/.exec(confirmation.body)![0];
    await runQueuedJobs(ctx, clock, JOBS);
    const row = await ctx.db.withTenant(bennewitz, (trx) => trx.selectFrom('cases').select(['id', 'state', 'version']).where('reference', '=', reference).executeTakeFirstOrThrow());
    const evaluation = await findCaseFindings({ db: ctx.db }, bennewitz, row.id);
    return { reference, statusPath, row, findings: evaluation?.findings ?? [], browser: form.browser };
  }

  async function approve(caseId: string, version: number) {
    const result = await applyTransition(engine(), { tenantId: bennewitz, caseId, transitionId: 'approve', actor: { kind: 'caseworker', id: caseworker }, expectedVersion: version, now: clock.now() });
    await runQueuedJobs(ctx, clock, JOBS);
    return result;
  }

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
    const result = await approve(first.row.id, first.row.version);
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
  });

  it('flags an overlapping zone on the same street and days RED, naming the approved one', async () => {
    const second = await apply({ 'location.houseNumberFrom': '12', 'location.houseNumberTo': '16', 'address.houseNumber': '16' });
    expect(classifyFindings(second.findings)).toBe('RED');
    const conflict = second.findings.find((f) => f.code === 'verkehr.conflict');
    expect(conflict?.severity).toBe('blocking');
    expect(conflict?.message.de).toContain(first.reference);
    expect(conflict?.message.de).toContain('Teichweg 10–14');
    expect(second.row.state).toBe('submitted');
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
    await approve(quiet.row.id, quiet.row.version);
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
    await approve(drawn.row.id, (await ctx.db.withTenant(bennewitz, (trx) => trx.selectFrom('cases').select('version').where('id', '=', drawn.row.id).executeTakeFirstOrThrow())).version);
    const near = await apply({ 'location.street': 'Anger', 'location.geometry': line(45), 'location.houseNumberFrom': '', 'location.houseNumberTo': '', 'period.from': '21.12.2026', 'period.to': '21.12.2026' });
    expect(near.findings.find((f) => f.code === 'verkehr.conflict')?.message.de).toContain(drawn.reference);
    const far = await apply({ 'location.street': 'Anger', 'location.geometry': line(215), 'location.houseNumberFrom': '', 'location.houseNumberTo': '', 'period.from': '21.12.2026', 'period.to': '21.12.2026' });
    expect(far.findings.filter((f) => f.code.startsWith('verkehr.conflict'))).toEqual([]);
  });
});
