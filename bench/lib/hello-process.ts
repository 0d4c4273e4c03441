/** Starts and stops the bare Fastify server of bench/lib/hello-server.js (the B0 baseline). */
import { appServesPage, REPOSITORY_ROOT } from './app-process.js';
import { launcherEnvironment } from './bench-config.js';
import { freePort, residentMb, spawnTracked } from './child-processes.js';

export interface HelloServer {
  /** Base URL; the route is `/hello`. */
  url: string;
  /** Milliseconds from spawn to the first 200 of /hello (B6's baseline for a start). */
  readyMs: number;
  /** Resident memory of the server process now, in MiB (B6's baseline for memory). */
  residentMb(): number;
  stop(): Promise<void>;
}

/** Starts the server as its own process and waits until it answers. */
export async function startHelloServer(): Promise<HelloServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = spawnTracked(process.execPath, ['bench/lib/hello-server.js', String(port)], { cwd: REPOSITORY_ROOT, env: launcherEnvironment() });
  for (const until = performance.now() + 60_000; !(await appServesPage(`${url}/hello`)); ) {
    if (performance.now() > until || server.child.exitCode !== null) {
      server.child.kill('SIGKILL');
      throw new Error(`hello server did not start:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    readyMs,
    residentMb: () => residentMb(server.pid),
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}
