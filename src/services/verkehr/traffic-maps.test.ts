import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../test/support/factories.js';
import { insertCase } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestContext, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { applyAndProcess, approveCase, hvzAnswers, TrafficForm } from '../../../test/support/traffic-journey.js';

const clock = new TestClock(new Date('2026-11-16T09:00:00+01:00'));

/** A drawn 15 m zone on the Anger, `offsetM` metres east of 12.7° E. */
const line = (offsetM: number) => ({ type: 'LineString', coordinates: [[12.7 + offsetM / 69_600, 51.36], [12.7 + (offsetM + 15) / 69_600, 51.36]] });

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The JSON in a data attribute of the page, decoded as the browser would. */
const dataJson = (html: string, name: string) => {
  const raw = new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];
  return raw === undefined ? undefined : JSON.parse(unescape(raw));
};

/** A draft filled up to the location page; returns that page. */
async function locationPage(ctx: TestContext) {
  const form = await TrafficForm.start(ctx, 'bennewitz');
  const answers = hvzAnswers();
  for (const page of ['case-type', 'applicant', 'no-parking']) expect((await form.post(page, answers[page]!)).statusCode).toBe(303);
  return form.browser.get(`${form.draftBase}/seite/location`);
}

describe('traffic maps on the server, without a tile server', () => {
  let ctx: TestContext;
  let bennewitz: string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock });
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('gives the location page a hidden drawing map on the municipality area, Leaflet from this origin, and no tile server', async () => {
    const res = await locationPage(ctx);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<div class="rc-map-field" data-rc-map="field" data-input="location.geometry" data-kinds="Point LineString Polygon"[^>]* hidden>/);
    expect(dataJson(res.body, 'data-map-area').bounds).toEqual([12.6, 51.3, 12.8, 51.42]);
    expect(res.body).toMatch(/<script src="\/assets\/leaflet-1\.9\.4\/leaflet\.js" defer><\/script>/);
    expect(res.body).toContain('/js/map-field.js');
    expect(res.body).not.toContain('rc-map-tiles');
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data:;");
    const leaflet = await ctx.app.inject('/assets/leaflet-1.9.4/leaflet.js');
    expect(leaflet.statusCode).toBe(200);
    expect(leaflet.headers['cache-control']).toContain('immutable');
  });

  it('loads no map scripts on pages without a map', async () => {
    const res = await ctx.app.inject('/bennewitz');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('leaflet');
  });

  it('shows the public map only when there are restrictions, reading the feed from this origin', async () => {
    const empty = await ctx.app.inject('/bennewitz/verkehr/beschraenkungen');
    expect(empty.body).not.toContain('data-rc-map');
    const applied = await applyAndProcess(ctx, clock, { slug: 'bennewitz', id: bennewitz }, hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '07.12.2026', 'location.geometry': JSON.stringify(line(0)) }));
    const { staff } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    await approveCase(ctx, clock, bennewitz, applied.row.id, staff.id);
    const page = await ctx.app.inject('/bennewitz/verkehr/beschraenkungen');
    expect(page.body).toContain('data-rc-map="view"');
    expect(page.body).toContain('data-geojson-url="/bennewitz/verkehr/beschraenkungen.geojson"');
    expect(page.body).toContain('aria-label="Karte der Verkehrsbeschränkungen"');
    expect(dataJson(page.body, 'data-area').bounds).toEqual([12.6, 51.3, 12.8, 51.42]);
    // The list stays: the restriction is there in text as before.
    expect(page.body).toContain('Teichweg');
  });

  it('shows this case and the conflicting case on the case page, with the link to the other case', async () => {
    const first = await applyAndProcess(ctx, clock, { slug: 'bennewitz', id: bennewitz }, hvzAnswers({ 'location.street': 'Am Anger', 'location.geometry': JSON.stringify(line(1000)), 'period.from': '21.12.2026', 'period.to': '21.12.2026' }));
    const { staff, browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    await approveCase(ctx, clock, bennewitz, first.row.id, staff.id);
    const second = await applyAndProcess(ctx, clock, { slug: 'bennewitz', id: bennewitz }, hvzAnswers({ 'location.street': 'Anger', 'location.geometry': JSON.stringify(line(1040)), 'period.from': '21.12.2026', 'period.to': '21.12.2026' }));
    expect(second.findings.find((f) => f.code === 'verkehr.conflict')?.message.de).toContain(first.reference);
    // Another municipality's case under the same reference, drawn elsewhere, must never appear.
    await insertCase(ctx.db, await tenantIdOf(ctx.db, 'wurzen'), { reference: first.reference, data: { caseType: 'HVZ', location: { street: 'Markt', geometry: line(5000) } } });

    const page = await browser.get(`/bennewitz/staff/vorgaenge/${second.row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/bennewitz/staff/vorgaenge/${first.row.id}"`);
    const map = dataJson(page.body, 'data-geojson');
    expect(map.features).toEqual([
      { type: 'Feature', geometry: line(1040), properties: { tone: 'self', label: `Dieser Vorgang (${second.reference})` } },
      { type: 'Feature', geometry: line(1000), properties: { tone: 'other', label: `Überschneidung: ${first.reference}` } },
    ]);
    // The case without a conflict gets no map.
    const quiet = await browser.get(`/bennewitz/staff/vorgaenge/${first.row.id}`);
    expect(quiet.body).not.toContain('data-rc-map');
  });
});

describe('traffic maps with a tile server', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ clock, settings: { mapTileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', mapTileAttribution: '© Beispiel <Karten> & Co' } });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('announces the tiles to the map script and allows exactly their origin for images', async () => {
    const res = await locationPage(ctx);
    expect(res.body).toContain('<meta name="rc-map-tiles" content="https://{s}.tile.example.org/{z}/{x}/{y}.png">');
    expect(res.body).toContain('<meta name="rc-map-attribution" content="© Beispiel &lt;Karten&gt; &amp; Co">');
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: https://*.tile.example.org;");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self';");
  });
});
