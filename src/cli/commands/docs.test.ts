import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings, renderSettingsDoc } from '../../config/settings.js';
import { renderErrorsDoc } from '../../platform/errors/app-error.js';
import { parseArgs, type CommandContext } from '../command.js';
import { makeConfigDocsCommand, makeDocsCommand } from './docs.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-docs-'));
let lines: string[] = [];
const cli: CommandContext = {
  settings: loadSettings({ NODE_ENV: 'test' }),
  db: () => Promise.reject(new Error('the docs commands need no database')),
  out: (line) => lines.push(line),
};
const run = (argv: string[], command = makeDocsCommand(dir)) => {
  lines = [];
  return command.run(parseArgs(argv), cli);
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rathaus docs | config docs', () => {
  it('config docs writes only the configuration reference', async () => {
    expect(await run([], makeConfigDocsCommand(dir))).toBe(0);
    expect(lines).toEqual(['Wrote docs/configuration.md.']);
    expect(fs.readFileSync(path.join(dir, 'configuration.md'), 'utf8')).toBe(renderSettingsDoc());
    expect(fs.existsSync(path.join(dir, 'errors.md'))).toBe(false);
  });

  it('docs writes both generated pages, and leaves current ones alone', async () => {
    expect(await run([])).toBe(0);
    expect(lines).toEqual(['docs/configuration.md is up to date.', 'Wrote docs/errors.md.']);
    expect(fs.readFileSync(path.join(dir, 'errors.md'), 'utf8')).toBe(renderErrorsDoc());
    expect(fs.readFileSync(path.join(dir, 'configuration.md'), 'utf8')).toContain('| `METRICS_TOKEN` |');
  });

  it('--check fails on a stale page without writing it', async () => {
    expect(await run(['--check'])).toBe(0);
    fs.writeFileSync(path.join(dir, 'errors.md'), 'edited by hand\n');
    expect(await run(['--check'])).toBe(1);
    expect(lines).toContain('docs/errors.md is out of date; run "npx rathaus docs".');
    expect(fs.readFileSync(path.join(dir, 'errors.md'), 'utf8')).toBe('edited by hand\n');
  });
});
