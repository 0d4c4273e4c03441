/**
 * Every background job of the application, in one list: the queue creates a pg-boss queue for
 * each, and the worker runs them. A module adds its jobs here (like its routes in `app.ts`).
 */
import type { DocumentTemplateRegistry } from './modules/documents/document-template.js';
import { createGenerateDocumentJob } from './modules/documents/generate-document-job.js';
import { shippedDocumentTemplates } from './modules/documents/template-catalogue.js';
import type { AnyJobDefinition } from './platform/jobs/job.js';
import { purgeExpiredSessionsJob } from './platform/jobs/purge-expired-sessions.js';
import { sendMailJob } from './platform/mail/send-mail-job.js';
import { sendDeliveryJob } from './modules/deliveries/send-delivery-job.js';
import { sweepDeliveriesJob } from './modules/deliveries/sweep-deliveries-job.js';
import { caseMessageJob, fireTimerJob, processSubmissionJob } from './modules/cases/case-jobs.js';
import { purgeExpiredDraftsJob } from './modules/submissions/purge-expired-drafts-job.js';
import { requestReminderJob } from './modules/requests/request-reminder-job.js';
import { statisticsBatchJob } from './services/gewerbe/exports/statistics-batch.js';
import { consultationReminderJob } from './services/verkehr/consultation/consultation-reminder.js';
import { endReminderJob } from './services/verkehr/after-approval/end-reminder.js';

/** The registered jobs; `documentTemplates` defaults to the shipped services' templates. */
export function allJobs(options: { documentTemplates?: DocumentTemplateRegistry } = {}): AnyJobDefinition[] {
  return [purgeExpiredSessionsJob, sendMailJob, processSubmissionJob, fireTimerJob, caseMessageJob, createGenerateDocumentJob(options.documentTemplates ?? shippedDocumentTemplates()), sendDeliveryJob, sweepDeliveriesJob, purgeExpiredDraftsJob, requestReminderJob, statisticsBatchJob, consultationReminderJob, endReminderJob];
}
