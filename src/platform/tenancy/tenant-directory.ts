/**
 * Looks up municipalities by path slug or host name. Tenants change rarely and are public master
 * data, so lookups are cached briefly in each process; a change shows everywhere within the TTL.
 */
import type { Database } from '../db/database.js';
import type { Localized } from '../db/schema.js';

export interface TenantRecord {
  id: string;
  slug: string;
  officialName: string;
  shortName: string;
  statusKind: string;
  ags: string;
  ars: string | null;
  district: string;
  address: { street: string; postalCode: string; town: string };
  phone: string | null;
  email: string | null;
  website: string | null;
  openingHours: Localized[];
  embedOrigins: string[];
  branding: { primaryColor?: string; logoPath?: string };
  unconfirmedFacts: string[];
  /** Prefix of reference numbers (e.g. WUR) and their pattern. */
  referenceCode: string | null;
  referencePattern: string;
}

export interface TenantDirectory {
  findBySlug(slug: string): Promise<TenantRecord | null>;
  findByHostname(hostname: string): Promise<TenantRecord | null>;
  listActive(): Promise<TenantRecord[]>;
  /** Drops cached entries (after an admin edits a tenant in this process). */
  invalidate(): void;
}

type Row = {
  id: string;
  slug: string;
  official_name: string;
  short_name: string;
  status_kind: string;
  ags: string;
  ars: string | null;
  district: string;
  street: string;
  postal_code: string;
  town: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  opening_hours: Localized[];
  embed_origins: string[];
  branding: { primaryColor?: string; logoPath?: string };
  unconfirmed_facts: string[];
  reference_code: string | null;
  reference_pattern: string;
};

function toRecord(r: Row): TenantRecord {
  return {
    id: r.id,
    slug: r.slug,
    officialName: r.official_name,
    shortName: r.short_name,
    statusKind: r.status_kind,
    ags: r.ags,
    ars: r.ars,
    district: r.district,
    address: { street: r.street, postalCode: r.postal_code, town: r.town },
    phone: r.phone,
    email: r.email,
    website: r.website,
    openingHours: r.opening_hours,
    embedOrigins: r.embed_origins,
    branding: r.branding,
    unconfirmedFacts: r.unconfirmed_facts,
    referenceCode: r.reference_code,
    referencePattern: r.reference_pattern,
  };
}

const COLUMNS = [
  'id',
  'slug',
  'official_name',
  'short_name',
  'status_kind',
  'ags',
  'ars',
  'district',
  'street',
  'postal_code',
  'town',
  'phone',
  'email',
  'website',
  'opening_hours',
  'embed_origins',
  'branding',
  'unconfirmed_facts',
  'reference_code',
  'reference_pattern',
] as const;

/** Creates the directory over the database, with a cache of `ttlMs` per entry. */
export function createTenantDirectory(db: Database, now: () => number, ttlMs = 30_000): TenantDirectory {
  const bySlug = new Map<string, { at: number; value: TenantRecord | null }>();
  const hostSlugs = new Map<string, { at: number; slug: string | null }>();
  const fresh = (at: number) => now() - at < ttlMs;

  return {
    async findBySlug(slug) {
      if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) return null;
      const hit = bySlug.get(slug);
      if (hit && fresh(hit.at)) return hit.value;
      const row = await db.kysely.selectFrom('tenants').select(COLUMNS).where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
      const value = row ? toRecord(row as Row) : null;
      bySlug.set(slug, { at: now(), value });
      return value;
    },
    async findByHostname(hostname) {
      const host = hostname.toLowerCase().replace(/:\d+$/, '');
      const hit = hostSlugs.get(host);
      if (hit && fresh(hit.at)) return hit.slug ? this.findBySlug(hit.slug) : null;
      const row = await db.kysely
        .selectFrom('tenant_hostnames')
        .innerJoin('tenants', 'tenants.id', 'tenant_hostnames.tenant_id')
        .select('tenants.slug')
        .where('tenant_hostnames.hostname', '=', host)
        .executeTakeFirst();
      hostSlugs.set(host, { at: now(), slug: row?.slug ?? null });
      return row ? this.findBySlug(row.slug) : null;
    },
    async listActive() {
      const rows = await db.kysely.selectFrom('tenants').select(COLUMNS).where('active', '=', true).orderBy('official_name').execute();
      return rows.map((r) => toRecord(r as Row));
    },
    invalidate() {
      bySlug.clear();
      hostSlugs.clear();
    },
  };
}
