/**
 * B5's baseline: how many receipt PDFs one Node process renders per second with nothing else to
 * do — the pipeline's heaviest single step, measured in the same run on the same machine. The
 * inputs are read once, as `generateCaseDocument` reads them for a real case of the run (its
 * template, the tenant's settings and facts, the letterhead); then only what the worker does
 * between its two transactions repeats: the template's blocks, the layout and pdfmake.
 */
import { loadCase } from '../../src/modules/cases/case-engine.js';
import { templateFor, verificationUrl } from '../../src/modules/documents/generate-document.js';
import { assetsLogoSource, loadLetterhead } from '../../src/modules/documents/letterhead.js';
import { layoutDocument } from '../../src/modules/documents/pdf-layout.js';
import { createPdfRenderer } from '../../src/modules/documents/pdf-renderer.js';
import { newShortCode } from '../../src/modules/documents/short-code.js';
import { shippedDocumentTemplates } from '../../src/modules/documents/template-catalogue.js';
import type { Database } from '../../src/platform/db/database.js';
import { allServicePackages } from '../../src/service-packages.js';

/** Receipt PDFs rendered per second for the case, over about `seconds` (at least three renders). */
export async function receiptRenderRate(db: Database, tenantId: string, caseId: string, publicBaseUrl: string, seconds: number): Promise<number> {
  const packages = allServicePackages();
  const input = await db.withTenant(tenantId, async (trx) => {
    const row = await loadCase(trx, tenantId, caseId, { forUpdate: false });
    return {
      row,
      template: templateFor(shippedDocumentTemplates(), row.service_id, 'receipt'),
      settings: await packages.tenantSettings(trx, tenantId, row.service_id),
      facts: await packages.documentFacts(trx, tenantId, row.service_id, row.id),
      letterhead: await loadLetterhead(trx, tenantId, assetsLogoSource()),
    };
  });
  const { row, template, settings, facts, letterhead } = input;
  const caseData = { id: row.id, reference: row.reference, serviceId: row.service_id, serviceVersion: row.service_version, state: row.state, applicantName: row.applicant_name, submittedAt: row.submitted_at, data: row.data };
  const renderer = createPdfRenderer();
  const renderOnce = async () => {
    const issuedAt = new Date();
    const shortCode = newShortCode();
    const content = template.build(caseData, letterhead, { issuedAt, settings, facts });
    return renderer.render(layoutDocument({ letterhead, title: template.title.de, reference: row.reference, issuedAt, content, verification: { shortCode, url: verificationUrl(publicBaseUrl, shortCode) } }));
  };
  await renderOnce(); // fonts and code paths warm, as in a worker that has rendered before
  let count = 0;
  const started = performance.now();
  while (count < 3 || performance.now() - started < seconds * 1000) {
    await renderOnce();
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}
