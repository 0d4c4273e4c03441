/**
 * The test harness of the Gewerbe end-to-end tests: the real app with a real worker, Wurzen
 * delivering to its recipients through a file-drop folder, and the questions those tests ask
 * (the case row, its findings, its released receipt's text, where its deliveries went).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { expect } from 'vitest';
import { configureTestChannel, visibleFiles } from '../../../../test/support/delivery-kit.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { pdfText } from '../../../../test/support/pdf-inspection.js';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.js';
import { waitFor } from '../../../../test/support/wait-for.js';
import { systemClock } from '../../../app.js';
import { startWorker, type Worker } from '../../../platform/jobs/worker.js';
import { createMailTransport } from '../../../platform/mail/mail-transport.js';
import { loadGewerbeSettings, saveGewerbeSettings } from '../settings.js';
import type { SubmittedGewerbe } from './gewerbe-answers.js';

export interface GewerbeHarness {
  ctx: TestContext;
  wurzen: { slug: string; id: string };
  caseRow(c: SubmittedGewerbe): Promise<{ state: string; version: number; due_at: Date | null }>;
  findings(c: SubmittedGewerbe): Promise<{ code: string; severity: string; legal_source: string | null }[]>;
  /** Waits until the rules ran on the case. */
  evaluated(c: SubmittedGewerbe): Promise<void>;
  /** The released receipt's text, fetched through the status API like the applicant would. */
  receiptText(c: SubmittedGewerbe): Promise<string>;
  /** Waits until every delivery of the case is delivered; returns the recipients (sorted). */
  deliveredTo(c: SubmittedGewerbe): Promise<string[]>;
  /** The XML file a recipient got for a case. */
  xmlFor(c: SubmittedGewerbe, recipient: string): string;
  close(): Promise<void>;
}

/** A worker running every registered job of the test app (rules, documents, mails, deliveries). */
export function startTestWorker(ctx: TestContext): Promise<Worker> {
  return startWorker(ctx.queue, [...ctx.queue.jobs.values()], {
    db: ctx.db,
    settings: ctx.settings,
    clock: systemClock,
    log: pino({ level: 'silent' }),
    mail: createMailTransport({ from: 'gewerbe@wurzen.example' }),
    storage: ctx.storage,
    secret: ctx.secret,
    pollingIntervalSeconds: 0.5,
  });
}

/** Wurzen delivers to IHK, HWK, Finanzamt, DGUV, Ausländerbehörde, Erlaubnisbehörde and Registergericht through one file-drop folder; the Zoll waived. */
export async function configureWurzenRecipients(ctx: TestContext, tenantId: string): Promise<void> {
  await configureTestChannel(ctx.db, tenantId, { id: 'ablage', displayName: 'Übergabeordner', channelType: 'file-drop', options: { folder: 'wurzen/xgewerbeanzeige' } });
  await ctx.db.withTenant(tenantId, async (trx) => {
    const recipient = (name: string) => ({ name, channelId: 'ablage', dvdv: { praefix: 'test', kennung: name.toLowerCase().replace(/\W+/g, '-') } });
    const recipients = {
      ihk: recipient('IHK zu Leipzig'),
      hwk: recipient('Handwerkskammer zu Leipzig'),
      finanzamt: recipient('Finanzamt Grimma'),
      dguv: recipient('DGUV'),
      auslaenderbehoerde: recipient('Ausländerbehörde Landkreis Leipzig'),
      erlaubnisbehoerde: recipient('Gewerbeaufsicht Landkreis Leipzig'),
      registergericht: recipient('Amtsgericht Leipzig'),
      zoll: { ...recipient('Hauptzollamt'), waived: true },
    };
    // The seed gave Wurzen its area; the recipients come on top.
    await saveGewerbeSettings(trx, tenantId, { ...(await loadGewerbeSettings(trx, tenantId)), recipients }, new Date());
  });
}

/** Starts the app, a worker and Wurzen's recipients. */
export async function startGewerbeHarness(): Promise<GewerbeHarness> {
  const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-gewerbe-drop-'));
  const ctx = await createTestContext({ clock: systemClock, settings: { deliveryDropDir: dropDir } });
  const worker = await startTestWorker(ctx);
  const wurzen = { slug: 'wurzen', id: await tenantIdOf(ctx.db, 'wurzen') };
  await configureWurzenRecipients(ctx, wurzen.id);

  const deliveries = (c: SubmittedGewerbe) =>
    ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('deliveries').select(['recipient_id', 'status']).where('case_id', '=', c.caseId).orderBy('recipient_id').execute());

  return {
    ctx,
    wurzen,
    caseRow: (c) => ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('cases').select(['state', 'version', 'due_at']).where('id', '=', c.caseId).executeTakeFirstOrThrow()),
    findings: (c) =>
      ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('case_findings').select(['code', 'severity', 'legal_source']).where('case_id', '=', c.caseId).orderBy('evaluation', 'desc').orderBy('position').execute()),
    async evaluated(c) {
      await waitFor(async () => (await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('case_rule_evaluations').select('evaluation').where('case_id', '=', c.caseId).executeTakeFirst())) !== undefined, 30_000, 'rules evaluated');
    },
    async receiptText(c) {
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
    },
    async deliveredTo(c) {
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
    },
    xmlFor(c, recipient) {
      const file = visibleFiles(dropDir).find((f) => f.includes(c.reference) && f.includes(`_${recipient}_`));
      if (!file) throw new Error(`No file for ${recipient} of ${c.reference}`);
      return fs.readFileSync(path.join(dropDir, file), 'utf8');
    },
    async close() {
      await worker.stop(5000);
      await ctx.close();
      fs.rmSync(dropDir, { recursive: true, force: true });
    },
  };
}
