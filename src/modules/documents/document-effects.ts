/**
 * The documents part of the workflow's effect sink: `documentEffectHandlers({ queue, templates })`
 * for a table of effect handlers, or `createDocumentEffectSink(deps, next)` wrapping another sink.
 *
 * - `generateDocument { template, release? }` enqueues `documents.generate` in the transition's
 *   transaction, so the document is made exactly when the transition commits.
 * - `releaseDocument { template }` releases, in the transition's transaction, the newest document
 *   of the template's kind — the one staff could see when they took the step. When none exists
 *   yet (its generation is still queued), it enqueues a generation with release, which releases
 *   the queued document once it exists (same input) or generates and releases it.
 */
import type { Trx } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { EffectInvocation, EffectSink } from '../../definitions/workflow/effects.js';
import type { DocumentTemplateRegistry } from './document-template.js';
import { findNewestOfKind } from './document-queries.js';
import { templateFor } from './generate-document.js';
import { registeredGenerateDocumentJob } from './generate-document-job.js';
import { releaseDocument, staffIdOf } from './release-document.js';

export interface DocumentEffectDeps {
  queue: JobQueue;
  templates: DocumentTemplateRegistry;
}

async function serviceOf(trx: Trx, tenantId: string, caseId: string): Promise<string> {
  const row = await trx.selectFrom('cases').select('service_id').where('tenant_id', '=', tenantId).where('id', '=', caseId).executeTakeFirstOrThrow();
  return row.service_id;
}

async function enqueueGeneration(deps: DocumentEffectDeps, trx: Trx, invocation: EffectInvocation, templateId: string, release: boolean): Promise<void> {
  const requestedBy = staffIdOf(invocation.actor);
  await deps.queue.enqueue(
    registeredGenerateDocumentJob(deps.queue),
    { tenantId: invocation.tenantId, caseId: invocation.caseId, templateId, ...(release ? { release } : {}), ...(requestedBy ? { requestedBy } : {}) },
    { trx },
  );
}

/** A handler of one workflow effect, inside the transition's transaction. */
export type DocumentEffectHandler = (trx: Trx, invocation: EffectInvocation) => Promise<void>;

async function templateOf(deps: DocumentEffectDeps, trx: Trx, invocation: EffectInvocation, templateId: string) {
  // A workflow naming a template its service lacks is a deployment error: fail the transition, loudly.
  return templateFor(deps.templates, await serviceOf(trx, invocation.tenantId, invocation.caseId), templateId);
}

/** The handlers of `generateDocument` and `releaseDocument`, by effect name (for an effect-handler table). */
export function documentEffectHandlers(deps: DocumentEffectDeps): Record<'generateDocument' | 'releaseDocument', DocumentEffectHandler> {
  return {
    async generateDocument(trx, invocation) {
      if (invocation.effect.effect !== 'generateDocument') return;
      const template = await templateOf(deps, trx, invocation, invocation.effect.params.template);
      await enqueueGeneration(deps, trx, invocation, template.id, invocation.effect.params.release === true);
    },
    async releaseDocument(trx, invocation) {
      if (invocation.effect.effect !== 'releaseDocument') return;
      const { tenantId, caseId, actor } = invocation;
      const template = await templateOf(deps, trx, invocation, invocation.effect.params.template);
      const newest = await findNewestOfKind(trx, tenantId, caseId, template.kind);
      if (newest) await releaseDocument(trx, { tenantId, caseId, documentId: newest.id, actor, now: invocation.at });
      else await enqueueGeneration(deps, trx, invocation, template.id, true);
    },
  };
}

/** An effect sink that handles the document effects and passes every other effect to `next`. */
export function createDocumentEffectSink(deps: DocumentEffectDeps, next: EffectSink): EffectSink {
  const handlers = documentEffectHandlers(deps);
  return {
    async run(trx, invocation) {
      const name = invocation.effect.effect;
      if (name === 'generateDocument' || name === 'releaseDocument') return handlers[name](trx, invocation);
      return next.run(trx, invocation);
    },
  };
}
