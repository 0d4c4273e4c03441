/**
 * bin/compiled.js, which `npm start` and `rathaus` run through: a source tree is transpiled once
 * into .build/<key>/ with its data files and the linked top-level folders, an edit leads to a new
 * build, builds started at the same moment end in one usable build, and old builds are pruned.
 * Worked on a small tree of the repository's shape in a temporary folder, never on src/ itself.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledUrl } from '../../bin/compiled.js';

let root: string;

function write(relative: string, text: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const builds = () => fs.readdirSync(path.join(root, '.build')).filter((n) => /^[0-9a-f]{16}$/.test(n));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-compiled-'));
  write('src/main.ts', "import { greeting } from './lib/greeting.js';\nconst n: number = 2;\nexport const answer = `${greeting()} ${n}`;\n");
  write('src/lib/greeting.ts', "import fs from 'node:fs';\nimport path from 'node:path';\nexport function greeting(): string {\n  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'words.json'), 'utf8')).hello as string;\n}\n");
  write('src/lib/words.json', '{ "hello": "Guten Tag" }');
  write('src/lib/greeting.test.ts', 'this is not even TypeScript');
  write('assets/logo.txt', 'logo');
  fs.mkdirSync(path.join(root, 'migrations'));
  fs.mkdirSync(path.join(root, 'docs'));
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the compiled start', () => {
  it('runs the transpiled code with its data files, the linked folders and without the tests', async () => {
    const url = await compiledUrl('src/main.ts', root);
    const mod = (await import(url)) as { answer: string };
    expect(mod.answer).toBe('Guten Tag 2');
    const build = path.resolve(path.dirname(fileURLToPath(url)), '..');
    expect(fs.readFileSync(path.join(build, 'assets', 'logo.txt'), 'utf8')).toBe('logo');
    expect(fs.existsSync(path.join(build, 'src', 'lib', 'greeting.test.js'))).toBe(false);
    expect(fs.readFileSync(path.join(build, 'src', 'main.js'), 'utf8')).not.toContain(': number');
  });

  it('builds an unchanged tree once and a changed one again', async () => {
    const first = await compiledUrl('src/main.ts', root);
    expect(await compiledUrl('src/main.ts', root)).toBe(first);
    expect(builds()).toHaveLength(1);

    write('src/lib/words.json', '{ "hello": "Moin" }');
    const second = await compiledUrl('src/main.ts', root);
    expect(second).not.toBe(first);
    expect(((await import(second)) as { answer: string }).answer).toBe('Moin 2');
  });

  it('ends builds started at the same moment in one build that every starter can use', async () => {
    const urls = await Promise.all([1, 2, 3].map(() => compiledUrl('src/main.ts', root)));
    expect(new Set(urls).size).toBe(1);
    expect(builds()).toHaveLength(1);
    expect(fs.readdirSync(path.join(root, '.build')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('keeps the newest four builds', async () => {
    for (let i = 0; i < 6; i++) {
      write('src/lib/words.json', `{ "hello": "Version ${i}" }`);
      await compiledUrl('src/main.ts', root);
    }
    expect(builds()).toHaveLength(4);
  });
});

describe('npm start', () => {
  it('starts the platform through the compiled entry', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node bin/start.js');
    // The CLI goes the same way; its help needs no database.
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/rathaus.js', '--help'], { cwd: path.resolve(import.meta.dirname, '../..') });
    expect(stdout).toContain('Usage: rathaus');
  });
});
