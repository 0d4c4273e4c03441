/**
 * The development mailbox: without an SMTP server, mails stay in the outbox and are read here, so
 * a developer can follow a resume or status link. Registered only outside production.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { formatDateTime } from '../../platform/i18n/i18n.js';
import type { TenantDirectory } from '../../platform/tenancy/tenant-directory.js';

/** Registers `/dev/mail` and `/dev/mail/:tenant/:id`. */
export async function devMailboxModule(app: FastifyInstance, deps: { db: Database; tenants: TenantDirectory }): Promise<void> {
  app.get('/dev/mail', async (request, reply) => {
    const tenants = await deps.tenants.listActive();
    const mails = [];
    for (const t of tenants) {
      const rows = await deps.db.withTenant(t.id, (trx) =>
        trx
          .selectFrom('mail_outbox')
          .select(['id', 'recipient', 'subject', 'status', 'created_at'])
          .where('tenant_id', '=', t.id)
          .orderBy('created_at', 'desc')
          .limit(50)
          .execute(),
      );
      mails.push(...rows.map((r) => ({ ...r, tenantSlug: t.slug, tenantName: t.shortName })));
    }
    mails.sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
    return reply.view('modules/dev/views/mailbox', {
      title: request.t('dev.mailbox.title'),
      mails: mails.slice(0, 100).map((m) => ({
        href: `/dev/mail/${m.tenantSlug}/${m.id}`,
        tenant: m.tenantName,
        to: m.recipient,
        subject: m.subject,
        status: m.status,
        at: formatDateTime(m.created_at, request.locale),
      })),
    });
  });

  app.get<{ Params: { tenant: string; id: string } }>('/dev/mail/:tenant/:id', async (request, reply) => {
    const tenant = await deps.tenants.findBySlug(request.params.tenant);
    if (!tenant || !/^[0-9a-f-]{36}$/.test(request.params.id)) throw new AppError('http.not_found');
    const mail = await deps.db.withTenant(tenant.id, (trx) =>
      trx.selectFrom('mail_outbox').selectAll().where('tenant_id', '=', tenant.id).where('id', '=', request.params.id).executeTakeFirst(),
    );
    if (!mail) throw new AppError('http.not_found');
    return reply.view('modules/dev/views/mail', {
      title: mail.subject,
      to: mail.recipient,
      status: mail.status,
      text: mail.text_body ?? request.t('dev.mailbox.purged'),
    });
  });
}
