import { describe, expect, it } from 'vitest';
import type { TenantRecord } from '../../platform/tenancy/tenant-directory.js';
import { composeCaseMessage } from './case-mails.js';

const tenant: TenantRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'wurzen',
  officialName: 'Große Kreisstadt Wurzen',
  shortName: 'Wurzen',
  statusKind: 'Große Kreisstadt',
  ags: '14729410',
  ars: null,
  district: 'Leipzig',
  address: { street: 'Friedrich-Ebert-Straße 2', postalCode: '04808', town: 'Wurzen' },
  phone: '03425 8560-0',
  email: null,
  website: null,
  openingHours: [],
  embedOrigins: [],
  branding: {},
  unconfirmedFacts: [],
  referenceCode: 'WUR',
  referencePattern: '{TENANT}-{SERVICE}-{YYYY}-{NNNNNN}',
};

describe('case mails', () => {
  it('escapes user text in the HTML part and keeps it literal in the text part', () => {
    const mail = composeCaseMessage('received', {
      tenant,
      locale: 'de',
      reference: 'WUR-GEW-2026-000001',
      serviceName: { de: 'Gewerbe anmelden', en: 'Register a business' },
      processingTime: { de: '3 Arbeitstage', en: '3 working days' },
      statusUrl: 'https://rathaus.example/wurzen/status/abc',
      applicantName: 'Jörg <script>alert(1)</script> Müller',
    });
    expect(mail.subject).toBe('Eingangsbestätigung: Gewerbe anmelden (WUR-GEW-2026-000001)');
    expect(mail.html).toContain('Guten Tag Jörg &lt;script&gt;alert(1)&lt;/script&gt; Müller,');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Guten Tag Jörg <script>alert(1)</script> Müller,');
    expect(mail.text).toContain('https://rathaus.example/wurzen/status/abc');
    expect(mail.html).toContain('Große Kreisstadt Wurzen');
  });

  it('writes English for English applicants', () => {
    const mail = composeCaseMessage('decided', {
      tenant,
      locale: 'en',
      reference: 'WUR-GEW-2026-000002',
      serviceName: { de: 'Gewerbe anmelden', en: 'Register a business' },
      stateName: { de: 'Bescheinigt', en: 'Confirmed' },
    });
    expect(mail.subject).toBe('A decision on your application WUR-GEW-2026-000002');
    expect(mail.text).toContain('The new status: Confirmed.');
  });
});
