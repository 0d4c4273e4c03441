import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceDefinitionFile } from '../../definitions/loader/load-definition-files.js';
import { createServiceRegistry } from '../../definitions/registry/service-registry.js';
import { describeFromDefinitions } from './definition-data-view.js';

const registry = createServiceRegistry([loadServiceDefinitionFile(path.resolve(import.meta.dirname, '../../../test/fixtures/services/sperrmuell.json'))]);
const describeData = describeFromDefinitions(registry);
const data = {
  address: { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen', country: 'DE' },
  preferredDate: '2026-12-10',
  volume: 2.5,
  note: '<script>alert(1)</script>',
  legacyField: 'aus einer älteren Version',
};

describe('describeFromDefinitions', () => {
  it('renders the answers page by page with the definition’s labels and formatting', async () => {
    const sections = await describeData({ serviceId: 'sperrmuell', serviceVersion: 1, data, locale: 'de', submittedAt: new Date('2026-11-28T09:00:00Z') });
    expect(sections?.[0]?.title).toBe('Abholung');
    const rows = new Map(sections![0]!.rows.map((r) => [r.label, r.lines]));
    expect(rows.get('Abholadresse')?.join(' / ')).toContain('Markt 1');
    expect(rows.get('Abholadresse')?.join(' / ')).toContain('04808 Wurzen');
    expect(rows.get('Wunschtermin')).toEqual(['10. Dezember 2026']);
    expect(rows.get('Menge')?.[0]).toMatch(/^2,5\sm³$/);
    // Text stays text; the page escapes it.
    expect(rows.get('Hinweise für die Abholung')).toEqual(['<script>alert(1)</script>']);
  });

  it('lists data the definition does not know in a further section, and knows nothing of other versions', async () => {
    const sections = await describeData({ serviceId: 'sperrmuell', serviceVersion: 1, data, locale: 'en' });
    expect(sections?.[sections.length - 1]).toEqual({ title: 'Further submitted information', rows: [{ label: 'legacyField', lines: ['aus einer älteren Version'] }] });
    expect(await describeData({ serviceId: 'sperrmuell', serviceVersion: 2, data, locale: 'de' })).toBeUndefined();
  });
});
