/** The facts a result needs to be compared with another: commit, machine, versions. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { REPOSITORY_ROOT } from './app-process.js';
import { postgresVersion } from './postgres-admin.js';

/** `git rev-parse --short HEAD`, with "-dirty" when tracked files differ from it. */
export function gitCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPOSITORY_ROOT, encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? head : `${head}-dirty`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Cores with the CPU model, and the memory, of this machine. */
export function machine(): { cpus: string; memory: string } {
  const cpus = os.cpus();
  return {
    cpus: `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory`,
  };
}

/** The PostgreSQL server's version string, or why it could not be read. */
export async function postgresVersionOrProblem(serverUrl: string): Promise<string> {
  try {
    return await postgresVersion(serverUrl);
  } catch (e) {
    return `not reachable at ${new URL(serverUrl).host}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
