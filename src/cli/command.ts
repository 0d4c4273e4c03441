/**
 * The shape of a `rathaus` command. Commands get parsed arguments and a lazily opened database;
 * they print for humans on stdout and return an exit code.
 */
import type { Settings } from '../config/settings.js';
import type { Database } from '../platform/db/database.js';

export interface CommandContext {
  settings: Settings;
  /**
   * Opens the configured database on first use and migrates it (unless `migrate: false`, for the
   * migrate command itself, which reports what it applied); closed by the runner.
   */
  db(options?: { migrate?: boolean }): Promise<Database>;
  out(line: string): void;
}

export interface Command {
  /** Words that select the command, e.g. ['user', 'create']. */
  path: string[];
  summary: string;
  usage: string;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/** Splits `--name value`, `--name=value` and `--flag` from positional words. */
export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags[a.slice(2)] = argv[++i]!;
      else flags[a.slice(2)] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

/** A required string flag, or an error naming it. */
export function requireFlag(args: ParsedArgs, name: string): string {
  const v = args.flags[name];
  if (typeof v !== 'string' || v.trim() === '') throw new CliUsageError(`--${name} is required`);
  return v;
}

export class CliUsageError extends Error {}

/** The id of the municipality a command names by its slug, or a usage error saying what is wrong. */
export async function tenantIdFromSlug(db: Database, slug: string | undefined): Promise<string> {
  if (!slug) throw new CliUsageError('Name the municipality by its slug, e.g. "wurzen"');
  const row = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new CliUsageError(`No municipality with slug "${slug}"; see "rathaus tenant list"`);
  return row.id;
}
