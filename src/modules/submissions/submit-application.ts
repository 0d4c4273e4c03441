/**
 * Submitting an application (ARCHITECTURE.md §3 step 2), in ONE tenant transaction:
 * validate the whole data against the service version, draw the reference number, create the
 * case in the workflow's first state, move the draft's files to it, write the first event, and
 * queue the follow-up work (rules and automation, the confirmation mail). Only after the commit
 * does the applicant see the confirmation, so an acknowledged submission is durable.
 *
 * Idempotent: a draft submits once (its row is locked, and a second submit returns the first
 * case); an API submission with an Idempotency-Key returns the case created under that key.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Trx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { TenantRecord } from '../../platform/tenancy/tenant-directory.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { loadTenantCalendar } from '../../platform/calendar/tenant-calendar.js';
import type { ServiceDefinition } from '../../definitions/model/service-definition.js';
import type { ServicePackage } from '../../definitions/service-package.js';
import { validateSubmission, type ValidationError } from '../../definitions/validation/validate.js';
import { initialStateOf } from '../cases/case-deadlines.js';
import { nextReference } from '../cases/reference-numbers.js';
import { hashToken, statusTokenFor } from '../cases/status-links.js';
import type { DraftRecord } from './draft-store.js';
import { processSubmissionJob } from '../cases/case-jobs.js';
import { queueReceivedMail } from '../notifications/case-mails.js';

export interface SubmittedCase {
  caseId: string;
  reference: string;
  statusToken: string;
  /** False when this call found the case of an earlier, identical submission. */
  created: boolean;
}

export interface SubmissionDeps {
  db: Database;
  queue: JobQueue;
  secret: string;
  publicBaseUrl: string;
}

export interface SubmissionInput {
  tenant: TenantRecord;
  pkg: ServicePackage;
  definition: ServiceDefinition;
  data: unknown;
  locale: Locale;
  now: Date;
  /** The draft being submitted (HTML runner): locked, checked for an earlier submit, marked submitted. */
  draft?: Pick<DraftRecord, 'id'>;
  /** The client's Idempotency-Key (API). */
  idempotencyKey?: string;
}

/** Thrown when the data does not validate; carries the errors for the page or problem document. */
export class SubmissionInvalidError extends AppError {
  constructor(readonly errors: readonly ValidationError[]) {
    super(
      'validation.failed',
      errors.map((e) => ({ path: e.path, message: e.message })),
    );
  }
}

async function existingCase(trx: Trx, tenantId: string, where: { draftId?: string; idempotencyKey?: string }) {
  let q = trx.selectFrom('cases').select(['id', 'reference', 'status_link_generation']).where('tenant_id', '=', tenantId);
  if (where.draftId) q = q.where('draft_id', '=', where.draftId);
  else if (where.idempotencyKey) q = q.where('idempotency_key', '=', where.idempotencyKey);
  else return undefined;
  return q.executeTakeFirst();
}

