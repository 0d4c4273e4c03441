/**
 * The guided start of the Gewerbe procedures, `/{tenant}/gewerbe` ("Was möchten Sie tun?"): one
 * question, answered with a plain GET form (works without JavaScript), and an answer that sends
 * the applicant to the right form — or explains why no form is needed (free professions,
 * agriculture) and what moving to another municipality takes (GewA3 here, GewA1 there). Links go
 * only to services the municipality offers online.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import type { TenantDirectory } from '../../../platform/tenancy/tenant-directory.js';
import { tenantScoped } from '../../../platform/tenancy/tenant-scope.js';
import { GEWERBE_SERVICE_IDS, type GewerbeServiceId } from '../service-ids.js';

/** The answers to "Was möchten Sie tun?", in the order shown. */
export const GUIDE_CHOICES = ['start', 'take-over', 'change', 'move-within', 'move-away', 'close', 'no-trade'] as const;
export type GuideChoice = (typeof GUIDE_CHOICES)[number];

/** Which forms an answer leads to (here; `move-away` also needs the new municipality's GewA1). */
export const GUIDE_TARGETS: Readonly<Record<GuideChoice, readonly GewerbeServiceId[]>> = {
  start: ['gewerbe-anmeldung'],
  'take-over': ['gewerbe-anmeldung'],
  change: ['gewerbe-ummeldung'],
  'move-within': ['gewerbe-ummeldung'],
  'move-away': ['gewerbe-abmeldung'],
  close: ['gewerbe-abmeldung'],
  'no-trade': [],
};

interface GuideDeps {
  db: Database;
}

const guideRoutes: FastifyPluginAsync<GuideDeps> = async (app, deps) => {
  app.get<{ Querystring: { anliegen?: string } }>('/gewerbe', async (request, reply) => {
    const tenant = request.tenant!;
    const raw = request.query.anliegen;
    const choice = GUIDE_CHOICES.find((c) => c === raw);
    const online = new Set(
      (await deps.db.kysely.selectFrom('tenant_services').select('service_id').where('tenant_id', '=', tenant.id).where('status', '=', 'online').where('service_id', 'in', [...GEWERBE_SERVICE_IDS]).execute()).map((r) => r.service_id),
    );
    const t = request.t;
    if (raw !== undefined && !choice) reply.status(400);
    return reply.view('services/gewerbe/guide/views/guide', {
      title: t('gewerbe.guide.title'),
      action: `/${tenant.slug}/gewerbe`,
      town: tenant.address.town,
      choices: GUIDE_CHOICES.map((c) => ({ value: c, label: t(`gewerbe.guide.choice.${c}`, { town: tenant.address.town }), checked: c === choice })),
      error: raw !== undefined && !choice ? t('gewerbe.guide.error') : null,
      answer: choice
        ? {
            text: t(`gewerbe.guide.answer.${choice}`, { town: tenant.address.town }),
            links: GUIDE_TARGETS[choice].filter((id) => online.has(id)).map((id) => ({ href: `/${tenant.slug}/${id}`, label: t(`gewerbe.guide.link.${id}`) })),
            offline: GUIDE_TARGETS[choice].some((id) => !online.has(id)),
          }
        : null,
    });
  });
};

/** Registers the guided start for every municipality. */
export async function gewerbeGuideModule(app: FastifyInstance, services: { db: Database; tenants: TenantDirectory }): Promise<void> {
  await app.register(tenantScoped(guideRoutes, services.tenants, { db: services.db }));
}
