import { getIssues } from '@placemarkio/check-geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../../test/support/factories.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { createTestContext, TestClock, type TestContext } from '../../../../test/support/test-app.js';
import { applyAndProcess, approveCase, hvzAnswers } from '../../../../test/support/traffic-journey.js';

const FEED = '/bennewitz/verkehr/beschraenkungen.geojson';

/**
 * A different person behind each seeded application, living on a street none of them asks for,
 * so that every piece of personal data can be looked for in the public output.
 */
const APPLICANTS: Record<string, string>[] = [
  { 'name.given': 'Jörg', 'name.family': 'Müller-Lüdenscheidt', 'address.street': 'Kirchgasse', email: 'joerg@example.org', phone: '03425 123456' },
  { 'name.given': 'Ännchen', 'name.family': 'Sägebrecht', 'address.street': 'Rosenweg', email: 'aennchen.saegebrecht@example.net', phone: '0341 9876543' },
  { 'name.given': 'Kai-Uwe', 'name.family': 'Oßwald', 'address.street': 'Schulstraße', email: 'k.osswald@example.com', phone: '+49 170 5554433' },
];

/** The structural rules of RFC 7946 a consumer relies on. */
function expectRfc7946(doc: Record<string, unknown>) {
  expect(doc.type).toBe('FeatureCollection');
  expect(doc).not.toHaveProperty('crs');
  for (const f of doc.features as Record<string, unknown>[]) {
    expect(f.type).toBe('Feature');
    expect(typeof f.properties).toBe('object');
    expect(['string', 'number']).toContain(typeof f.id);
    const g = f.geometry as { type: string; coordinates: unknown } | null;
    if (g === null) continue;
    expect(['Point', 'LineString', 'Polygon']).toContain(g.type);
    const positions = (g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : (g.coordinates as unknown[])[0]) as number[][];
    for (const [lon, lat] of positions) {
      // Longitude first, WGS84 (Saxony: about 12–15° E, 50–52° N).
      expect(lon).toBeGreaterThan(11);
      expect(lon).toBeLessThan(16);
      expect(lat).toBeGreaterThan(50);
      expect(lat).toBeLessThan(52);
    }
  }
}

