/**
 * Child processes of a benchmark run: the platform's processes, the load generator, the bare
 * Fastify server. Every child is tracked until it exits, so a scenario that fails or runs out of
 * time leaves nothing running behind it (the runner calls `killLeftoverProcesses` at the end).
 * Memory is read from /proc (Linux): VmRSS now, VmHWM as the kernel's own peak.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A spawned child with its output kept (the last 64 KiB) for error messages. */
export interface TrackedChild {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
}

const OUTPUT_LIMIT = 64 * 1024;
// Module state on purpose: the safety net must see every child, whichever scenario spawned it.
const live = new Set<TrackedChild>();

/** Spawns a child, collecting its stdout and stderr. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions & { onLine?: (line: string) => void; ipc?: boolean }): TrackedChild {
  const { onLine, ipc, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])], ...(ipc ? { serialization: 'json' as const } : {}) });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  let output = '';
  let partial = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-OUTPUT_LIMIT);
    if (onLine) {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const tracked: TrackedChild = {
    child,
    pid: child.pid,
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  live.add(tracked);
  void tracked.exited.then(() => live.delete(tracked));
  return tracked;
}

/** Sends SIGKILL to every child still running (the process tree of each, leaves first). */
export async function killLeftoverProcesses(): Promise<number> {
  const left = [...live];
  for (const t of left) {
    for (const pid of [...descendantsOf(t.pid).reverse(), t.pid]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await Promise.all(left.map((t) => t.exited));
  return left.length;
}

/** A TCP port that is free on the loopback interface right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** All descendants of a process, parents before children (empty where /proc is missing). */
export function descendantsOf(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    let text = '';
    try {
      text = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8');
    } catch {
      return;
    }
    for (const c of text.split(/\s+/).filter(Boolean).map(Number)) {
      out.push(c);
      visit(c);
    }
  };
  visit(pid);
  return out;
}

/** The command line of a process, or '' when it is gone. */
export function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of a process now, in MiB (NaN when unknown). */
export function residentMb(pid: number): number {
  return statusField(pid, 'VmRSS');
}

/** The highest resident memory the process has had so far (the kernel's high-water mark), in MiB. */
export function peakResidentMb(pid: number): number {
  return statusField(pid, 'VmHWM');
}

/** Samples a process's resident memory every `ms` until stopped; returns the highest value seen. */
export function sampleResidentMemory(pid: number, ms = 100): { stop(): number } {
  let max = residentMb(pid);
  const timer = setInterval(() => {
    const now = residentMb(pid);
    if (now > max || Number.isNaN(max)) max = now;
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      const last = residentMb(pid);
      return Math.max(max, Number.isNaN(last) ? max : last);
    },
  };
}
