/**
 * The B1 load, shared by B1, B6 and B7: complete Gewerbe-Anmeldungen (GewA1: about 40 answers,
 * full validation, case + event + jobs + mail in one transaction) posted to the JSON API by 32
 * concurrent clients, each with a new applicant and Idempotency-Key, the five founding
 * municipalities taking turns — a platform's load comes from many municipalities, and each
 * municipality's submissions serialise on its reference counter and its event chain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from './app-process.js';
import { CLIENTS, LOAD_SECONDS, WARMUP_SECONDS } from './bench-config.js';
import type { LoadGenerator, LoadSpec, SubmissionTenant } from './load.js';
import { repeatLoad, type LoadSeries } from './measure.js';
import type { BenchContext } from './scenario.js';

export const SUBMISSION_SERVICE = 'gewerbe-anmeldung';

/** The founding municipalities, each with the first place of its seeded area (src/services/gewerbe/data). */
export function submissionTenants(): SubmissionTenant[] {
  const file = path.join(REPOSITORY_ROOT, 'src/services/gewerbe/data/founding-areas.json');
  const { areas } = JSON.parse(fs.readFileSync(file, 'utf8')) as { areas: Record<string, [string, string][]> };
  return Object.entries(areas).map(([slug, places]) => ({ slug, postalCode: places[0]![0], town: places[0]![1] }));
}

/** The load spec against the given web processes. */
export function submissionLoad(targets: string[], durationSeconds: number, collectReferences = false): Omit<LoadSpec, 'runId'> {
  return { targets, connections: CLIENTS, durationSeconds, request: { kind: 'gewerbe-submission', tenants: submissionTenants(), service: SUBMISSION_SERVICE, collectReferences } };
}

/** Warms the targets up (not recorded), then measures the submission load `ctx.repetitions` times. */
export async function measureSubmissions(ctx: BenchContext, load: LoadGenerator, what: string, targets: string[], runIdPrefix: string, collectReferences = false): Promise<LoadSeries> {
  if (WARMUP_SECONDS[ctx.size] > 0) {
    ctx.progress(`${what}, warming up`);
    await load.run({ ...submissionLoad(targets, WARMUP_SECONDS[ctx.size], collectReferences), runId: `${runIdPrefix}w` });
  }
  return repeatLoad(ctx, load, what, submissionLoad(targets, LOAD_SECONDS[ctx.size], collectReferences), runIdPrefix);
}
