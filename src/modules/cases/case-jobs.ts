/**
 * The jobs that move cases on: processing a fresh submission (rules, then automatic steps),
 * firing workflow timers, and sending the messages a transition asks for. Each reloads the case
 * and is idempotent: rules re-evaluate the same data to the same findings, automatic steps only
 * fire when their guard still holds, a timer fires once, and a message job queues its mail once
 * (pg-boss delivers a job at least once; the mail row is keyed by the job).
 */
import { Type } from '@sinclair/typebox';
import { publicBaseUrlOf } from '../../config/settings.js';
import { defineJob, UuidSchema, type JobServices } from '../../platform/jobs/job.js';
import { queueMailForSending } from '../../platform/mail/send-mail-job.js';
import { createTenantDirectory } from '../../platform/tenancy/tenant-directory.js';
import { CASE_MESSAGE_KINDS, composeCaseMessage, type CaseMessageKind } from '../notifications/case-mails.js';
import { buildCaseEngine } from './case-engine-wiring.js';
import { fireTimer } from './case-timers.js';
import { runAutomaticTransitions } from './apply-transition.js';
import { evaluateRules } from './evaluate-rules.js';
import { statusTokenFor } from './status-links.js';

export const processSubmissionJob = defineJob({
  name: 'cases.process-submission',
  payloadSchema: Type.Object({ tenantId: UuidSchema, caseId: UuidSchema }, { additionalProperties: false }),
  async handler({ tenantId, caseId }, services) {
    const engine = buildCaseEngine(services);
    const now = services.clock.now();
    await evaluateRules(engine, { tenantId, caseId, now });
    await runAutomaticTransitions(engine, { tenantId, caseId, now });
  },
});

export const fireTimerJob = defineJob({
  name: 'cases.fire-timer',
  payloadSchema: Type.Object({ tenantId: UuidSchema, timerId: UuidSchema }, { additionalProperties: false }),
  async handler({ tenantId, timerId }, services) {
    const outcome = await fireTimer(buildCaseEngine(services), { tenantId, timerId, now: services.clock.now() });
    services.log.info({ fired: outcome.fired, reason: outcome.fired ? undefined : outcome.reason }, 'timer');
  },
});

export const caseMessageJob = defineJob({
  name: 'cases.send-message',
  payloadSchema: Type.Object(
    {
      tenantId: UuidSchema,
      caseId: UuidSchema,
      /** The transition's event sequence number: one message per event, however often the job runs. */
      eventKey: Type.String({ maxLength: 200 }),
      template: Type.Union(CASE_MESSAGE_KINDS.map((k) => Type.Literal(k))),
      to: Type.Union([Type.Literal('applicant'), Type.Literal('assignee'), Type.Literal('office')]),
    },
    { additionalProperties: false },
  ),
  async handler(payload, services) {
    await sendCaseMessage(services, payload);
  },
});

async function sendCaseMessage(
  services: JobServices,
  p: { tenantId: string; caseId: string; eventKey: string; template: CaseMessageKind; to: 'applicant' | 'assignee' | 'office' },
): Promise<void> {
  const tenant = (await createTenantDirectory(services.db, () => Date.now(), 0).listActive()).find((t) => t.id === p.tenantId);
  if (!tenant) return;
  const templateKey = `case.${p.template}:${p.eventKey}`;
  await services.db.withTenant(p.tenantId, async (trx) => {
    const row = await trx.selectFrom('cases').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', p.caseId).executeTakeFirst();
    if (!row) return;
    const already = await trx.selectFrom('mail_outbox').select('id').where('tenant_id', '=', p.tenantId).where('case_id', '=', p.caseId).where('template', '=', templateKey).executeTakeFirst();
    if (already) return;
    let to: string | null = null;
    if (p.to === 'applicant') to = row.applicant_email;
    else if (p.to === 'office') to = tenant.email;
    else if (row.assignee_id) to = (await trx.selectFrom('staff_users').select('email').where('id', '=', row.assignee_id).executeTakeFirst())?.email ?? null;
    if (!to) return;
    const runtime = services.packages.runtimes.get(row.service_id, row.service_version);
    const definition = services.packages.registry.get(row.service_id, row.service_version);
    const state = runtime?.workflow.states.find((s) => s.id === row.state);
    const toApplicant = p.to === 'applicant';
    const statusUrl = toApplicant
      ? `${publicBaseUrlOf(services.settings)}/${tenant.slug}/status/${statusTokenFor(services.secret, row.id, row.status_link_generation)}`
      : undefined;
    const mail = composeCaseMessage(p.template, {
      tenant,
      locale: toApplicant ? row.locale : 'de',
      reference: row.reference,
      applicantName: toApplicant ? row.applicant_name : null,
      serviceName: definition?.name ?? { de: row.service_id, en: row.service_id },
      ...(state ? { stateName: toApplicant ? state.applicantName : state.staffName } : {}),
      ...(statusUrl ? { statusUrl } : {}),
    });
    await queueMailForSending(trx, services.queue, p.tenantId, { ...mail, to, template: templateKey, caseId: row.id, containsSecretLink: Boolean(statusUrl) });
  });
}
