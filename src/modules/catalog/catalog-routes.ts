/**
 * Public pages: the platform home, each municipality's home with its service catalogue, and
 * the legal pages (Impressum, Datenschutz, Erklärung zur Barrierefreiheit) of both.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { formatDate, pick, type Locale } from '../../platform/i18n/i18n.js';
import type { TenantDirectory, TenantRecord } from '../../platform/tenancy/tenant-directory.js';
import { tenantScoped } from '../../platform/tenancy/tenant-scope.js';
import {
  findLatestNews,
  findPlatformPage,
  findServicesByTenant,
  findTenantPage,
  findTenantServices,
  type LegalPageKind,
  type OfferedService,
} from './catalog-queries.js';

export interface CatalogDeps {
  db: Database;
  tenants: TenantDirectory;
}

const LEGAL_PATHS: Record<string, LegalPageKind> = {
  impressum: 'imprint',
  datenschutz: 'privacy',
  barrierefreiheit: 'accessibility',
};

export interface ServiceView {
  id: string;
  name: string;
  summary: string;
  online: boolean;
  plannedFor: string | null;
  href: string | null;
}

function serviceView(s: OfferedService, tenantSlug: string, locale: Locale): ServiceView {
  return {
    id: s.id,
    name: pick(s.name, locale),
    summary: pick(s.summary, locale),
    online: s.status === 'online',
    plannedFor: s.plannedFor,
    href: s.status === 'online' ? `/${tenantSlug}/${s.id}` : null,
  };
}

export interface TenantContactView {
  name: string;
  statusKind: string;
  district: string;
  addressLines: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  openingHours: string[];
}

function contactView(t: TenantRecord, locale: Locale): TenantContactView {
  return {
    name: t.officialName,
    statusKind: t.statusKind,
    district: t.district,
    addressLines: [t.address.street, `${t.address.postalCode} ${t.address.town}`],
    phone: t.phone,
    email: t.email,
    website: t.website,
    openingHours: t.openingHours.map((h) => pick(h, locale)),
  };
}

const tenantRoutes: FastifyPluginAsync<CatalogDeps> = async (app, deps) => {
  app.get('/', async (request, reply) => {
    const tenant = request.tenant!;
    const services = (await findTenantServices(deps.db, tenant.id)).map((s) => serviceView(s, tenant.slug, request.locale));
    return reply.view('modules/catalog/views/tenant-home', {
      title: request.t('catalog.tenant.title'),
      tenantName: tenant.officialName,
      services,
      contact: contactView(tenant, request.locale),
    });
  });

  for (const [pathSegment, kind] of Object.entries(LEGAL_PATHS)) {
    app.get(`/${pathSegment}`, async (request, reply) => {
      const content = await findTenantPage(deps.db, request.tenant!.id, kind);
      if (!content) throw new AppError('http.not_found');
      const localized = content[request.locale];
      return reply.view('modules/catalog/views/legal-page', { title: localized.title, sections: localized.sections });
    });
  }
};

/** Path segments reserved for platform routes; no municipality may use them as its slug. */
export const RESERVED_SLUGS = ['impressum', 'datenschutz', 'barrierefreiheit', 'staff', 'api', 'assets', 'healthz', 'readyz', 'metrics', 'dev', 'embed', 'verify'];

/** Registers the public pages. */
export async function catalogModule(app: FastifyInstance, deps: CatalogDeps): Promise<void> {
  app.get('/', async (request, reply) => {
    const [tenants, servicesByTenant, news] = await Promise.all([deps.tenants.listActive(), findServicesByTenant(deps.db), findLatestNews(deps.db)]);
    return reply.view('modules/catalog/views/platform-home', {
      title: request.t('catalog.platform.title'),
      municipalities: tenants.map((t) => ({
        slug: t.slug,
        name: t.officialName,
        district: t.district,
        services: (servicesByTenant.get(t.id) ?? []).map((s) => serviceView(s, t.slug, request.locale)),
      })),
      news: news.map((n) => ({
        date: formatDate(n.publishedOn, request.locale),
        isoDate: n.publishedOn,
        title: pick(n.title, request.locale),
        body: pick(n.body, request.locale),
      })),
    });
  });

  for (const [pathSegment, kind] of Object.entries(LEGAL_PATHS)) {
    app.get(`/${pathSegment}`, async (request, reply) => {
      const content = await findPlatformPage(deps.db, kind);
      if (!content) throw new AppError('http.not_found');
      const localized = content[request.locale];
      return reply.view('modules/catalog/views/legal-page', { title: localized.title, sections: localized.sections });
    });
  }

  await app.register(tenantScoped(tenantRoutes, deps.tenants, deps, { framable: true }));
}
