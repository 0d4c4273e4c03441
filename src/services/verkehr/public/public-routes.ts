/**
 * The municipality's public traffic-restriction pages (issue 6 § 8): a list of current and
 * upcoming restrictions with a map of the drawn ones, and the same data as a GeoJSON feed and a
 * DATEX II v3 publication. Public and without personal data; a municipality that does not offer
 * the traffic-order procedure has no such pages (404).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppServices } from '../../../app.js';
import { berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import { tenantScoped } from '../../../platform/tenancy/tenant-scope.js';
import { findOfferedService } from '../../../modules/submissions/service-offer.js';
import { mapView } from '../../../platform/maps/map-view.js';
import { trafficMapArea } from '../traffic-map-area.js';
import { TRAFFIC_SERVICE_ID } from '../traffic-settings.js';
import { buildRestrictionsDatex2 } from './datex2-feed.js';
import { buildRestrictionsGeoJson } from './geojson-feed.js';
import { findPublishedRestrictions } from './published-restrictions.js';

const routes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, clock } = services;

  /** The tenant's published restrictions; 404 where the procedure is not offered. */
  async function load(request: FastifyRequest) {
    const tenant = request.tenant!;
    if (!(await findOfferedService(db, services.packages, tenant.id, TRAFFIC_SERVICE_ID))) throw new AppError('http.not_found');
    const now = clock.now();
    const restrictions = await db.withTenant(tenant.id, (trx) => findPublishedRestrictions(trx, tenant.id, berlinDateOf(now)));
    return { tenant, now, restrictions };
  }

  app.get('/verkehr/beschraenkungen', async (request, reply) => {
    const { tenant, restrictions } = await load(request);
    const t = request.t;
    const geojsonHref = `/${tenant.slug}/verkehr/beschraenkungen.geojson`;
    // The map adds to the list (which stays the full, accessible content) and reads the feed itself.
    const area = restrictions.length > 0 ? await db.withTenant(tenant.id, (trx) => trafficMapArea(trx, tenant.id)) : undefined;
    return reply.view('services/verkehr/public/views/restrictions', {
      title: t('verkehr.public.title'),
      lead: t('verkehr.public.lead', { tenant: tenant.officialName }),
      items: restrictions.map((r) => ({
        id: r.id,
        heading: `${r.street}${r.section ? ` (${r.section})` : ''}`,
        restriction: r.restriction[request.locale],
        status: t(r.status === 'active' ? 'verkehr.public.current' : 'verkehr.public.planned'),
        active: r.status === 'active',
        period: t('verkehr.public.period', { from: formatDate(r.validFrom, request.locale), to: formatDate(r.validTo, request.locale) }),
        hours: r.dailyWindow ? t('verkehr.public.hours', r.dailyWindow) : null,
      })),
      map:
        restrictions.length > 0
          ? mapView(request.locale, {
              id: 'restrictions-map',
              label: t('verkehr.map.public'),
              note: t('verkehr.map.publicNote'),
              status: t('verkehr.map.publicStatus'),
              legend: [
                { tone: 'active', text: t('verkehr.public.current') },
                { tone: 'planned', text: t('verkehr.public.planned') },
              ],
              featuresUrl: geojsonHref,
              area,
            })
          : undefined,
      geojsonHref,
      datexHref: `/${tenant.slug}/verkehr/beschraenkungen.datex2.xml`,
      applyHref: `/${tenant.slug}/${TRAFFIC_SERVICE_ID}`,
    });
  });

  app.get('/verkehr/beschraenkungen.geojson', async (request, reply) => {
    const { tenant, now, restrictions } = await load(request);
    const body = buildRestrictionsGeoJson({ authority: tenant.officialName, ags: tenant.ags, ars: tenant.ars }, restrictions, now);
    // Open data: anyone may fetch it, from any origin, and caches may keep it for five minutes.
    return reply.header('content-type', 'application/geo+json; charset=utf-8').header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').send(JSON.stringify(body));
  });

  app.get('/verkehr/beschraenkungen.datex2.xml', async (request, reply) => {
    const { tenant, now, restrictions } = await load(request);
    const xml = buildRestrictionsDatex2({ authority: tenant.officialName, ags: tenant.ags, ars: tenant.ars }, restrictions, now);
    return reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').send(xml);
  });
};

/** Registers the public pages below `/{tenant}/verkehr/…` (framable like the form). */
export async function trafficPublicModule(app: FastifyInstance, services: AppServices): Promise<void> {
  await app.register(tenantScoped(routes, services.tenants, services, { framable: true }));
}
