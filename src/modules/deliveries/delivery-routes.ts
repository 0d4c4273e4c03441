/**
 * Staff routes of deliveries, below `/{tenant}/staff` (registered through tenantStaffScoped, so
 * the role in this tenant is checked before anything else; another tenant's staff get 404):
 *
 * - GET  /vorgaenge/:caseId/uebermittlungen — the case's deliveries with history (the panel on a page of its own);
 * - POST /vorgaenge/:caseId/uebermittlungen/:deliveryId/erneut-senden — resend (CSRF-checked by the
 *   platform), back to the page in the form's `caseUrl` (a path of this tenant's staff area) or to the list.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Clock } from '../../app.js';
import { requireStaff, requireTenantRole } from '../../platform/auth/policies.js';
import { safeNextPath } from '../../platform/auth/safe-redirect.js';
import { tenantStaffScoped } from '../../platform/auth/tenant-staff-scope.js';
import type { Database } from '../../platform/db/database.js';
import type { StaffRole } from '../../platform/db/schema.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { TenantDirectory } from '../../platform/tenancy/tenant-directory.js';
import { loadCase } from '../cases/case-engine.js';
import { createDeliveryChannelRegistry, type DeliveryChannelRegistry } from './channels/channel-registry.js';
import { caseDeliveriesPath, deliveryPanelModel } from './delivery-panel.js';
import { findCaseDeliveriesIn } from './find-deliveries.js';
import { resendDelivery } from './resend-delivery.js';

/** What the deliveries routes need. */
export interface DeliveryRouteDeps {
  db: Database;
  queue: JobQueue;
  clock: Clock;
  channels: DeliveryChannelRegistry;
}

/** Who may see and resend deliveries: caseworkers and tenant admins. */
export const DELIVERY_ROLES: readonly StaffRole[] = ['caseworker', 'tenant-admin'];

type CaseParams = { caseId: string };
type DeliveryParams = CaseParams & { deliveryId: string };

/** The page of the case in the back office (the case page's URL scheme). */
function caseUrlOf(tenantSlug: string, caseId: string): string {
  return `/${tenantSlug}/staff/vorgaenge/${caseId}`;
}

/** The form's return path if it stays in this tenant's staff area, else the deliveries page. */
function returnPathOf(request: FastifyRequest<{ Params: CaseParams }>, tenantSlug: string): string {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const wanted = safeNextPath(body.caseUrl);
  if (wanted && wanted.startsWith(`/${tenantSlug}/staff/`)) return wanted;
  return caseDeliveriesPath(tenantSlug, request.params.caseId);
}

/** Routes below /:tenant/staff; register through {@link deliveriesModule}. */
export const deliveryStaffRoutes: FastifyPluginAsync<DeliveryRouteDeps> = async (app, deps) => {
  app.get<{ Params: CaseParams }>('/vorgaenge/:caseId/uebermittlungen', async (request, reply) => {
    requireTenantRole(request, DELIVERY_ROLES);
    const tenant = request.tenant!;
    const { caseId } = request.params;
    const { row, deliveries } = await deps.db.withTenant(tenant.id, async (trx) => {
      const caseRow = await loadCase(trx, tenant.id, caseId, { forUpdate: false });
      return { row: caseRow, deliveries: await findCaseDeliveriesIn(trx, tenant.id, caseId, deps.clock.now()) };
    });
    const listPath = caseDeliveriesPath(tenant.slug, row.id);
    return reply.view('modules/deliveries/views/case-deliveries', {
      title: request.t('deliveries.page.title'),
      reference: row.reference,
      caseUrl: caseUrlOf(tenant.slug, row.id),
      panel: deliveryPanelModel(deliveries, { tenantSlug: tenant.slug, caseId: row.id, returnTo: listPath, locale: request.locale, t: request.t }),
    });
  });

  app.post<{ Params: DeliveryParams }>('/vorgaenge/:caseId/uebermittlungen/:deliveryId/erneut-senden', async (request, reply) => {
    requireTenantRole(request, DELIVERY_ROLES);
    const staff = requireStaff(request);
    const tenant = request.tenant!;
    const { caseId, deliveryId } = request.params;
    await resendDelivery(deps, { tenantId: tenant.id, caseId, deliveryId, staffId: staff.userId, now: deps.clock.now() });
    return reply.redirect(returnPathOf(request, tenant.slug), 303);
  });
};

/** Registers the deliveries staff routes (channels default to the shipped plug-ins). */
export async function deliveriesModule(
  app: FastifyInstance,
  deps: { db: Database; queue: JobQueue; clock: Clock; tenants: TenantDirectory; channels?: DeliveryChannelRegistry },
): Promise<void> {
  const routeDeps: DeliveryRouteDeps = { db: deps.db, queue: deps.queue, clock: deps.clock, channels: deps.channels ?? createDeliveryChannelRegistry() };
  await app.register(tenantStaffScoped(deliveryStaffRoutes, deps.tenants, routeDeps, DELIVERY_ROLES));
}