/** Submits an application; see the module comment for the guarantees. */
export async function submitApplication(deps: SubmissionDeps, input: SubmissionInput): Promise<SubmittedCase> {
  const { tenant, pkg, definition, now } = input;
  const tenantId = tenant.id;
  const found = (row: { id: string; reference: string; status_link_generation: number }): SubmittedCase => ({
    caseId: row.id,
    reference: row.reference,
    statusToken: statusTokenFor(deps.secret, row.id, row.status_link_generation),
    created: false,
  });

  const result = validateSubmission(definition, input.data, { now });
  if (!result.ok) throw new SubmissionInvalidError(result.errors);

  try {
    return await deps.db.withTenant(tenantId, async (trx) => {
      if (input.draft) {
        // Locks the draft: parallel submits of one draft wait here and then find the case.
        const draft = await trx
          .selectFrom('drafts')
          .select(['submitted_case_id'])
          .where('tenant_id', '=', tenantId)
          .where('id', '=', input.draft.id)
          .forUpdate()
          .executeTakeFirst();
        if (!draft) throw new AppError('http.not_found');
        const earlier = await existingCase(trx, tenantId, { draftId: input.draft.id });
        if (earlier) return found(earlier);
      } else if (input.idempotencyKey) {
        const earlier = await existingCase(trx, tenantId, { idempotencyKey: input.idempotencyKey });
        if (earlier) return found(earlier);
      }
      // Checks that need the municipality's data (e.g. lead time against its calendar) refuse here for form and API alike.
      const preSubmit = await pkg.preSubmitCheck?.(trx, { tenantId, data: result.data, now });
      if (preSubmit && preSubmit.errors.length > 0) throw new SubmissionInvalidError(preSubmit.errors);

      if (!tenant.referenceCode) throw new Error(`Tenant ${tenant.slug} has no reference code`);
      const calendar = await loadTenantCalendar(trx, tenantId);
      const { state, dueAt } = initialStateOf(pkg.workflowFor(definition.version), calendar, now);
      const caseId = randomUUID();
      const statusToken = statusTokenFor(deps.secret, caseId, 1);
      const applicant = pkg.applicant(result.data);
      // Drawn as late as possible: the counter row stays locked until this transaction commits, and
      // every other submission of the municipality waits for it (B1 profile).
      const reference = await nextReference(trx, { id: tenantId, referenceCode: tenant.referenceCode, referencePattern: tenant.referencePattern }, pkg.referenceCode, now);
      await trx
        .insertInto('cases')
        .values({
          tenant_id: tenantId,
          id: caseId,
          reference,
          service_id: definition.id,
          service_version: definition.version,
          state,
          data: JSON.stringify(result.data),
          applicant_name: applicant.name,
          applicant_email: applicant.email,
          company_name: applicant.companyName ?? null,
          summary: applicant.summary ?? null,
          locale: input.locale,
          status_token_hash: hashToken(statusToken),
          idempotency_key: input.idempotencyKey ?? null,
          draft_id: input.draft?.id ?? null,
          submitted_at: now,
          updated_at: now,
          due_at: dueAt,
        })
        .execute();
      const fileIds = referencedFileIds(result.data);
      if (input.draft) {
        await trx
          .updateTable('files')
          .set({ case_id: caseId, draft_id: null })
          .where('tenant_id', '=', tenantId)
          .where('draft_id', '=', input.draft.id)
          .where('id', 'in', fileIds.length > 0 ? fileIds : ['00000000-0000-0000-0000-000000000000'])
          .execute();
        await trx.updateTable('drafts').set({ submitted_case_id: caseId, updated_at: now }).where('tenant_id', '=', tenantId).where('id', '=', input.draft.id).execute();
      } else if (fileIds.length > 0) {
        await trx.updateTable('files').set({ case_id: caseId }).where('tenant_id', '=', tenantId).where('case_id', 'is', null).where('draft_id', 'is', null).where('id', 'in', fileIds).execute();
      }
      await appendCaseEvent(trx, tenantId, {
        caseId,
        at: now,
        actorKind: 'citizen',
        type: 'case.submitted',
        data: { reference, service: definition.id, version: definition.version, channel: input.draft ? 'form' : 'api', files: fileIds.length },
      });
      await deps.queue.enqueue(processSubmissionJob, { tenantId, caseId }, { trx });
      if (applicant.email) {
        await queueReceivedMail(trx, deps.queue, {
          tenant,
          caseId,
          to: applicant.email,
          facts: {
            applicantName: applicant.name,
            locale: input.locale,
            reference,
            serviceName: definition.name,
            processingTime: definition.processingTime,
            statusUrl: `${deps.publicBaseUrl}/${tenant.slug}/status/${statusToken}`,
          },
        });
      }
      return { caseId, reference, statusToken, created: true };
    });
  } catch (e) {
    // Two API submits with one key raced past the lookup; the loser finds the winner's case.
    if (input.idempotencyKey && isUniqueViolation(e)) {
      const earlier = await deps.db.withTenant(tenantId, (trx) => existingCase(trx, tenantId, { idempotencyKey: input.idempotencyKey }));
      if (earlier) return found(earlier);
    }
    throw e;
  }
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

/** Ids of the uploaded files the data refers to (file fields hold `{ id, name, size, mediaType }`). */
export function referencedFileIds(data: unknown): string[] {
  const ids: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && typeof o.mediaType === 'string' && typeof o.size === 'number' && /^[0-9a-f-]{36}$/.test(o.id)) ids.push(o.id);
      else Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return ids;
}
