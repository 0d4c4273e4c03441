import { accountThrottleKey, resetAttempts } from '../../platform/auth/login-throttle.js';
import { normaliseEmail, resetStaffPassword } from '../../platform/auth/staff-users.js';
import { requireFlag, type Command } from '../command.js';
import { passwordFromArgs, passwordLine, readSecretFromStdin } from '../read-secret.js';

/**
 * `rathaus user reset-password`: a new password for a staff account, printed once (or piped in
 * with --password-stdin). Ends all sessions of the account and lifts its login throttle.
 */
export function makeUserResetPasswordCommand(readSecret: () => Promise<string> = readSecretFromStdin): Command {
  return {
    path: ['user', 'reset-password'],
    summary: 'Give a staff account a new random password and end its sessions',
    usage: 'rathaus user reset-password --email <address> [--password-stdin]',
    async run(args, ctx) {
      const email = normaliseEmail(requireFlag(args, 'email'));
      const { password, generated } = await passwordFromArgs(args, readSecret);
      const db = await ctx.db();
      if (!(await resetStaffPassword(db, email, password))) {
        ctx.out(`No staff account for ${email}.`);
        return 1;
      }
      await resetAttempts(db.kysely, accountThrottleKey(email));
      ctx.out(`New password set for ${email}; all of its sessions have ended.`);
      if (generated) ctx.out(passwordLine(password));
      return 0;
    },
  };
}

/** The command as registered in the CLI, reading a piped password from stdin. */
export const userResetPasswordCommand = makeUserResetPasswordCommand();
