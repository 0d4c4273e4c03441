/**
 * GewA1 through the real submission path: the JSON API on the seeded founding municipalities, a
 * real worker (rules, automatic steps, PDF, mails), then the receipt PDF as the status page
 * serves it. A standard case finishes without a human; permit, craft, minor and third-country
 * cases wait for a caseworker with the right findings, and their receipts carry the right notes.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { pdfText } from '../../../test/support/pdf-inspection.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { systemClock } from '../../app.js';
import { applyTransition } from '../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../modules/cases/case-engine-wiring.js';
import { allServicePackages } from '../../service-packages.js';
import { startWorker, type Worker } from '../../platform/jobs/worker.js';
import { createMailTransport } from '../../platform/mail/mail-transport.js';
import { estateAgentAnswers, hairdresserAnswers, minorAnswers, submitGewerbe, thirdCountryAnswers, webDesignerAnswers, type SubmittedGewerbe } from './testing/gewerbe-answers.js';

describe('Gewerbe-Anmeldung end to end', () => {
  let ctx: TestContext;
  let worker: Worker;
  let wurzen: { slug: string; id: string };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: systemClock });
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
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await ctx?.close();
  });

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
    await waitFor(async () => (await caseRow(c)).state === 'confirmed', 30_000, 'automatic receipt');
    expect((await findings(c)).filter((f) => f.severity !== 'info')).toEqual([]);
    const text = await receiptText(c);
    expect(text).toContain('Empfangsbescheinigung nach § 15 Abs. 1 GewO');
    expect(text).toContain('Jörg Müßig-Äbelé');
    expect(text).toContain('Webdesign und Programmierung von Internetseiten');
    expect(text).toContain(c.reference);
    expect(text).not.toContain('berechtigt nicht zur Aufnahme');
    const entry = await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('gewerbe_register_entries').selectAll().where('holder_name', '=', 'Jörg Müßig-Äbelé').executeTakeFirstOrThrow());
    expect(entry).toMatchObject({ status: 'active', activity: 'Webdesign und Programmierung von Internetseiten', wz_code: '62.01', town: 'Wurzen' });
  });

  const review = [
    { name: 'real-estate agent (§ 34c GewO)', answers: estateAgentAnswers, codes: ['gewerbe.permit-required'], source: '§ 34c GewO', note: /berechtigt nicht zur Aufnahme der Tätigkeit „Immobilienmakler[^“]*“\. Dafür brauchen Sie eine Erlaubnis nach § 34c GewO/ },
    { name: 'hairdresser (Anlage A HwO)', answers: hairdresserAnswers, codes: ['gewerbe.craft-card-missing'], source: '§ 1 Abs. 1 HwO, Anlage A', note: /berechtigt nicht zum selbständigen Betrieb des Handwerks „Friseur“/ },
    { name: '17-year-old', answers: minorAnswers, codes: ['gewerbe.minor'], source: '§ 112 BGB', note: null },
    { name: 'third-country national without residence title', answers: thirdCountryAnswers, codes: ['gewerbe.residence-title-missing'], source: '§ 4a Abs. 1 und 3 AufenthG', note: null },
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
    });
  }
});