describe('public traffic restrictions: page and GeoJSON feed', () => {
  let ctx: TestContext;
  const clock = new TestClock(new Date('2026-11-16T09:00:00+01:00'));
  let bennewitz: { slug: string; id: string };
  let staffId: string;
  const references: Record<string, string> = {};
  /** What the applicants typed about themselves and in their own words, as stored with their cases. */
  let personal: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
    bennewitz = { slug: 'bennewitz', id: await tenantIdOf(ctx.db, 'bennewitz') };
    staffId = (await createStaff(ctx.db, { tenantSlug: 'bennewitz' })).id;
    const apply = (over: Record<string, string>, plate?: string) => {
      const answers = hvzAnswers(over);
      // The shared answers leave the optional number plate out; one application gives it.
      if (plate) answers['no-parking']!['vehicle.plate'] = plate;
      return applyAndProcess(ctx, clock, bennewitz, answers);
    };
    // Approved and upcoming, with a drawing.
    const drawn = await apply({ ...APPLICANTS[0], 'location.street': 'Am Anger', 'location.geometry': JSON.stringify({ type: 'LineString', coordinates: [[12.7, 51.36], [12.7002, 51.36]] }), 'period.from': '07.12.2026', 'period.to': '08.12.2026' });
    await approveCase(ctx, clock, bennewitz.id, drawn.row.id, staffId);
    references.upcoming = drawn.reference;
    // Approved, typed only, valid from 24 November: current once the clock passes it.
    const typed = await apply({ ...APPLICANTS[1], 'period.from': '24.11.2026', 'period.to': '24.11.2026' }, 'L-ÄS 4711');
    await approveCase(ctx, clock, bennewitz.id, typed.row.id, staffId);
    references.typed = typed.reference;
    // Applied but not approved: never published.
    references.pending = (await apply({ ...APPLICANTS[2], 'location.street': 'Lindenweg', 'period.from': '09.12.2026', 'period.to': '09.12.2026' })).reference;
    personal = await personalDataOf(Object.values(references));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** The applicants' names, addresses, e-mail addresses, phone numbers (also without spaces) and own words, read back from their cases. */
  async function personalDataOf(refs: string[]): Promise<string[]> {
    const rows = await ctx.db.withTenant(bennewitz.id, (trx) => trx.selectFrom('cases').select('data').where('reference', 'in', refs).execute());
    expect(rows).toHaveLength(refs.length);
    return rows.flatMap(({ data }) => {
      const d = data as { name: { given: string; family: string }; address: { street: string }; email: string; phone: string; description: string; vehicle: { kind: string; plate?: string } };
      return [d.name.given, d.name.family, d.address.street, d.email, d.phone, d.phone.replace(/\D/g, ''), d.description, d.vehicle.kind, ...(d.vehicle.plate ? [d.vehicle.plate] : [])];
    });
  }

  it('publishes approved current and upcoming orders only, as RFC 7946 GeoJSON', async () => {
    clock.set(new Date('2026-11-24T10:00:00+01:00'));
    const res = await ctx.app.inject(FEED);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    // An independent validator first (@placemarkio/check-geojson), then the rules a consumer relies on.
    expect(getIssues(res.body)).toEqual([]);
    const doc = res.json() as { features: { id: string; geometry: unknown; properties: Record<string, unknown> }[] };
    expectRfc7946(doc);
    expect(doc.features.map((f) => f.id).sort()).toEqual([references.typed, references.upcoming].sort());
    const upcoming = doc.features.find((f) => f.id === references.upcoming)!;
    expect(upcoming.geometry).toEqual({ type: 'LineString', coordinates: [[12.7, 51.36], [12.7002, 51.36]] });
    expect(upcoming.properties).toMatchObject({ authority: 'Gemeinde Bennewitz', ags: '14729030', caseType: 'HVZ', status: 'planned', validFrom: '2026-12-07', validTo: '2026-12-08', street: 'Am Anger', timeWindows: [{ from: '07:00', to: '18:00' }] });
    expect(doc.features.find((f) => f.id === references.typed)).toMatchObject({ geometry: null, properties: { status: 'active', street: 'Teichweg', section: '10–14, gerade Seite' } });
  });

  it('holds no names, e-mail addresses, phone numbers or the applicant’s own words', async () => {
    clock.set(new Date('2026-11-24T10:00:00+01:00'));
    const res = await ctx.app.inject(FEED);
    expect(res.headers['content-type']).toContain('application/geo+json');
    // Both published orders are in the body, so the search below looks at real features.
    expect((res.json() as { features: unknown[] }).features).toHaveLength(2);
    expect(personal.length).toBeGreaterThanOrEqual(25);
    for (const value of personal) expect(res.body, value).not.toContain(value);
    expect(res.body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
  });

  it('drops an order once its validity has passed', async () => {
    clock.set(new Date('2026-11-25T10:00:00+01:00'));
    const doc = (await ctx.app.inject(FEED)).json() as { features: { id: string }[] };
    expect(doc.features.map((f) => f.id)).toEqual([references.upcoming]);
  });

  it('lists the restrictions on the public page', async () => {
    clock.set(new Date('2026-11-24T10:00:00+01:00'));
    const page = await ctx.app.inject('/bennewitz/verkehr/beschraenkungen');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Am Anger');
    expect(page.body).toContain('Absolutes Haltverbot (Zeichen 283)');
    expect(page.body).toContain(references.typed);
    expect(page.body).not.toContain(references.pending);
    for (const value of personal) expect(page.body, value).not.toContain(value);
  });

  it('keeps municipalities apart: another town’s feed and page show none of these, an unknown town is 404', async () => {
    clock.set(new Date('2026-11-24T10:00:00+01:00'));
    const wurzen = await ctx.app.inject('/wurzen/verkehr/beschraenkungen.geojson');
    expect(wurzen.statusCode).toBe(200);
    expect((wurzen.json() as { features: unknown[] }).features).toEqual([]);
    const wurzenPage = await ctx.app.inject('/wurzen/verkehr/beschraenkungen');
    for (const ref of Object.values(references)) expect(wurzenPage.body).not.toContain(ref);
    expect((await ctx.app.inject('/nirgendwo/verkehr/beschraenkungen.geojson')).statusCode).toBe(404);
    expect((await ctx.app.inject('/nirgendwo/verkehr/beschraenkungen')).statusCode).toBe(404);
    expect((await ctx.app.inject('/nirgendwo/verkehr/beschraenkungen.datex2.xml')).statusCode).toBe(404);
    const datex = await ctx.app.inject('/bennewitz/verkehr/beschraenkungen.datex2.xml');
    expect(datex.statusCode).toBe(200);
    expect(datex.headers['content-type']).toContain('application/xml');
    // Only no-parking zones were approved here: they stay out of DATEX II.
    expect(datex.body).not.toContain('<sit:situation ');
  });
});
