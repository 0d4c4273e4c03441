/**
 * The case page and what is done from it besides workflow steps: assign, note, open a file.
 * Routes below `/{tenant}/staff` (registered through `tenantStaffScoped`, which has already
 * checked the role); a case id of another tenant, or not a UUID, is 404.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import { pick } from '../../platform/i18n/i18n.js';
import { sendStoredFile } from '../../platform/uploads/send-stored-file.js';
import { isUuid, loadCase } from '../cases/case-engine.js';
import type { BackOfficeDeps } from './backoffice-deps.js';
import { caseUrl } from './backoffice-paths.js';
import { addCaseNote, assignCases, checkNoteText, resolveAssignee } from './case-commands.js';
import { loadCasePage } from './case-page.js';
import { returnToInbox } from './inbox-filters.js';
import { flashNotice, formField, navLinks, staffContext, type Notice } from './page-context.js';

export interface CasePageExtras {
  notice?: Notice;
  noteError?: string;
  noteText?: string;
  status?: number;
}

/** Renders the case page (also after a refused step or note, with a notice and the right status). */
export async function renderCasePage(request: FastifyRequest, reply: FastifyReply, deps: BackOfficeDeps, caseId: string, extras: CasePageExtras = {}) {
  const ctx = staffContext(request);
  const model = await loadCasePage(deps, ctx, caseId);
  const errors = extras.noteError ? [{ field: 'note', message: extras.noteError }] : [];
  const title = request.t('backoffice.case.title', { reference: model.summary.reference });
  return reply.status(extras.status ?? 200).view('modules/backoffice/views/case', {
    title: errors.length > 0 ? request.t('staff.errorPrefix', { title }) : title,
    model,
    navLinks: navLinks(ctx, 'none'),
    notice: extras.notice ?? flashNotice(request),
    errors,
    noteError: extras.noteError,
    noteText: extras.noteText ?? '',
  });
}

/** Registers the case page routes. */
export const caseRoutes: FastifyPluginAsync<BackOfficeDeps> = async (app, deps) => {
  app.get('/vorgaenge/:caseId', async (request, reply) => {
    const { caseId } = request.params as { caseId: string };
    return renderCasePage(request, reply, deps, caseId);
  });

  app.post('/vorgaenge/:caseId/zuweisen', async (request, reply) => {
    const ctx = staffContext(request);
    const { caseId } = request.params as { caseId: string };
    const assignee = await resolveAssignee(deps, ctx, formField(request.body, 'assignee'), 'assignee');
    await deps.db.withTenant(ctx.tenantId, async (trx) => {
      const row = await loadCase(trx, ctx.tenantId, caseId, { forUpdate: false });
      await assignCases(trx, { tenantId: ctx.tenantId, caseIds: [row.id], assigneeId: assignee, actorId: ctx.staffId, now: deps.clock.now() });
    });
    const flash = assignee === null ? 'freigegeben' : 'zugewiesen';
    // From the inbox (its form says so and carries the list's query as `back`), return to the same list; from the case page, to the case.
    if (formField(request.body, 'from') === 'inbox') return reply.redirect(returnToInbox(ctx.tenantSlug, formField(request.body, 'back'), flash), 303);
    return reply.redirect(`${caseUrl(ctx.tenantSlug, caseId)}?hinweis=${flash}`, 303);
  });

  app.post('/vorgaenge/:caseId/notizen', async (request, reply) => {
    const ctx = staffContext(request);
    const { caseId } = request.params as { caseId: string };
    const raw = formField(request.body, 'note');
    let text: string;
    try {
      text = checkNoteText(raw);
    } catch (e) {
      if (!(e instanceof AppError) || e.fieldErrors.length === 0) throw e;
      return renderCasePage(request, reply, deps, caseId, { status: 400, noteError: pick(e.fieldErrors[0]!.message, request.locale), noteText: raw });
    }
    await deps.db.withTenant(ctx.tenantId, async (trx) => {
      const row = await loadCase(trx, ctx.tenantId, caseId, { forUpdate: false });
      await addCaseNote(trx, { tenantId: ctx.tenantId, caseId: row.id, text, actorId: ctx.staffId, now: deps.clock.now() });
    });
    return reply.redirect(`${caseUrl(ctx.tenantSlug, caseId)}?hinweis=notiz#notes`, 303);
  });

  app.get('/vorgaenge/:caseId/dateien/:fileId', async (request, reply) => {
    const ctx = staffContext(request);
    const { caseId, fileId } = request.params as { caseId: string; fileId: string };
    const file = await deps.db.withTenant(ctx.tenantId, async (trx) => {
      const row = await loadCase(trx, ctx.tenantId, caseId, { forUpdate: false });
      if (!isUuid(fileId)) return undefined;
      return trx
        .selectFrom('files')
        .select(['storage_key', 'display_name', 'media_type', 'size_bytes'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('case_id', '=', row.id)
        .where('id', '=', fileId)
        .executeTakeFirst();
    });
    if (!file) throw new AppError('http.not_found');
    const inline = (request.query as Record<string, unknown>).ansicht === '1';
    return sendStoredFile(reply, deps.storage, { key: file.storage_key, displayName: file.display_name, mediaType: file.media_type, size: Number(file.size_bytes) }, { inline });
  });
};

/** The notice shown when a step met a case someone else had just changed. */
export function concurrentChangeNotice(request: FastifyRequest): Notice {
  return { tone: 'warning', title: request.t('backoffice.step.concurrent') };
}
