/**
 * GewA1 through the real submission path: the JSON API on the seeded founding municipalities, a
 * real worker (rules, automatic steps, PDF, mails, deliveries), then the receipt PDF as the status
 * page serves it and the files on the file-drop channel. A standard case finishes without a
 * human; permit, craft, minor and third-country cases wait for a caseworker with the right
 * findings, and their receipts carry the right notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { applyTransition } from '../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../modules/cases/case-engine-wiring.js';
import { allServicePackages } from '../../service-packages.js';
import { estateAgentAnswers, hairdresserAnswers, minorAnswers, submitGewerbe, thirdCountryAnswers, webDesignerAnswers } from './testing/gewerbe-answers.js';
import { startGewerbeHarness, type GewerbeHarness } from './testing/gewerbe-harness.js';

describe('Gewerbe-Anmeldung end to end', () => {
  let h: GewerbeHarness;
  beforeAll(async () => {
    h = await startGewerbeHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('issues the receipt for a sole trader’s web-design business without a human, registers it and delivers to the recipients', async () => {
    const { ctx, wurzen } = h;
    const c = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-anmeldung', webDesignerAnswers());
    expect(c.reference).toMatch(/^WUR-GEW-\d{4}-\d{6}$/);
    await waitFor(async () => (await h.caseRow(c)).state === 'closed', 30_000, 'automatic receipt and transmission');
    expect((await h.findings(c)).filter((f) => f.severity !== 'info')).toEqual([]);
    const text = await h.receiptText(c);
    expect(text).toContain('Empfangsbescheinigung nach § 15 Abs. 1 GewO');
    expect(text).toContain('Jörg Müßig-Äbelé');
    expect(text).toContain('Webdesign und Programmierung von Internetseiten');
    expect(text).toContain(c.reference);
    expect(text).not.toContain('berechtigt nicht zur Aufnahme');
    const entry = await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('gewerbe_register_entries').selectAll().where('holder_name', '=', 'Jörg Müßig-Äbelé').executeTakeFirstOrThrow());
    expect(entry).toMatchObject({ status: 'active', activity: 'Webdesign und Programmierung von Internetseiten', wz_code: '62.01', town: 'Wurzen' });
    // One delivery per applicable recipient: no HWK (no craft), no Ausländerbehörde (German), no permit authority, Zoll waived.
    expect(await h.deliveredTo(c)).toEqual(['dguv', 'finanzamt', 'ihk']);
    expect(h.xmlFor(c, 'ihk')).toContain('<xga:taetigkeitSchwerpunkt>Webdesign und Programmierung von Internetseiten</xga:taetigkeitSchwerpunkt>');
    // The IHK does not receive the public-sector share (field 13, § 3 GewAnzV).
    expect(h.xmlFor(c, 'ihk')).not.toContain('beteiligungOeffentlicheHand');
  });

  const review = [
    { name: 'real-estate agent (§ 34c GewO)', answers: estateAgentAnswers, recipients: ['dguv', 'erlaubnisbehoerde', 'finanzamt', 'ihk'], codes: ['gewerbe.permit-required'], source: '§ 34c GewO', note: /berechtigt nicht zur Aufnahme der Tätigkeit „Immobilienmakler[^“]*“\. Dafür brauchen Sie eine Erlaubnis nach § 34c GewO/ },
    { name: 'hairdresser (Anlage A HwO)', answers: hairdresserAnswers, recipients: ['dguv', 'finanzamt', 'hwk'], codes: ['gewerbe.craft-card-missing'], source: '§ 1 Abs. 1 HwO, Anlage A', note: /berechtigt nicht zum selbständigen Betrieb des Handwerks „Friseur“/ },
    { name: '17-year-old', answers: minorAnswers, recipients: ['dguv', 'finanzamt', 'ihk'], codes: ['gewerbe.minor'], source: '§ 112 BGB', note: null },
    { name: 'third-country national without residence title', answers: thirdCountryAnswers, recipients: ['auslaenderbehoerde', 'dguv', 'finanzamt', 'ihk'], codes: ['gewerbe.residence-title-missing'], source: '§ 4a Abs. 1 und 3 AufenthG', note: null },
  ];

  for (const t of review) {
    it(`puts the ${t.name} before a caseworker with the right finding, and the caseworker’s receipt carries the right note`, async () => {
      const { ctx, wurzen } = h;
      const c = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-anmeldung', t.answers());
      await h.evaluated(c);
      await waitFor(async () => (await h.caseRow(c)).state === 'in-review', 30_000, 'review state');
      const found = await h.findings(c);
      for (const code of t.codes) expect(found.find((f) => f.code === code), `${t.name}: ${code}`).toMatchObject({ severity: 'warning', legal_source: t.source });
      const row = await h.caseRow(c);
      expect(row.due_at).not.toBeNull();
      const timers = await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('case_timers').select(['name', 'status']).where('case_id', '=', c.caseId).execute());
      expect(timers).toEqual([{ name: 'receipt-due', status: 'armed' }]);

      // The caseworker confirms receipt (the back office's button runs this command).
      const engine = buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });
      await applyTransition(engine, { tenantId: wurzen.id, caseId: c.caseId, transitionId: 'confirm', actor: { kind: 'caseworker' }, expectedVersion: row.version, now: new Date() });
      const text = await h.receiptText(c);
      expect(text).toContain(c.reference);
      if (t.note) expect(text.replace(/\s+/g, ' ')).toMatch(t.note);
      else expect(text).not.toContain('berechtigt nicht zur Aufnahme');
      expect((await h.caseRow(c)).state).toBe('closed');
      expect(await h.deliveredTo(c)).toEqual(t.recipients);
    });
  }
});
