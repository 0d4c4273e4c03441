/**
 * Passwords for the account commands: random by default (printed once by the command), or read
 * from standard input with `--password-stdin`, so a chosen password never appears in the shell
 * history or the process list.
 */
import { generatePassword, passwordMeetsPolicy } from '../platform/auth/passwords.js';
import { CliUsageError, type ParsedArgs } from './command.js';

/** All of stdin as text, without the final line break. */
export async function readSecretFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The password for an account command; `generated` says it must be shown to the operator once. */
export async function passwordFromArgs(args: ParsedArgs, readSecret: () => Promise<string>): Promise<{ password: string; generated: boolean }> {
  if (args.flags['password-stdin'] !== true) return { password: generatePassword(), generated: true };
  const password = await readSecret();
  if (!passwordMeetsPolicy(password)) throw new CliUsageError('The password from stdin must be 12 to 200 characters long');
  return { password, generated: false };
}

/** The line that shows a generated password (the only time it is ever shown). */
export function passwordLine(password: string): string {
  return `Password (shown only now, not stored in clear): ${password}`;
}
