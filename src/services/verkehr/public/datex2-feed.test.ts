import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildRestrictionsDatex2 } from './datex2-feed.js';
import type { PublishedRestriction } from './published-restrictions.js';

const publisher = { authority: 'Gemeinde Bennewitz', ags: '14729030', ars: '147290030030' };
const base = { status: 'planned' as const, validFrom: '2026-12-07', validTo: '2026-12-08', dailyWindow: { from: '07:00', to: '18:00' }, section: '10–14, gerade Seite', updatedAt: new Date('2026-11-20T10:00:00Z') };
const works: PublishedRestriction = { ...base, id: 'BEN-VRA-2026-000007', caseType: 'BAU', street: 'Teichweg', restriction: { de: 'Baustelle: halbseitige Sperrung', en: 'road works: half closure' }, geometry: { type: 'LineString', coordinates: [[12.7, 51.36], [12.7002, 51.3601]] } };
const zone: PublishedRestriction = { ...base, id: 'BEN-VRA-2026-000008', caseType: 'HVZ', street: 'Am Anger', restriction: { de: 'Absolutes Haltverbot (Zeichen 283)', en: 'no stopping' }, geometry: { type: 'Point', coordinates: [12.71, 51.37] } };
const typed: PublishedRestriction = { ...works, id: 'BEN-VRA-2026-000009', geometry: null };

describe('DATEX II v3 situation publication', () => {
  const xml = buildRestrictionsDatex2(publisher, [works, zone, typed], new Date('2026-11-24T09:00:00Z'));

  it('is well-formed XML with the v3 payload, namespaces and publisher', () => {
    expect(() => execFileSync('xmllint', ['--noout', '-'], { input: xml })).not.toThrow();
    expect(xml).toContain('<d2:payload xmlns:d2="http://datex2.eu/schema/3/d2Payload"');
    expect(xml).toContain('xsi:type="sit:SituationPublication"');
    expect(xml).toContain('<com:nationalIdentifier>147290030030</com:nationalIdentifier>');
  });

  it('publishes located works as MaintenanceWorks with Berlin times and a lat-lon GML line', () => {
    expect(xml).toContain('<sit:situation id="BEN-VRA-2026-000007">');
    expect(xml).toContain('xsi:type="sit:MaintenanceWorks"');
    expect(xml).toContain('<sit:roadMaintenanceType>roadworks</sit:roadMaintenanceType>');
    // 07:00 and 18:00 in Berlin in December are 06:00 and 17:00 UTC.
    expect(xml).toContain('<com:overallStartTime>2026-12-07T06:00:00.000Z</com:overallStartTime>');
    expect(xml).toContain('<com:overallEndTime>2026-12-08T17:00:00.000Z</com:overallEndTime>');
    expect(xml).toContain('<loc:posList>51.36 12.7 51.3601 12.7002</loc:posList>');
  });

  it('leaves out no-parking zones and orders without a drawing', () => {
    expect(xml).not.toContain('BEN-VRA-2026-000008');
    expect(xml).not.toContain('BEN-VRA-2026-000009');
  });
});
