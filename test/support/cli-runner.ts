/**
 * Runs `rathaus` commands in-process against a test context's database, collecting what they
 * print — the fast way to test a command; spawn `bin/rathaus.js` only for process behaviour.
 */
import net from 'node:net';
import type { Command, CommandContext } from '../../src/cli/command.js';
import { parseArgs } from '../../src/cli/command.js';
import type { TestContext } from './test-app.js';

export class CliRunner {
  /** Lines printed by the last run. */
  lines: string[] = [];
  readonly context: CommandContext;

  constructor(ctx: Pick<TestContext, 'settings' | 'db'>) {
    this.context = { settings: ctx.settings, db: async () => ctx.db, out: (line) => this.lines.push(line) };
  }

  /** Runs `command` with command-line words `argv`; resolves with its exit code. */
  async run(command: Command, argv: string[]): Promise<number> {
    this.lines = [];
    return command.run(parseArgs(argv), this.context);
  }
}

/** A TCP port that was free a moment ago, for a server process a test starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
