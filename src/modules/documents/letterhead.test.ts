import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocumentServices } from '../../../test/fixtures/documents/test-templates.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { pdfImageCount, pdfText } from '../../../test/support/pdf-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { generateCaseDocument } from './generate-document.js';
import { assetsLogoSource } from './letterhead.js';

// A valid 1×1 pixel PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('letterhead', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-assets-'));
  let t: TestDatabase;
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'logos'));
    fs.writeFileSync(path.join(root, 'logos', 'wurzen.png'), PNG);
    fs.writeFileSync(path.join(root, 'logos', 'wurzen.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(os.tmpdir(), 'rc-outside.png'), PNG);
    t = await createTestDatabase();
  });
  afterAll(async () => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.join(os.tmpdir(), 'rc-outside.png'), { force: true });
    await t?.drop();
  });

  it('reads PNG and JPEG logos below the assets folder only', async () => {
    const logos = assetsLogoSource(root);
    expect(await logos('logos/wurzen.png')).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(await logos('logos/wurzen.svg')).toBeUndefined();
    expect(await logos('logos/fehlt.png')).toBeUndefined();
    expect(await logos('../rc-outside.png')).toBeUndefined();
    expect(await logos(path.join(os.tmpdir(), 'rc-outside.png'))).toBeUndefined();
  });

  it('prints the configured logo, and prints without one when the file is missing', async () => {
    const wurzen = await tenantIdOf(t.db, 'wurzen');
    await t.db.asOwner((o) => o.query(`UPDATE tenants SET branding = '{"primaryColor":"#a3123a","logoPath":"logos/wurzen.png"}' WHERE id = $1`, [wurzen]));
    const services = testDocumentServices(t.db, { logos: assetsLogoSource(root) });
    const withLogo = await generateCaseDocument(services, { tenantId: wurzen, caseId: await insertTestCase(t.db, wurzen), templateId: 'test-notice' });
    const pdf = async (key: string) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await services.storage.get(key)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    expect(await pdfImageCount(await pdf(withLogo.document.storageKey))).toBe(1);

    await t.db.asOwner((o) => o.query(`UPDATE tenants SET branding = '{"logoPath":"logos/fehlt.png"}' WHERE id = $1`, [wurzen]));
    const without = await generateCaseDocument(services, { tenantId: wurzen, caseId: await insertTestCase(t.db, wurzen), templateId: 'test-notice' });
    const bytes = await pdf(without.document.storageKey);
    expect(await pdfImageCount(bytes)).toBe(0);
    expect(await pdfText(bytes)).toContain('Große Kreisstadt Wurzen');
  });
});
