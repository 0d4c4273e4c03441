import { createStaffUser, isPlausibleEmail, normaliseEmail } from '../../platform/auth/staff-users.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { CliUsageError, requireFlag, type Command } from '../command.js';
import { passwordFromArgs, passwordLine, readSecretFromStdin } from '../read-secret.js';

const ROLES: readonly StaffRole[] = ['caseworker', 'tenant-admin'];

/**
 * `rathaus user create`: a staff account with a role in one municipality, and/or the platform
 * operator. The password is random and printed once, unless it is piped in with --password-stdin.
 */
export function makeUserCreateCommand(readSecret: () => Promise<string> = readSecretFromStdin): Command {
  return {
    path: ['user', 'create'],
    summary: 'Create a staff account (prints a random password once)',
    usage: 'rathaus user create --email <address> --name <display name> (--tenant <slug> --role caseworker|tenant-admin | --operator) [--password-stdin]',
    async run(args, ctx) {
      const email = normaliseEmail(requireFlag(args, 'email'));
      if (!isPlausibleEmail(email)) throw new CliUsageError(`--email "${email}" is not an e-mail address`);
      const displayName = requireFlag(args, 'name').trim();
      const operator = args.flags.operator === true;
      const tenantSlug = args.flags.tenant;
      if (tenantSlug === undefined && !operator) throw new CliUsageError('--tenant is required unless the account is for the platform --operator');
      if (tenantSlug === true) throw new CliUsageError('--tenant needs a municipality slug, e.g. --tenant wurzen');
      const role = args.flags.role;
      if (tenantSlug !== undefined && !ROLES.includes(role as StaffRole)) {
        throw new CliUsageError(`--role must be one of ${ROLES.join(', ')} (got ${role === undefined ? 'nothing' : `"${String(role)}"`})`);
      }
      if (tenantSlug === undefined && role !== undefined) throw new CliUsageError('--role needs --tenant: a role is always held in one municipality');

      const db = await ctx.db();
      let memberships: { tenantId: string; role: StaffRole }[] = [];
      if (tenantSlug !== undefined) {
        const tenant = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', tenantSlug).executeTakeFirst();
        if (!tenant) throw new CliUsageError(`--tenant "${tenantSlug}": no such municipality (see "rathaus tenant list")`);
        memberships = [{ tenantId: tenant.id, role: role as StaffRole }];
      }
      const existing = await db.kysely.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirst();
      if (existing) throw new CliUsageError(`An account for ${email} exists already; use "rathaus user reset-password --email ${email}" for a new password`);

      const { password, generated } = await passwordFromArgs(args, readSecret);
      await createStaffUser(db, { email, displayName, password, isOperator: operator, memberships });
      const what = [operator ? 'operator' : '', tenantSlug !== undefined ? `${String(role)} in ${tenantSlug}` : ''].filter(Boolean).join(', ');
      ctx.out(`Created staff account ${email} (${what}).`);
      if (generated) ctx.out(passwordLine(password));
      return 0;
    },
  };
}

/** The command as registered in the CLI, reading a piped password from stdin. */
export const userCreateCommand = makeUserCreateCommand();
