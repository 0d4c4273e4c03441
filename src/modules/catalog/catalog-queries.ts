/**
 * Reads for the public pages: the participating municipalities with the services they offer,
 * platform news, and a municipality's legal pages.
 */
import type { Database } from '../../platform/db/database.js';
import type { Localized, TenantPageContent } from '../../platform/db/schema.js';

export interface OfferedService {
  id: string;
  name: Localized;
  summary: Localized;
  topic: string;
  status: 'online' | 'planned';
  plannedFor: string | null;
}

/** Services a municipality offers (online first, then planned), in catalogue order. */
export async function findTenantServices(db: Database, tenantId: string): Promise<OfferedService[]> {
  const rows = await db.kysely
    .selectFrom('tenant_services as ts')
    .innerJoin('catalog_services as cs', 'cs.id', 'ts.service_id')
    .select(['cs.id', 'cs.name', 'cs.summary', 'cs.topic', 'ts.status', 'ts.planned_for'])
    .where('ts.tenant_id', '=', tenantId)
    .orderBy('cs.sort_order')
    .orderBy('cs.id')
    .execute();
  return rows
    .map((r) => ({ id: r.id, name: r.name, summary: r.summary, topic: r.topic, status: r.status, plannedFor: r.planned_for }))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'online' ? -1 : 1));
}

/** For the platform home: every active municipality's services, keyed by tenant id. */
export async function findServicesByTenant(db: Database): Promise<Map<string, OfferedService[]>> {
  const rows = await db.kysely
    .selectFrom('tenant_services as ts')
    .innerJoin('catalog_services as cs', 'cs.id', 'ts.service_id')
    .innerJoin('tenants as t', 't.id', 'ts.tenant_id')
    .select(['ts.tenant_id', 'cs.id', 'cs.name', 'cs.summary', 'cs.topic', 'ts.status', 'ts.planned_for'])
    .where('t.active', '=', true)
    .orderBy('cs.sort_order')
    .orderBy('cs.id')
    .execute();
  const byTenant = new Map<string, OfferedService[]>();
  for (const r of rows) {
    const list = byTenant.get(r.tenant_id) ?? [];
    list.push({ id: r.id, name: r.name, summary: r.summary, topic: r.topic, status: r.status, plannedFor: r.planned_for });
    byTenant.set(r.tenant_id, list);
  }
  return byTenant;
}

export interface NewsItem {
  id: string;
  publishedOn: string;
  title: Localized;
  body: Localized;
}

/** The newest platform news. */
export async function findLatestNews(db: Database, limit = 5): Promise<NewsItem[]> {
  const rows = await db.kysely
    .selectFrom('platform_news')
    .select(['id', 'published_on', 'title', 'body'])
    .orderBy('published_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, publishedOn: r.published_on, title: r.title, body: r.body }));
}

export type LegalPageKind = 'imprint' | 'privacy' | 'accessibility';

/** A municipality's legal page, read in its tenant scope. */
export async function findTenantPage(db: Database, tenantId: string, kind: LegalPageKind): Promise<TenantPageContent | null> {
  const row = await db.withTenant(tenantId, (trx) =>
    trx.selectFrom('tenant_pages').select('content').where('tenant_id', '=', tenantId).where('kind', '=', kind).executeTakeFirst(),
  );
  return row?.content ?? null;
}

/** The platform operator's legal page. */
export async function findPlatformPage(db: Database, kind: LegalPageKind): Promise<TenantPageContent | null> {
  const row = await db.kysely.selectFrom('platform_pages').select('content').where('kind', '=', kind).executeTakeFirst();
  return row?.content ?? null;
}
