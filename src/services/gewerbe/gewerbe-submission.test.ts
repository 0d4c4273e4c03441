/**
 * GewA1 through the real submission path: the JSON API on the seeded founding municipalities, a
 * real worker (rules, automatic steps, PDF, mails), then the receipt PDF as the status page
 * serves it. A standard case finishes without a human; permit, craft, minor and third-country
 * cases wait for a caseworker with the right findings, and their receipts carry the right notes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { configureTestChannel, visibleFiles } from '../../../test/support/delivery-kit.js';
import { pdfText } from '../../../test/support/pdf-inspection.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { systemClock } from '../../app.js';
import { applyTransition } from '../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../modules/cases/case-engine-wiring.js';
import { allServicePackages } from '../../service-packages.js';
import { startWorker, type Worker } from '../../platform/jobs/worker.js';
import { createMailTransport } from '../../platform/mail/mail-transport.js';
import { loadGewerbeSettings, saveGewerbeSettings } from './settings.js';
import { estateAgentAnswers, hairdresserAnswers, minorAnswers, submitGewerbe, thirdCountryAnswers, webDesignerAnswers, type SubmittedGewerbe } from './testing/gewerbe-answers.js';

describe('Gewerbe-Anmeldung end to end', () => {
  let ctx: TestContext;
  let worker: Worker;
  let wurzen: { slug: string; id: string };
  let dropDir: string;

  beforeAll(async () => {
    dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-gewerbe-drop-'));
    ctx = await createTestContext({ clock: systemClock, settings: { deliveryDropDir: dropDir } });
    worker = await startWorker(ctx.queue, [...ctx.queue.jobs.values()], {
      db: ctx.db,
      settings: ctx.settings,
      clock: systemClock,
      log: pino({ level: 'silent' }),
      mail: createMailTransport({ from: 'gewerbe@wurzen.example' }),
      storage: ctx.storage,
      secret: ctx.secret,
      pollingIntervalSeconds: 0.5,
    });
    wurzen = { slug: 'wurzen', id: await tenantIdOf(ctx.db, 'wurzen') };
    // Wurzen delivers to these recipients through one file-drop folder (the seed gave it its area).
    await configureTestChannel(ctx.db, wurzen.id, { id: 'ablage', displayName: 'Übergabeordner', channelType: 'file-drop', options: { folder: 'wurzen/xgewerbeanzeige' } });
    await ctx.db.withTenant(wurzen.id, async (trx) => {
      const recipient = (name: string) => ({ name, channelId: 'ablage', dvdv: { praefix: 'test', kennung: name.toLowerCase().replace(/\W+/g, '-') } });
      const recipients = { ihk: recipient('IHK zu Leipzig'), hwk: recipient('Handwerkskammer zu Leipzig'), finanzamt: recipient('Finanzamt Grimma'), dguv: recipient('DGUV'), auslaenderbehoerde: recipient('Ausländerbehörde Landkreis Leipzig'), erlaubnisbehoerde: recipient('Gewerbeaufsicht Landkreis Leipzig'), zoll: { ...recipient('Hauptzollamt'), waived: true } };
      await saveGewerbeSettings(trx, wurzen.id, { ...(await loadGewerbeSettings(trx, wurzen.id)), recipients }, new Date());
    });
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await ctx?.close();
    fs.rmSync(dropDir, { recursive: true, force: true });
  });

  const deliveries = (c: SubmittedGewerbe) =>
    ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('deliveries').select(['recipient_id', 'status', 'payload_filename']).where('case_id', '=', c.caseId).orderBy('recipient_id').execute());
  /** Waits until every delivery of the case is delivered and returns the recipients. */
  async function deliveredTo(c: SubmittedGewerbe): Promise<string[]> {
    await waitFor(async () => {
      const rows = await deliveries(c);
      return rows.length > 0 && rows.every((d) => d.status === 'delivered');
    }, 30_000, 'deliveries delivered');
    const rows = await deliveries(c);
    // One file per delivery in the drop folder, named by reference and recipient.
    const files = visibleFiles(dropDir).filter((f) => f.includes(c.reference));
    expect(files).toHaveLength(rows.length);
    for (const d of rows) expect(files.some((f) => f.includes(`_${d.recipient_id}_`) && f.endsWith('.xml')), d.recipient_id).toBe(true);
    return rows.map((d) => d.recipient_id);
  }

  const caseRow = (c: SubmittedGewerbe) => ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('cases').selectAll().where('id', '=', c.caseId).executeTakeFirstOrThrow());
  const findings = (c: SubmittedGewerbe) =>
    ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('case_findings').select(['code', 'severity', 'legal_source']).where('case_id', '=', c.caseId).orderBy('evaluation', 'desc').orderBy('position').execute());
  const evaluated = async (c: SubmittedGewerbe) => (await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('case_rule_evaluations').select('evaluation').where('case_id', '=', c.caseId).executeTakeFirst())) !== undefined;

  /** The released receipt's text, fetched from the status page like the applicant would. */
  async function receiptText(c: SubmittedGewerbe): Promise<string> {
    let href: string | undefined;
    await waitFor(async () => {
      const status = await ctx.app.inject(`/api/v1/wurzen/status/${c.statusToken}`);
      href = (status.json() as { documents: { href: string }[] }).documents[0]?.href;
      return href !== undefined;
    }, 30_000, 'released receipt');
    const pdf = await ctx.app.inject(href!);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    return pdfText(pdf.rawPayload);
  }

  it('issues the receipt for a sole trader’s web-design business without a human, with name, activity and reference', async () => {
    const c = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-anmeldung', webDesignerAnswers());
    expect(c.reference).toMatch(/^WUR-GEW-\d{4}-\d{6}$/);
    await waitFor(async () => (await caseRow(c)).state === 'closed', 30_000, 'automatic receipt and transmission');
    expect((await findings(c)).filter((f) => f.severity !== 'info')).toEqual([]);
    const text = await receiptText(c);
    expect(text).toContain('Empfangsbescheinigung nach § 15 Abs. 1 GewO');
    expect(text).toContain('Jörg Müßig-Äbelé');
    expect(text).toContain('Webdesign und Programmierung von Internetseiten');
    expect(text).toContain(c.reference);
    expect(text).not.toContain('berechtigt nicht zur Aufnahme');
    const entry = await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('gewerbe_register_entries').selectAll().where('holder_name', '=', 'Jörg Müßig-Äbelé').executeTakeFirstOrThrow());
    expect(entry).toMatchObject({ status: 'active', activity: 'Webdesign und Programmierung von Internetseiten', wz_code: '62.01', town: 'Wurzen' });
    // One delivery per applicable recipient: no HWK (no craft), no Ausländerbehörde (German), no permit authority, Zoll waived.
    expect(await deliveredTo(c)).toEqual(['dguv', 'finanzamt', 'ihk']);
  });

  const review = [
    { name: 'real-estate agent (§ 34c GewO)', answers: estateAgentAnswers, recipients: ['dguv', 'erlaubnisbehoerde', 'finanzamt', 'ihk'], codes: ['gewerbe.permit-required'], source: '§ 34c GewO', note: /berechtigt nicht zur Aufnahme der Tätigkeit „Immobilienmakler[^“]*“\. Dafür brauchen Sie eine Erlaubnis nach § 34c GewO/ },
    { name: 'hairdresser (Anlage A HwO)', answers: hairdresserAnswers, recipients: ['dguv', 'finanzamt', 'hwk'], codes: ['gewerbe.craft-card-missing'], source: '§ 1 Abs. 1 HwO, Anlage A', note: /berechtigt nicht zum selbständigen Betrieb des Handwerks „Friseur“/ },
    { name: '17-year-old', answers: minorAnswers, recipients: ['dguv', 'finanzamt', 'ihk'], codes: ['gewerbe.minor'], source: '§ 112 BGB', note: null },
    { name: 'third-country national without residence title', answers: thirdCountryAnswers, recipients: ['auslaenderbehoerde', 'dguv', 'finanzamt', 'ihk'], codes: ['gewerbe.residence-title-missing'], source: '§ 4a Abs. 1 und 3 AufenthG', note: null },
  ];

  for (const t of review) {
    it(`puts the ${t.name} before a caseworker with the right finding, and the caseworker’s receipt carries the right note`, async () => {
      const c = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-anmeldung', t.answers());
      await waitFor(() => evaluated(c), 30_000, 'rules evaluated');
      await waitFor(async () => (await caseRow(c)).state === 'in-review', 30_000, 'review state');
      const found = await findings(c);
      for (const code of t.codes) expect(found.find((f) => f.code === code), `${t.name}: ${code}`).toMatchObject({ severity: 'warning', legal_source: t.source });
      const row = await caseRow(c);
      expect(row.due_at).not.toBeNull();
      const timers = await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('case_timers').select(['name', 'status']).where('case_id', '=', c.caseId).execute());
      expect(timers).toEqual([{ name: 'receipt-due', status: 'armed' }]);

      // The caseworker confirms receipt (the back office's button runs this command).
      const engine = buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });
      await applyTransition(engine, { tenantId: wurzen.id, caseId: c.caseId, transitionId: 'confirm', actor: { kind: 'caseworker' }, expectedVersion: row.version, now: new Date() });
      const text = await receiptText(c);
      expect(text).toContain(c.reference);
      if (t.note) expect(text.replace(/\s+/g, ' ')).toMatch(t.note);
      else expect(text).not.toContain('berechtigt nicht zur Aufnahme');
      expect((await caseRow(c)).state).toBe('closed');
      expect(await deliveredTo(c)).toEqual(t.recipients);
    });
  }
});
