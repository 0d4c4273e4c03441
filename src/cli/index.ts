/**
 * `rathaus` command-line entry. Each command lives in `commands/` and is listed here once.
 */
import { loadSettings } from '../config/settings.js';
import { databaseTargetFromSettings, openDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { CliUsageError, parseArgs, type Command } from './command.js';
import { auditVerifyCommand } from './commands/audit-verify.js';
import { channelCheckCommand, channelListCommand, channelSetCommand } from './commands/delivery-channel.js';
import { makeConfigDocsCommand, makeDocsCommand } from './commands/docs.js';
import { migrateCommand } from './commands/migrate.js';
import { webCommand, workerCommand } from './commands/processes.js';
import { schemaDumpCommand } from './commands/schema-dump.js';
import { seedCommand } from './commands/seed.js';
import { tenantCreateCommand, tenantListCommand } from './commands/tenant.js';
import { userCreateCommand } from './commands/user-create.js';
import { userResetPasswordCommand } from './commands/user-reset-password.js';
import { gewerbeSettingsSetCommand, gewerbeSettingsShowCommand } from '../services/gewerbe/cli/gewerbe-settings-command.js';
import { trafficCommands } from '../services/verkehr/cli/traffic-commands.js';

const commands: Command[] = [
  migrateCommand,
  schemaDumpCommand,
  seedCommand,
  tenantListCommand,
  tenantCreateCommand,
  userCreateCommand,
  userResetPasswordCommand,
  auditVerifyCommand,
  channelSetCommand,
  channelListCommand,
  channelCheckCommand,
  gewerbeSettingsShowCommand,
  gewerbeSettingsSetCommand,
  ...trafficCommands,
  webCommand,
  workerCommand,
  makeConfigDocsCommand(),
  makeDocsCommand(),
];

function help(): string {
  return ['Usage: rathaus <command> [options]', '', ...commands.map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`)].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const command = commands
    .filter((c) => c.path.every((w, i) => argv[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!command || argv.includes('--help')) {
    process.stdout.write(`${help()}\n`);
    return command || argv.length === 0 || argv.includes('--help') ? 0 : 2;
  }
  const settings = loadSettings();
  let db: Database | undefined;
  let migrated = false;
  const ctx = {
    settings,
    async db(options: { migrate?: boolean } = {}) {
      db ??= await openDatabase(databaseTargetFromSettings(settings));
      if (options.migrate !== false && !migrated) {
        await migrate(db);
        migrated = true;
      }
      return db;
    },
    out: (line: string) => process.stdout.write(`${line}\n`),
  };
  try {
    return await command.run(parseArgs(argv.slice(command.path.length)), ctx);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw e;
  } finally {
    await db?.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
