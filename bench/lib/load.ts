/**
 * HTTP load from a separate process on loopback: a load generator (bench/lib/load-child.ts, which
 * runs autocannon) takes one spec at a time and returns what it measured. Only responses with the real success status
 * count as done — 200 for pages, 201 (a new case) for submissions; anything else, and every
 * connection error or timeout, is an error.
 */
import { REPOSITORY_ROOT } from './app-process.js';
import { launcherEnvironment } from './bench-config.js';
import { spawnTracked } from './child-processes.js';

/** What each request is. */
export type LoadRequest =
  | { kind: 'get'; path: string; expectStatus?: number }
  /** A complete GewA1 through the JSON API, a new name and Idempotency-Key each time, the municipalities taking turns. */
  | { kind: 'gewerbe-submission'; tenants: SubmissionTenant[]; service: string; collectReferences?: boolean };

/** A municipality that receives submissions, with a place in its area for the business address. */
export interface SubmissionTenant {
  slug: string;
  postalCode: string;
  town: string;
}

/** An acknowledged submission. */
export interface Acknowledged {
  tenant: string;
  reference: string;
}

export interface LoadSpec {
  /** Base URLs; the connections are shared out between them. */
  targets: string[];
  connections: number;
  durationSeconds: number;
  request: LoadRequest;
  /** Makes idempotency keys unique across the runs against one database (letters, digits, '-'). */
  runId: string;
}

export interface LoadResult {
  /** Successful responses per second. */
  requestsPerSecond: number;
  completed: number;
  /** Latency percentiles of the successful responses, in ms. */
  p50: number;
  p99: number;
  /** Responses with another status, connection errors and timeouts. */
  errors: number;
  statusCounts: Record<string, number>;
  durationSeconds: number;
  /** The acknowledged submissions (when asked for). */
  references: Acknowledged[];
  /** The first few unexpected responses (status and the start of the body), for the report. */
  errorSamples: string[];
}

/** A load generator process: runs one load at a time, as often as asked. */
export interface LoadGenerator {
  run(spec: LoadSpec): Promise<LoadResult>;
  close(): Promise<void>;
}

type ChildAnswer = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Starts the generator process (bench/lib/load-child.ts); it stays up until closed, so repetitions do not pay its start. */
export function startLoadGenerator(): LoadGenerator {
  const tracked = spawnTracked(process.execPath, ['--import', 'tsx', 'bench/lib/load-child.ts'], { cwd: REPOSITORY_ROOT, env: launcherEnvironment(), ipc: true });
  const { child } = tracked;
  let queue: Promise<unknown> = Promise.resolve();
  const once = (spec: LoadSpec) =>
    new Promise<LoadResult>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator ended (exit ${code}):\n${tracked.output().slice(-2000)}`));
      child.once('exit', onExit);
      child.once('message', (answer: ChildAnswer) => {
        child.off('exit', onExit);
        if (answer.ok) resolve(answer.result);
        else reject(new Error(`load generator failed: ${answer.error}`));
      });
      child.send(spec);
    });
  return {
    run(spec) {
      // One load at a time: two at once would measure each other.
      const next = queue.then(() => once(spec));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      child.disconnect();
      await tracked.exited;
    },
  };
}

/** Runs `fn` with a generator and closes it afterwards. */
export async function withLoadGenerator<T>(fn: (load: LoadGenerator) => Promise<T>): Promise<T> {
  const load = startLoadGenerator();
  try {
    return await fn(load);
  } finally {
    await load.close();
  }
}
