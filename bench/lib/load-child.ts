/**
 * The load generator, run as its own process by load.ts (with an IPC channel) so that the load
 * never shares a process with the server it measures. For each spec it receives it runs
 * autocannon against each target for the given time, checks every response for the real success
 * status, waits for the server to work off the requests still in flight, and sends back the
 * result (see load.ts for both shapes). It ends when the channel closes.
 */
import autocannon from 'autocannon';
import { percentile } from './stats.js';
import type { Acknowledged, LoadResult, LoadSpec } from './load.js';
import { submissionBodies } from './submission-body.js';

interface TargetTally {
  latencies: number[];
  statusCounts: Record<string, number>;
  references: Acknowledged[];
  errorSamples: string[];
}

async function loadOneTarget(spec: LoadSpec, target: string, index: number, connections: number, tally: TargetTally) {
  const { request } = spec;
  const expected = request.kind === 'get' ? (request.expectStatus ?? 200) : 201;
  let counter = 0;
  const submission = submissionBodies();
  const result = await autocannon({
    url: target,
    connections,
    duration: spec.durationSeconds,
    timeout: 30,
    requests: [
      request.kind === 'get'
        ? { method: 'GET', path: request.path }
        : {
            method: 'POST',
            setupRequest: (r, context) => {
              const n = counter++;
              const tenant = request.tenants[n % request.tenants.length]!;
              context.tenant = tenant.slug;
              return {
                ...r,
                path: `/api/v1/${tenant.slug}/services/${request.service}/applications`,
                headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${spec.runId}-${index}-${n}` },
                body: submission(n, tenant),
              };
            },
            onResponse: (status, body, context) => {
              if (status === 201 && request.collectReferences) tally.references.push({ tenant: String(context.tenant), reference: (JSON.parse(body) as { reference: string }).reference });
              if (status !== 201 && tally.errorSamples.length < 3) tally.errorSamples.push(`${status}: ${body.slice(0, 300)}`);
            },
          },
    ],
    setupClient: (client) => {
      client.on('response', (status, _bytes, ms) => {
        tally.statusCounts[status] = (tally.statusCounts[status] ?? 0) + 1;
        if (status === expected) tally.latencies.push(ms);
      });
    },
  });
  return { result, expected };
}

/**
 * Waits until the server has worked off what the load left behind. autocannon closes its
 * connections when the time is up, but the server still finishes the requests it had accepted;
 * the next measurement must not start behind them. One request of the same kind per target (and
 * per municipality, whose submissions queue on its own counter) comes back only after those.
 */
async function settle(spec: LoadSpec): Promise<void> {
  const { request } = spec;
  const body = submissionBodies();
  await Promise.all(
    spec.targets.map(async (target, index) => {
      if (request.kind === 'get') {
        await (await fetch(`${target}${request.path}`, { signal: AbortSignal.timeout(120_000) })).arrayBuffer();
        return;
      }
      for (const [n, tenant] of request.tenants.entries()) {
        const res = await fetch(`${target}/api/v1/${tenant.slug}/services/${request.service}/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${spec.runId}-settle-${index}-${n}` },
          body: body(1_000_000 + n, tenant),
          signal: AbortSignal.timeout(120_000),
        });
        await res.arrayBuffer();
      }
    }),
  );
}

async function measure(spec: LoadSpec): Promise<LoadResult> {
  const tally: TargetTally = { latencies: [], statusCounts: {}, references: [], errorSamples: [] };
  const share = (i: number) => Math.floor(spec.connections / spec.targets.length) + (i < spec.connections % spec.targets.length ? 1 : 0);
  const runs = await Promise.all(spec.targets.map((t, i) => loadOneTarget(spec, t, i, share(i), tally)));
  await settle(spec);
  const expected = runs[0]!.expected;
  const ok = tally.statusCounts[expected] ?? 0;
  const answered = Object.values(tally.statusCounts).reduce((a, b) => a + b, 0);
  const duration = Math.max(...runs.map((r) => r.result.duration));
  return {
    requestsPerSecond: ok / duration,
    completed: ok,
    p50: percentile(tally.latencies, 50),
    p99: percentile(tally.latencies, 99),
    errors: answered - ok + runs.reduce((a, r) => a + r.result.errors + r.result.timeouts, 0),
    statusCounts: tally.statusCounts,
    durationSeconds: duration,
    references: tally.references,
    errorSamples: tally.errorSamples,
  };
}

process.on('message', (spec: LoadSpec) => {
  measure(spec).then(
    (result) => process.send!({ ok: true, result }),
    (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
process.on('disconnect', () => process.exit(0));
