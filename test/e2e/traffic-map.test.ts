/**
 * The traffic maps in a real browser, without a tile server (MAP_TILE_URL unset, so no request
 * leaves 127.0.0.1): the applicant draws a line on the location page with clicks and by keyboard
 * and the draft stores it as a GeoJSON LineString, shown again on return; the public restrictions
 * page shows the feed on a map beside its list; the caseworker sees a conflicting case's drawing
 * next to this one. Every page passes axe with its map built.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findDraftByToken } from '../../src/modules/submissions/draft-store.js';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { createStaff, type TestStaff } from '../support/factories.js';
import { tenantIdOf } from '../support/factories-cases.js';
import { TestClock } from '../support/test-app.js';
import { applyAndProcess, approveCase, hvzAnswers, TrafficForm } from '../support/traffic-journey.js';

const clock = new TestClock(new Date('2026-11-16T09:00:00+01:00'));

/** A drawn 15 m zone on the Anger, `offsetM` metres east of the first one. */
const line = (offsetM: number) => JSON.stringify({ type: 'LineString', coordinates: [[12.7 + offsetM / 69_600, 51.36], [12.7 + (offsetM + 15) / 69_600, 51.36]] });

describeInBrowser('traffic maps in the browser', () => {
  let session: BrowserSession;
  let bennewitz: string;
  let caseworker: TestStaff;

  beforeAll(async () => {
    session = await startBrowserSession({ clock });
    bennewitz = await tenantIdOf(session.ctx.db, 'bennewitz');
    caseworker = await createStaff(session.ctx.db, { tenantSlug: 'bennewitz', role: 'caseworker' });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** A draft filled up to the location page over HTTP; returns its base path and token. */
  async function draftAtLocation(): Promise<{ base: string; token: string }> {
    const form = await TrafficForm.start(session.ctx, 'bennewitz');
    const answers = hvzAnswers();
    for (const page of ['case-type', 'applicant', 'no-parking']) expect((await form.post(page, answers[page]!)).statusCode).toBe(303);
    return { base: form.draftBase, token: form.draftBase.split('/').pop()! };
  }

  const storedLocation = async (token: string) => {
    const draft = await session.ctx.db.withTenant(bennewitz, (trx) => findDraftByToken(trx, bennewitz, token, clock.now()));
    return (draft!.data as { location?: { geometry?: { type: string; coordinates: number[][] }; street?: string } }).location;
  };

  const status = (page: Page) => page.locator('#field-location-geometry-map-status');

  it('draws a line with clicks and by keyboard, stores it as a GeoJSON LineString and shows it again', async () => {
    const { base, token } = await draftAtLocation();
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto(`${base}/seite/location`);
    const map = page.getByRole('region', { name: 'Karte: Ort der Maßnahme' });
    await map.waitFor();
    expect(await page.getByText('Für diese Karte ist kein Kartenhintergrund eingerichtet', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText('Die Karte ist freiwillig.', { exact: false }).isVisible()).toBe(true);
    await checkA11y(page);

    await page.getByLabel('Straße', { exact: true }).fill('Teichweg');
    await page.getByLabel('Seite mit geraden Hausnummern').check();
    await page.getByLabel('Parkstreifen oder Parkplätze am Fahrbahnrand').check();
    await page.getByRole('button', { name: 'Linie zeichnen' }).click();
    expect(await page.getByRole('button', { name: 'Linie zeichnen' }).getAttribute('aria-pressed')).toBe('true');
    // Around the centre: the map opens on the municipality's area, whose middle lies inside it.
    const box = (await map.boundingBox())!;
    for (const dx of [-60, 0, 60]) await map.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dx / 6 } });
    expect(await status(page).textContent()).toMatch(/^Linie mit 3 Punkten eingezeichnet, etwa [\d.]+ m lang\.$/);

    // By keyboard: remove the last point, then set one at the centre of the focused map with Enter.
    await page.getByRole('button', { name: 'Letzten Punkt entfernen' }).click();
    expect(await status(page).textContent()).toMatch(/^Linie mit 2 Punkten/);
    await map.focus();
    await page.keyboard.press('Enter');
    expect(await status(page).textContent()).toMatch(/^Linie mit 3 Punkten/);
    await checkA11y(page);

    await Promise.all([page.waitForURL('**/seite/period'), page.getByRole('button', { name: 'Weiter' }).click()]);
    const stored = await storedLocation(token);
    expect(stored?.street).toBe('Teichweg');
    expect(stored?.geometry?.type).toBe('LineString');
    expect(stored?.geometry?.coordinates).toHaveLength(3);
    // WGS84 in [longitude, latitude] order, inside Bennewitz's box [12.6, 51.3, 12.8, 51.42].
    for (const [lon, lat] of stored!.geometry!.coordinates) {
      expect(lon).toBeGreaterThan(12.6);
      expect(lon).toBeLessThan(12.8);
      expect(lat).toBeGreaterThan(51.3);
      expect(lat).toBeLessThan(51.42);
    }

    await page.goto(`${base}/seite/location`);
    await map.waitFor();
    expect(await status(page).textContent()).toMatch(/^Linie mit 3 Punkten eingezeichnet/);
    expect(await page.getByRole('button', { name: 'Linie zeichnen' }).getAttribute('aria-pressed')).toBe('true');
    expect(problems, 'browser console').toEqual([]);
  });

  it('draws an area as a closed GeoJSON ring and a point, and deletes the drawing', async () => {
    const { base } = await draftAtLocation();
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto(`${base}/seite/location`);
    const map = page.getByRole('region', { name: 'Karte: Ort der Maßnahme' });
    await map.waitFor();
    const drawn = async () => JSON.parse((await page.locator('input[name="location.geometry"]').inputValue()) || 'null');
    const box = (await map.boundingBox())!;
    const at = (dx: number, dy: number) => map.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });

    await page.getByRole('button', { name: 'Fläche zeichnen' }).click();
    await at(-40, -40);
    await at(40, -40);
    expect(await status(page).textContent()).toBe('Fläche begonnen: 2 von mindestens 3 Eckpunkten.');
    expect(await drawn()).toBeNull();
    await at(0, 40);
    expect(await status(page).textContent()).toMatch(/^Fläche mit 3 Eckpunkten eingezeichnet, etwa [\d.]+ m²\.$/);
    const area = await drawn();
    expect(area.type).toBe('Polygon');
    expect(area.coordinates[0]).toHaveLength(4);
    expect(area.coordinates[0][3]).toEqual(area.coordinates[0][0]);

    await page.getByRole('button', { name: 'Punkt setzen' }).click();
    expect(await status(page).textContent()).toBe('Werkzeug „Punkt setzen“ gewählt. Punkt gesetzt.');
    expect((await drawn()).type).toBe('Point');
    await page.getByRole('button', { name: 'Zeichnung löschen' }).click();
    expect(await status(page).textContent()).toBe('Noch nichts eingezeichnet.');
    expect(await drawn()).toBeNull();
    expect(problems, 'browser console').toEqual([]);
  });

  it('shows the published restrictions on the public map beside the list, and a conflict on the caseworker map', async () => {
    const apply = (geometry: string, street: string) =>
      applyAndProcess(session.ctx, clock, { slug: 'bennewitz', id: bennewitz }, hvzAnswers({ 'location.street': street, 'location.geometry': geometry, 'location.houseNumberFrom': '', 'location.houseNumberTo': '', 'period.from': '07.12.2026', 'period.to': '07.12.2026' }));
    const first = await apply(line(0), 'Am Anger');
    await approveCase(session.ctx, clock, bennewitz, first.row.id, caseworker.id);
    const second = await apply(line(40), 'Anger');
    expect(second.findings.map((f) => f.code)).toContain('verkehr.conflict');

    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto('/bennewitz/verkehr/beschraenkungen');
    const publicMap = page.getByRole('region', { name: 'Karte der Verkehrsbeschränkungen' });
    await publicMap.waitFor();
    await page.getByText('1 von 1 Beschränkungen sind in der Karte eingezeichnet', { exact: false }).waitFor();
    expect(await publicMap.locator('path.leaflet-interactive').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Am Anger' }).count()).toBe(1);
    await checkA11y(page);

    await page.goto('/staff/login');
    await page.getByLabel('E-Mail-Adresse').fill(caseworker.email);
    await page.getByLabel('Passwort').fill(caseworker.password);
    await Promise.all([page.waitForURL('**/bennewitz/staff'), page.getByRole('button', { name: 'Anmelden' }).click()]);
    await page.goto(`/bennewitz/staff/vorgaenge/${second.row.id}`);
    const conflictMap = page.getByRole('region', { name: 'Karte: dieser Vorgang und die Überschneidungen' });
    await conflictMap.waitFor();
    await page.getByText('2 von 2 Vorgängen haben eine Kartenangabe', { exact: false }).waitFor();
    expect(await conflictMap.locator('path.leaflet-interactive').count()).toBe(2);
    expect(await page.getByRole('link', { name: `Vorgang ${first.reference} öffnen` }).getAttribute('href')).toBe(`/bennewitz/staff/vorgaenge/${first.row.id}`);
    await checkA11y(page);
    expect(problems, 'browser console').toEqual([]);
  });

  it('keeps the typed path without scripts: no map, the address fields are the whole answer', async () => {
    const { base, token } = await draftAtLocation();
    const page = await session.newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/seite/location`);
    expect(await page.getByRole('region', { name: 'Karte: Ort der Maßnahme' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Linie zeichnen' }).count()).toBe(0);
    await page.getByLabel('Straße', { exact: true }).fill('Teichweg');
    await page.getByLabel('Hausnummer von').fill('10');
    await page.getByLabel('Länge in Metern').fill('15');
    await page.getByLabel('Seite mit geraden Hausnummern').check();
    await page.getByLabel('Parkstreifen oder Parkplätze am Fahrbahnrand').check();
    await Promise.all([page.waitForURL('**/seite/period'), page.getByRole('button', { name: 'Weiter' }).click()]);
    const stored = await storedLocation(token);
    expect(stored?.street).toBe('Teichweg');
    expect(stored?.geometry).toBeUndefined();
  });
});
