/**
 * The Gewerberegister: a GewA1 creates an entry, a GewA2 changes it (history kept, what changed
 * recorded), a GewA3 closes it, and a replayed step adds nothing. The caseworker pages search,
 * show an entry with its history and export CSV safely; other municipalities' staff get 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../../test/support/factories.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { pdfText } from '../../../../test/support/pdf-inspection.js';
import { createTestContext, csrfTokenIn, type Browser, type TestContext } from '../../../../test/support/test-app.js';
import { hairdresserAnswers, webDesignerAnswers } from '../testing/gewerbe-answers.js';
import { insertGewerbeCase, registerGewerbe } from '../testing/register-factory.js';
import { applyToRegister } from './update-register.js';

describe('Gewerberegister', () => {
  let ctx: TestContext;
  let wurzen: string;
  let bennewitz: string;
  let caseworker: Browser;
  let created: { caseId: string; entryId: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    caseworker = (await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', role: 'caseworker' })).browser;
    created = await registerGewerbe(ctx.db, wurzen, hairdresserAnswers());
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const entry = (id: string) => ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('gewerbe_register_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const history = (id: string) => ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('gewerbe_register_history').selectAll().where('entry_id', '=', id).orderBy('seq').execute());

  it('creates the entry from a GewA1, changes it by a GewA2 keeping the history, and closes it by a GewA3', async () => {
    expect(await entry(created.entryId)).toMatchObject({ status: 'active', holder_name: 'Ayşe Öztürk', activity: 'Friseur', street: 'Badergasse', entry_number: expect.any(Number) });

    const moved = { ...hairdresserAnswers(), changeReasons: ['relocation'], changeDate: new Date().toISOString().slice(0, 10), previousAddress: hairdresserAnswers().businessAddress, businessAddress: { street: 'Markt', houseNumber: '11', postalCode: '04808', town: 'Wurzen', country: 'DE' } };
    const change = await insertGewerbeCase(ctx.db, wurzen, moved, 'gewerbe-ummeldung');
    const changedId = await ctx.db.withTenant(wurzen, (trx) => applyToRegister(trx, wurzen, change, new Date()));
    expect(changedId).toBe(created.entryId);
    expect(await entry(created.entryId)).toMatchObject({ status: 'active', street: 'Markt', house_number: '11', version: 2 });

    const { previousAddress: _previous, changeReasons: _reasons, changeDate: _date, ...atMarkt } = moved;
    const close = await insertGewerbeCase(ctx.db, wurzen, { ...atMarkt, closeDate: new Date().toISOString().slice(0, 10), reason: 'complete', closureCause: 'age-health' }, 'gewerbe-abmeldung');
    await ctx.db.withTenant(wurzen, (trx) => applyToRegister(trx, wurzen, close, new Date()));
    // Replaying the workflow effect for the same case adds nothing.
    await ctx.db.withTenant(wurzen, (trx) => applyToRegister(trx, wurzen, close, new Date()));
    expect(await entry(created.entryId)).toMatchObject({ status: 'closed', street: 'Markt', closed_on: expect.any(String) });
    const rows = await history(created.entryId);
    expect(rows.map((r) => r.kind)).toEqual(['registered', 'changed', 'deregistered']);
    expect(rows[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'street', from: 'Badergasse', to: 'Markt' },
        { field: 'house_number', from: '2', to: '11' },
      ]),
    );
    expect(rows[2]!.changes).toEqual([{ field: 'status', from: 'active', to: 'closed' }]);
  });

  it('lets a caseworker search, open an entry with its history, and export CSV with formulas neutralised', async () => {
    await registerGewerbe(ctx.db, wurzen, { ...webDesignerAnswers(), name: { given: '=HYPERLINK("x")', family: 'Meier' } });
    const list = await caseworker.get('/wurzen/staff/gewerberegister?stand=all');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Ayşe Öztürk');
    expect(list.body).toContain('Webdesign und Programmierung von Internetseiten');

    const found = await caseworker.get('/wurzen/staff/gewerberegister?stand=all&suche=friseur%20markt');
    expect(found.body).toContain('Ayşe Öztürk');
    expect(found.body).not.toContain('Webdesign');
    const active = await caseworker.get('/wurzen/staff/gewerberegister?stand=active');
    expect(active.body).not.toContain('Ayşe Öztürk');

    const bad = await caseworker.get('/wurzen/staff/gewerberegister?stand=vielleicht');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Der Status „vielleicht“ ist unbekannt');

    const detail = await caseworker.get(`/wurzen/staff/gewerberegister/${created.entryId}`);
    expect(detail.statusCode).toBe(200);
    for (const text of ['Anmeldung', 'Ummeldung', 'Abmeldung', 'street: Badergasse → Markt', `/wurzen/staff/vorgaenge/${created.caseId}`]) expect(detail.body).toContain(text);

    const csv = await caseworker.get('/wurzen/staff/gewerberegister.csv?stand=all');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFNr.,Gewerbetreibende/r')).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"") Meier"`);
    expect(csv.body).toContain('Ayşe Öztürk');
  });

  it('creates a verifiable register extract PDF of an entry with its history', async () => {
    const detail = await caseworker.get(`/wurzen/staff/gewerberegister/${created.entryId}`);
    const token = csrfTokenIn(detail.body)!;
    const res = await caseworker.post(`/wurzen/staff/gewerberegister/${created.entryId}/auszug`, { _csrf: token });
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(new RegExp(`^/wurzen/staff/vorgaenge/[0-9a-f-]{36}/dokumente/[0-9a-f-]{36}$`));
    const pdf = await caseworker.get(String(res.headers.location));
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    const entryRow = await entry(created.entryId);
    for (const expected of ['Auszug aus dem Gewerberegister', `Registernummer ${entryRow.entry_number}`, 'Ayşe Öztürk', 'Friseur', 'Markt 11, 04808 Wurzen', 'Anmeldung', 'Ummeldung', 'Abmeldung', 'Prüfcode']) expect(text).toContain(expected);
  });

  it('answers 404 to another municipality’s staff and for another municipality’s entry', async () => {
    const other = await registerGewerbe(ctx.db, bennewitz, { ...webDesignerAnswers(), businessAddress: { street: 'Bahnhofstraße', houseNumber: '1', postalCode: '04828', town: 'Bennewitz', country: 'DE' } });
    const bennewitzStaff = (await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz', role: 'caseworker' })).browser;
    expect((await bennewitzStaff.get('/wurzen/staff/gewerberegister')).statusCode).toBe(404);
    expect((await bennewitzStaff.get('/wurzen/staff/gewerberegister.csv')).statusCode).toBe(404);
    expect((await bennewitzStaff.get(`/wurzen/staff/gewerberegister/${created.entryId}`)).statusCode).toBe(404);
    const token = csrfTokenIn((await bennewitzStaff.get('/staff/password')).body)!;
    expect((await bennewitzStaff.post(`/wurzen/staff/gewerberegister/${created.entryId}/auszug`, { _csrf: token })).statusCode).toBe(404);
    expect((await bennewitzStaff.post(`/bennewitz/staff/gewerberegister/${created.entryId}/auszug`, { _csrf: token })).statusCode).toBe(404);
    // A Wurzen caseworker asking for a Bennewitz entry under the Wurzen URL finds nothing either.
    expect((await caseworker.get(`/wurzen/staff/gewerberegister/${other.entryId}`)).statusCode).toBe(404);
    expect((await caseworker.get('/wurzen/staff/gewerberegister/kein-uuid')).statusCode).toBe(404);
    expect((await caseworker.get('/wurzen/staff/gewerberegister?stand=all')).body).not.toContain('Bahnhofstraße');
  });
});
