/**
 * The one shape of a background job (STYLE.md practice 12): a name, a payload schema that holds
 * ids only (the handler reloads current state, so a job enqueued yesterday acts on today's
 * data), and an idempotent handler — pg-boss delivers at least once, so a retried or duplicated
 * run must leave the same effect as one run. Retries and their backoff are defined once here.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../app.js';
import type { Settings } from '../../config/settings.js';
import type { Database } from '../db/database.js';
import type { MailTransport } from '../mail/mail-transport.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { ServicePackages } from '../../definitions/service-package.js';
import type { JobQueue } from './job-queue.js';

/** How often a failed job runs again, and how long it waits in between (pg-boss semantics). */
export interface RetryPolicy {
  /** Further attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry; with backoff, roughly doubled for every further one (with jitter). */
  retryDelay: number;
  retryBackoff: boolean;
}

/**
 * The platform's retry policy: 8 retries, waiting about 30 s, 1 min, 2 min … 64 min — a
 * transient outage of a mail server or a recipient's endpoint of up to two hours heals by itself.
 */
export const RETRY_POLICY: RetryPolicy = { retryLimit: 8, retryDelay: 30, retryBackoff: true };

/** pg-boss queue policies: `short` keeps one waiting job per singleton key, `stately` one per state. */
export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

/** What every handler receives besides its payload. */
export interface JobServices {
  db: Database;
  settings: Settings;
  clock: Clock;
  queue: JobQueue;
  log: FastifyBaseLogger;
  mail: MailTransport;
  storage: FileStorage;
  /** The application secret (status links in mails, signed tokens). */
  secret: string;
  /** The procedures: definitions, workflows and rule sets. */
  packages: ServicePackages;
}

export interface JobContext extends JobServices {
  job: {
    id: string;
    name: string;
    /** 1 for the first run, 2 for the first retry, … */
    attempt: number;
  };
}

export interface JobDefinition<S extends TSchema = TSchema> {
  /** `<module>.<verb-object>`, e.g. `submissions.run-rules`; it names the pg-boss queue. */
  name: string;
  payloadSchema: S;
  handler: (payload: Static<S>, ctx: JobContext) => Promise<void>;
  /** Deviations from {@link RETRY_POLICY}; rarely needed. */
  retry?: Partial<RetryPolicy>;
  /** Longest run before pg-boss counts the attempt as failed (default 15 minutes). */
  expireInSeconds?: number;
  /** Queue policy; only `short`/`stately`/`singleton` make `singletonKey` deduplicate. */
  policy?: QueuePolicy;
  /** A cron schedule (5 fields; time zone Europe/Berlin unless given) for recurring jobs. */
  schedule?: { cron: string; tz?: string };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds jobs of every payload type
export type AnyJobDefinition = JobDefinition<any>;

/** A UUID in a job payload (payloads hold ids only). */
export const UuidSchema = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });

const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares a job; the name is checked at load time so a typo fails at start, not at 3 a.m. */
export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!JOB_NAME.test(definition.name)) {
    throw new Error(`Job name "${definition.name}" must look like "module.verb-object" (lower case, dot-separated)`);
  }
  if (definition.schedule && !Value.Check(definition.payloadSchema, {})) {
    throw new Error(`Job ${definition.name} is scheduled, so its payload schema must accept {} (cron sends no payload)`);
  }
  return definition;
}

/** The retry policy a job runs with: the platform policy with the job's deviations. */
export function retryPolicyOf(job: AnyJobDefinition): RetryPolicy {
  return { ...RETRY_POLICY, ...job.retry };
}
