import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/support/factories.js';
import { Browser, createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { CliUsageError, parseArgs, type Command, type CommandContext } from '../command.js';
import { makeUserCreateCommand } from './user-create.js';
import { makeUserResetPasswordCommand } from './user-reset-password.js';

describe('rathaus user create | reset-password', () => {
  let ctx: TestContext;
  let lines: string[];
  let cli: CommandContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    cli = { settings: ctx.settings, db: async () => ctx.db, out: (line) => lines.push(line) };
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function run(command: Command, argv: string[]): Promise<number> {
    lines = [];
    return command.run(parseArgs(argv), cli);
  }

  function printedPassword(): string {
    const line = lines.find((l) => l.startsWith('Password (shown only now'));
    if (!line) throw new Error(`No password printed: ${lines.join(' | ')}`);
    return line.split(': ').pop()!;
  }

  it('creates a caseworker with a random password printed once, which works at the login', async () => {
    const create = makeUserCreateCommand();
    const code = await run(create, ['--email', 'Neu.Kollegin@Wurzen.example', '--name', 'Neue Kollegin', '--tenant', 'wurzen', '--role', 'caseworker']);
    expect(code).toBe(0);
    expect(lines[0]).toBe('Created staff account neu.kollegin@wurzen.example (caseworker in wurzen).');
    const password = printedPassword();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const browser = new Browser(ctx.app);
    await loginAs(browser, 'neu.kollegin@wurzen.example', password);
    const page = await browser.get('/wurzen/staff');
    expect(page.body).toContain('Neue Kollegin');
    expect(page.body).toContain('Sachbearbeitung');
  });

  it('takes the password from stdin without printing it, and creates operators', async () => {
    const create = makeUserCreateCommand(async () => 'ein Passwort aus der Pipe');
    expect(await run(create, ['--email', 'betrieb2@rathaus.example', '--name', 'Betrieb Zwei', '--operator', '--password-stdin'])).toBe(0);
    expect(lines).toEqual(['Created staff account betrieb2@rathaus.example (operator).']);
    const browser = new Browser(ctx.app);
    await loginAs(browser, 'betrieb2@rathaus.example', 'ein Passwort aus der Pipe');
    expect((await browser.get('/staff')).body).toContain('Teilnehmende Kommunen');
  });

  it('refuses bad input with a message naming the option', async () => {
    const create = makeUserCreateCommand(async () => 'kurz');
    const cases: [string[], RegExp][] = [
      [['--name', 'X', '--tenant', 'wurzen', '--role', 'caseworker'], /--email is required/],
      [['--email', 'kein-at', '--name', 'X', '--tenant', 'wurzen', '--role', 'caseworker'], /--email "kein-at" is not an e-mail address/],
      [['--email', 'a@b.example', '--tenant', 'wurzen', '--role', 'caseworker'], /--name is required/],
      [['--email', 'a@b.example', '--name', 'X'], /--tenant is required unless/],
      [['--email', 'a@b.example', '--name', 'X', '--tenant', 'wurzen', '--role', 'chef'], /--role must be one of caseworker, tenant-admin \(got "chef"\)/],
      [['--email', 'a@b.example', '--name', 'X', '--tenant', 'leipzig', '--role', 'caseworker'], /--tenant "leipzig": no such municipality/],
      [['--email', 'a@b.example', '--name', 'X', '--operator', '--role', 'caseworker'], /--role needs --tenant/],
      [['--email', 'a@b.example', '--name', 'X', '--operator', '--password-stdin'], /must be 12 to 200 characters/],
      [['--email', 'neu.kollegin@wurzen.example', '--name', 'X', '--tenant', 'wurzen', '--role', 'caseworker'], /exists already/],
    ];
    for (const [argv, message] of cases) {
      await expect(run(create, argv), argv.join(' ')).rejects.toThrow(CliUsageError);
      await expect(run(create, argv), argv.join(' ')).rejects.toThrow(message);
    }
    const count = await ctx.db.kysely.selectFrom('staff_users').select('id').where('email', '=', 'a@b.example').execute();
    expect(count).toHaveLength(0);
  });

  it('resets a password: prints the new one, ends every session and lifts the login throttle', async () => {
    const create = makeUserCreateCommand();
    await run(create, ['--email', 'vergesslich@bennewitz.example', '--name', 'Vergesslich', '--tenant', 'bennewitz', '--role', 'tenant-admin']);
    const oldPassword = printedPassword();
    const signedIn = new Browser(ctx.app);
    await loginAs(signedIn, 'vergesslich@bennewitz.example', oldPassword);
    const locked = new Browser(ctx.app);
    for (let i = 0; i < 6; i++) {
      const token = await locked.csrfFrom('/staff/login');
      await locked.post('/staff/login', { _csrf: token, email: 'vergesslich@bennewitz.example', password: `falsch-${i}` });
    }

    const reset = makeUserResetPasswordCommand();
    expect(await run(reset, ['--email', 'Vergesslich@bennewitz.example'])).toBe(0);
    expect(lines[0]).toBe('New password set for vergesslich@bennewitz.example; all of its sessions have ended.');
    const newPassword = printedPassword();
    expect(newPassword).not.toBe(oldPassword);
    expect((await signedIn.get('/bennewitz/staff')).statusCode).toBe(303);
    await loginAs(new Browser(ctx.app), 'vergesslich@bennewitz.example', newPassword);

    expect(await run(reset, ['--email', 'niemand@bennewitz.example'])).toBe(1);
    expect(lines).toEqual(['No staff account for niemand@bennewitz.example.']);
  });
});
