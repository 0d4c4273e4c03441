/**
 * The real platform as a child process, the way an operator runs it: `npm start` (or the same
 * entry, bin/start.js, without npm) for the embedded web + worker process, `rathaus web` and
 * `rathaus worker` for the separate roles. Settings reach it only through its environment, as in
 * production: NODE_ENV=production (templates cached, required settings enforced), the shared
 * secret, an SMTP server, demo seeding switched on as `npm start` does outside production.
 *
 * A web process counts as ready when it serves its first page (GET / answers 200); a worker when
 * it logs "worker ready". Memory is read from the process that runs the app (under `npm start`
 * that is the node process of bin/start.js below npm and sh, not the launchers).
 */
import path from 'node:path';
import { launcherEnvironment } from './bench-config.js';
import { commandLineOf, descendantsOf, freePort, peakResidentMb, residentMb, spawnTracked, type TrackedChild } from './child-processes.js';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..');

export type AppRole = 'embedded' | 'web' | 'worker';

/** One installation: what every process of it shares. */
export interface Installation {
  /** PostgreSQL database URL, or undefined for PGlite in `dataDir`. */
  databaseUrl?: string;
  /** DATA_DIR: PGlite's files (without databaseUrl) and the local file storage. */
  dataDir: string;
  /** APP_SECRET: status links and CSRF tokens must verify in every process. */
  secret: string;
  /** Where the workers send mail (a sink of the bench or the test). */
  smtpUrl: string;
}

export interface AppProcessOptions {
  role: AppRole;
  installation: Installation;
  /** `npm-start` runs the literal `npm start` (embedded only); default: node with bin/start.js or bin/rathaus.js. */
  launcher?: 'node' | 'npm-start';
  /** Further settings, e.g. RUN_WORKER_IN_WEB=false or DATABASE_POOL_SIZE. */
  env?: Record<string, string>;
  /** How long to wait for readiness (default 120 s: a loaded 2-core machine starts slowly). */
  readyTimeoutMs?: number;
  /** Extra node flags for the app process, e.g. --cpu-prof (node launcher only). */
  nodeFlags?: string[];
}

export interface AppProcess {
  role: AppRole;
  /** Base URL of a web or embedded process (empty for a worker). */
  url: string;
  /** Milliseconds from spawn to readiness (first page served, or worker ready). */
  readyMs: number;
  /** The pid of the node process that runs the app (for memory readings). */
  appPid: number;
  residentMb(): number;
  peakResidentMb(): number;
  output(): string;
  /** SIGTERM to the app, then wait for a clean exit (SIGKILL after `graceMs`); resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/** The environment of one process of an installation (nothing inherited but PATH and HOME). */
export function appEnvironment(installation: Installation, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    ...launcherEnvironment(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    APP_SECRET: installation.secret,
    SMTP_URL: installation.smtpUrl,
    DATA_DIR: installation.dataDir,
    SEED_DEMO: 'true',
    // Request logging off in web processes: the figures measure the platform, not a log pipe.
    LOG_LEVEL: 'warn',
    ...extra,
  };
  if (installation.databaseUrl) env.DATABASE_URL = installation.databaseUrl;
  return env;
}

function commandFor(options: AppProcessOptions): { command: string; args: string[] } {
  const flags = options.nodeFlags ?? [];
  if (options.launcher === 'npm-start') {
    if (options.role !== 'embedded') throw new Error('npm start runs the embedded process only');
    return { command: 'npm', args: ['start', '--silent'] };
  }
  if (options.role === 'embedded') return { command: process.execPath, args: [...flags, 'bin/start.js'] };
  return { command: process.execPath, args: [...flags, 'bin/rathaus.js', options.role] };
}

/** The node process that runs bin/start.js below the launchers (the child itself when launched directly). */
function appPidOf(child: TrackedChild, launcher: AppProcessOptions['launcher']): number {
  if (launcher !== 'npm-start') return child.pid;
  const below = descendantsOf(child.pid).filter((pid) => /\bnode\b.*bin\/start\.js/.test(commandLineOf(pid)));
  return below.at(-1) ?? child.pid;
}

/** True when a GET of the URL answers 200 (false on any error). */
export async function appServesPage(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Starts one process of the installation and waits until it is ready; throws with its output when it fails to start. */
export async function startApp(options: AppProcessOptions): Promise<AppProcess> {
  const port = await freePort();
  const workerEnv: Record<string, string> = options.role === 'worker' ? { LOG_LEVEL: 'info' } : {};
  const env = appEnvironment(options.installation, port, { ...workerEnv, ...options.env });
  const { command, args } = commandFor(options);
  let workerReady = false;
  const started = performance.now();
  const child = spawnTracked(command, args, {
    cwd: REPOSITORY_ROOT,
    env,
    onLine: (line) => {
      if (line.includes('"msg":"worker ready"')) workerReady = true;
    },
  });
  const url = options.role === 'worker' ? '' : `http://127.0.0.1:${port}`;
  const deadline = started + (options.readyTimeoutMs ?? 120_000);
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${options.role} process ended during start (exit ${exitCode}):\n${child.output().slice(-4000)}`);
    if (options.role === 'worker' ? workerReady : await appServesPage(`${url}/`)) break;
    if (performance.now() > deadline) {
      child.child.kill('SIGKILL');
      throw new Error(`${options.role} process not ready within ${Math.round((deadline - started) / 1000)} s:\n${child.output().slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const readyMs = performance.now() - started;
  const appPid = appPidOf(child, options.launcher);
  return {
    role: options.role,
    url,
    readyMs,
    appPid,
    residentMb: () => residentMb(appPid),
    peakResidentMb: () => peakResidentMb(appPid),
    output: child.output,
    async stop(graceMs = 30_000) {
      if (exitCode !== undefined) return exitCode;
      // Only the app gets SIGTERM: npm and sh pass their child's exit on, and a second SIGTERM
      // (from a whole process group) would cut the app's graceful shutdown short.
      process.kill(appPid, 'SIGTERM');
      const timer = setTimeout(() => {
        for (const pid of [...descendantsOf(child.pid).reverse(), child.pid]) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }, graceMs);
      const code = await child.exited;
      clearTimeout(timer);
      return code;
    },
  };
}
