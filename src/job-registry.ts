/**
 * Every background job of the application, in one list: the queue creates a pg-boss queue for
 * each, and the worker runs them. A module adds its jobs here (like its routes in `app.ts`).
 */
import type { AnyJobDefinition } from './platform/jobs/job.js';
import { purgeExpiredSessionsJob } from './platform/jobs/purge-expired-sessions.js';
import { sendMailJob } from './platform/mail/send-mail-job.js';

/** The registered jobs. */
export function allJobs(): AnyJobDefinition[] {
  return [purgeExpiredSessionsJob, sendMailJob];
}
