import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRunner } from '../../../test/support/cli-runner.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { CliUsageError, type Command } from '../command.js';
import { seedCommand } from './seed.js';
import { tenantCreateCommand, tenantListCommand } from './tenant.js';

const BAD_LAUSICK = [
  '--slug', 'bad-lausick',
  '--name', 'Stadt Bad Lausick',
  '--short-name', 'Bad Lausick',
  '--ags', '14729020',
  '--ars', '147290020020',
  '--district', 'Leipzig',
  '--street', 'Straße der Einheit 17',
  '--postal-code', '04651',
  '--town', 'Bad Lausick',
  '--website', 'https://www.bad-lausick.de/',
]; // prettier-ignore

describe('rathaus tenant list | create, rathaus seed', () => {
  let ctx: TestContext;
  let cli: CliRunner;
  beforeAll(async () => {
    ctx = await createTestContext();
    cli = new CliRunner(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const run = (command: Command, argv: string[]) => cli.run(command, argv);

  async function refusal(argv: string[]): Promise<string> {
    const error = await run(tenantCreateCommand, argv).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }

  const without = (option: string) => {
    const i = BAD_LAUSICK.indexOf(option);
    return [...BAD_LAUSICK.slice(0, i), ...BAD_LAUSICK.slice(i + 2)];
  };
  const replaced = (option: string, value: string) => BAD_LAUSICK.map((v, i) => (BAD_LAUSICK[i - 1] === option ? value : v));

  it('lists the founding municipalities', async () => {
    expect(await run(tenantListCommand, [])).toBe(0);
    expect(cli.lines[0]).toMatch(/^slug\s+AGS\s+prefix/);
    expect(cli.lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['augustusburg', 'bennewitz', 'lossatal', 'thallwitz', 'wurzen']);
    expect(cli.lines.find((l) => l.startsWith('wurzen'))).toContain('14729410');
  });

  it('creates a municipality with its pages, and lists it', async () => {
    expect(await run(tenantCreateCommand, BAD_LAUSICK)).toBe(0);
    expect(cli.lines[0]).toBe('Created municipality bad-lausick: Stadt Bad Lausick (AGS 14729020, reference prefix BAD, Stadt).');
    const row = await ctx.db.kysely.selectFrom('tenants').selectAll().where('slug', '=', 'bad-lausick').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ website: 'www.bad-lausick.de', ars: '147290020020', phone: null, status_kind: 'Stadt', register_name: 'Bad Lausick' });
    const home = await ctx.app.inject('/bad-lausick');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Stadt Bad Lausick');
    const imprint = await ctx.app.inject('/bad-lausick/impressum');
    expect(imprint.statusCode).toBe(200);
    expect(imprint.body).toContain('Straße der Einheit 17');
    await run(tenantListCommand, []);
    expect(cli.lines.some((l) => l.startsWith('bad-lausick') && l.includes('14729020'))).toBe(true);
  });

  it('refuses duplicates of slug, AGS and reference prefix, naming each option', async () => {
    const message = await refusal(BAD_LAUSICK);
    expect(message).toContain('--slug: Die Kurzadresse „bad-lausick“ hat schon Stadt Bad Lausick.');
    expect(message).toContain('--ags: Den Gemeindeschlüssel 14729020 hat schon Stadt Bad Lausick.');
    expect(message).toContain('--reference-code: Das Kürzel BAD verwendet schon Stadt Bad Lausick');
    expect(message).toContain('The municipality key 14729020 already belongs to Stadt Bad Lausick.');
  });

  it('refuses reserved slugs and malformed values with German and English messages', async () => {
    expect(await refusal(replaced('--slug', 'metrics'))).toContain('--slug: Die Kurzadresse „metrics“ ist für Seiten der Plattform reserviert.');
    expect(await refusal(replaced('--slug', 'Bad Lausick'))).toMatch(/--slug: Die Kurzadresse \(slug\) darf nur Kleinbuchstaben/);
    expect(await refusal(replaced('--ags', '1472902'))).toContain('--ags: Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern');
    expect(await refusal(replaced('--ags', '99729020'))).toContain('--ags: Die ersten beiden Ziffern des AGS bezeichnen das Land');
    expect(await refusal(replaced('--ars', '147290020021'))).toContain('--ars: Der Regionalschlüssel passt nicht zum Gemeindeschlüssel');
    expect(await refusal(replaced('--postal-code', '4651'))).toContain('--postal-code: Die Postleitzahl besteht aus genau 5 Ziffern');
    expect(await refusal(replaced('--website', 'bad lausick'))).toContain('--website: Die Website muss eine Adresse wie wurzen.de');
    expect(await refusal([...replaced('--slug', 'lausick-2'), '--phone', 'call me'])).toContain('--phone: Die Telefonnummer darf nur Ziffern');
    expect(await refusal([...replaced('--slug', 'lausick-3'), '--reference-code', 'bl'])).toContain('--reference-code: Das Kürzel für Aktenzeichen besteht aus 2 bis 8 Großbuchstaben');
  });

  it('names every missing required option at once, and refuses unknown options', async () => {
    const message = await refusal(without('--town').filter((_, i, a) => a[i] !== '--district' && a[i - 1] !== '--district'));
    expect(message).toContain('--district: Bitte geben Sie den Landkreis an.\n    Please enter the district (Landkreis).');
    expect(message).toContain('--town: Bitte geben Sie den Ort an.');
    expect(await refusal([...BAD_LAUSICK, '--postcode', '04651'])).toBe('Unknown option: --postcode');
    expect(await refusal([...without('--phone'), '--phone'])).toBe('--phone needs a value');
    const count = await ctx.db.kysely.selectFrom('tenants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);
  });

  it('seed adds the missing demo operator once and prints its password only then', async () => {
    expect(await run(seedCommand, [])).toBe(0);
    expect(cli.lines[0]).toBe('All founding municipalities exist already; nothing new to create.');
    const account = cli.lines.join('\n');
    expect(account).toMatch(/betrieb@rathaus\.example\s+[A-Za-z0-9]{12,}\s+\(operator\)/);
    expect(await run(seedCommand, [])).toBe(0);
    expect(cli.lines).toEqual(['All founding municipalities exist already; nothing new to create.']);
  });
});
