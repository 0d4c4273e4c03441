import type { Command } from '../command.js';
import { runUntilSignalled } from '../../run-process.js';

/** `rathaus web`: only the web process (run `rathaus worker` separately for the jobs). */
export const webCommand: Command = {
  path: ['web'],
  summary: 'Run the web process only, without the job worker (stops on SIGTERM)',
  usage: 'rathaus web',
  run: (_args, ctx) => runUntilSignalled(ctx.settings, { web: true, worker: false }),
};

/** `rathaus worker`: only the job worker; any number of copies may run against one database. */
export const workerCommand: Command = {
  path: ['worker'],
  summary: 'Run the job worker only (stops on SIGTERM after running jobs finish)',
  usage: 'rathaus worker',
  run: (_args, ctx) => runUntilSignalled(ctx.settings, { web: false, worker: true }),
};
