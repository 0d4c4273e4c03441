/**
 * The party's side of a consultation: `/{tenant}/anhoerung/{token}`, reached from the e-mail
 * without an account. It shows what the party needs to judge the application (measure, place,
 * period, restriction — not the applicant's private address or contact data) and takes one
 * answer until the end of the deadline day. An unknown token, another municipality's path, or a
 * withdrawn consultation is 404; an expired one is 410; both with the catalogue's plain text.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../../app.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { formatDateTime, pick } from '../../../platform/i18n/i18n.js';
import { longDate } from '../date-text.js';
import { readTrafficApplication } from '../traffic-application.js';
import { answerConsultation, findConsultationByToken, isExpired, type Consultation } from './consultation-commands.js';
import { statementRows } from './statement-rows.js';

type TokenParams = { token: string };

export const partyConsultationRoutes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, clock } = services;

  async function open(request: FastifyRequest<{ Params: TokenParams }>) {
    const tenant = request.tenant!;
    return db.withTenant(tenant.id, async (trx) => {
      const found = await findConsultationByToken(trx, tenant.id, request.params.token);
      if (!found || found.status === 'withdrawn') throw new AppError('consultation.link_invalid');
      const row = await trx.selectFrom('cases').select(['reference', 'data']).where('tenant_id', '=', tenant.id).where('id', '=', found.caseId).executeTakeFirstOrThrow();
      return { consultation: found, reference: row.reference, data: row.data };
    });
  }

  function render(request: FastifyRequest<{ Params: TokenParams }>, reply: FastifyReply, opened: { consultation: Consultation; reference: string; data: Record<string, unknown> }, form: { answer: string; text: string; errors: { field: string; message: string }[] }, status = 200) {
    const c = opened.consultation;
    const t = request.t;
    const app = readTrafficApplication(opened.data);
    const answered = c.answeredAt ? t('verkehr.statement.thanks', { at: formatDateTime(c.answeredAt, request.locale), answer: t(`verkehr.statement.${c.status}`) }) : null;
    return reply.status(status).header('referrer-policy', 'no-referrer').view('services/verkehr/consultation/views/statement', {
      title: t('verkehr.statement.title'),
      reference: opened.reference,
      lead: t('verkehr.statement.lead', { authority: request.tenant!.officialName, party: c.partyName, due: pick(longDate(c.dueDate), request.locale) }),
      rows: app ? statementRows(app, opened.data, request.locale) : [],
      message: c.message,
      answered,
      answerText: c.answeredAt ? c.answerText : null,
      actionUrl: `/${request.tenant!.slug}/anhoerung/${request.params.token}`,
      ...form,
      errorFor: Object.fromEntries(form.errors.map((e) => [e.field, e.message])),
    });
  }

  app.get<{ Params: TokenParams }>('/anhoerung/:token', async (request, reply) => {
    const opened = await open(request);
    if (opened.consultation.status === 'open' && isExpired(opened.consultation, clock.now())) throw new AppError('consultation.expired');
    return render(request, reply, opened, { answer: '', text: '', errors: [] });
  });

  app.post<{ Params: TokenParams }>('/anhoerung/:token', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = { answer: typeof body.answer === 'string' ? body.answer : '', text: typeof body.text === 'string' ? body.text : '' };
    const tenant = request.tenant!;
    try {
      await db.withTenant(tenant.id, (trx) => answerConsultation(trx, { tenantId: tenant.id, token: request.params.token, ...form, now: clock.now() }));
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation.failed') throw e;
      return render(request, reply, await open(request), { ...form, errors: e.fieldErrors.map((f) => ({ field: f.path, message: pick(f.message, request.locale) })) }, 400);
    }
    return reply.redirect(`/${tenant.slug}/anhoerung/${request.params.token}`, 303);
  });
};
