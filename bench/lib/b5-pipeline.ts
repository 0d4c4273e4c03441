/**
 * When each case of B5 got through the pipeline, read from the database (the bench's superuser
 * URL reads past row-level security): acknowledged = `cases.submitted_at`, set in the submission
 * transaction that the 201 answers after; done = the later of the receipt's `case_documents`
 * row (written after the PDF is stored) and the last of its `deliveries` rows (built with the
 * transmit step). All times come from one machine's clock.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Acknowledged, SubmissionTenant } from './load.js';
import { queryServer } from './postgres-admin.js';
import { submissionBodies } from './submission-body.js';
import { SUBMISSION_SERVICE } from './submission-load.js';

export interface PipelineTimes {
  /** Cases asked about. */
  total: number;
  /** Cases with their receipt stored and their deliveries built. */
  done: number;
  /** Per done case: milliseconds from submission to done. */
  latencies: number[];
  /** Epoch ms of the first submission and the last completion among the done cases. */
  firstSubmitted: number;
  lastDone: number;
}

const TIMES = `
SELECT extract(epoch FROM c.submitted_at) * 1000 AS submitted,
       extract(epoch FROM r.at) * 1000 AS receipt,
       extract(epoch FROM d.at) * 1000 AS deliveries
FROM cases c
LEFT JOIN LATERAL (SELECT max(created_at) AS at FROM case_documents WHERE tenant_id = c.tenant_id AND case_id = c.id AND kind = 'receipt') r ON true
LEFT JOIN LATERAL (SELECT max(created_at) AS at FROM deliveries WHERE tenant_id = c.tenant_id AND case_id = c.id) d ON true
WHERE c.reference = ANY($1::text[])`;

/** Reads how far the given cases are: done are those with a stored receipt and built deliveries. */
export async function pipelineTimes(databaseUrl: string, references: readonly Acknowledged[]): Promise<PipelineTimes> {
  const rows = await queryServer<{ submitted: string; receipt: string | null; deliveries: string | null }>(databaseUrl, TIMES, [references.map((r) => r.reference)]);
  const finished = rows
    .filter((r) => r.receipt !== null && r.deliveries !== null)
    .map((r) => ({ submitted: Number(r.submitted), done: Math.max(Number(r.receipt), Number(r.deliveries)) }));
  return {
    total: references.length,
    done: finished.length,
    latencies: finished.map((r) => r.done - r.submitted),
    firstSubmitted: Math.min(...finished.map((r) => r.submitted)),
    lastDone: Math.max(...finished.map((r) => r.done)),
  };
}

/** Polls until every case is done or `timeoutMs` passed; returns the last reading. */
export async function waitForPipeline(databaseUrl: string, references: readonly Acknowledged[], timeoutMs: number): Promise<PipelineTimes> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const times = await pipelineTimes(databaseUrl, references);
    if (times.done >= times.total || performance.now() > until) return times;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Submits `count` Gewerbe-Anmeldungen one at a time, one every `intervalMs`, to the same API and
 * with the same bodies as the load generator: a trickle the workers can keep up with, so the
 * latency it shows is the pipeline's own and not a queue's.
 */
export async function pacedSubmissions(baseUrl: string, tenants: readonly SubmissionTenant[], count: number, intervalMs: number, firstApplicant: number): Promise<Acknowledged[]> {
  const body = submissionBodies();
  const run = randomUUID().slice(0, 8);
  const out: Acknowledged[] = [];
  for (let n = 0; n < count; n++) {
    const started = performance.now();
    const tenant = tenants[n % tenants.length]!;
    const res = await fetch(`${baseUrl}/api/v1/${tenant.slug}/services/${SUBMISSION_SERVICE}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-b5-${run}-${n}` },
      // a new applicant number each time: the same person again in a town is a possible duplicate for a caseworker
      body: body(firstApplicant + n, tenant),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`paced submission ${n} answered ${res.status}: ${text.slice(0, 300)}`);
    out.push({ tenant: tenant.slug, reference: (JSON.parse(text) as { reference: string }).reference });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (performance.now() - started))));
  }
  return out;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (clock ticks of 10 ms on Linux). */
export function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
