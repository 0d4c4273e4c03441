import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.js';
import { renderSettingsDoc } from '../../config/settings.js';
import { renderErrorsDoc } from '../../platform/errors/app-error.js';

const DOCS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs');

/** The reference pages generated from code, by file name. */
const GENERATED: Record<string, () => string> = {
  'configuration.md': renderSettingsDoc,
  'errors.md': renderErrorsDoc,
};

/**
 * Writes generated reference pages into `docsDir`, or with `--check` only reports the stale ones
 * (exit code 1), so CI can insist that the docs match the code.
 */
function writeDocs(files: string[], docsDir: string, check: boolean, out: (line: string) => void): number {
  const stale: string[] = [];
  for (const name of files) {
    const file = path.join(docsDir, name);
    const text = GENERATED[name]!();
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === text) {
      out(`docs/${name} is up to date.`);
      continue;
    }
    stale.push(name);
    if (check) {
      out(`docs/${name} is out of date; run "npx rathaus docs".`);
    } else {
      fs.mkdirSync(docsDir, { recursive: true });
      fs.writeFileSync(file, text);
      out(`Wrote docs/${name}.`);
    }
  }
  return check && stale.length > 0 ? 1 : 0;
}

/** `rathaus docs [--check]`: docs/configuration.md and docs/errors.md from the code. */
export function makeDocsCommand(docsDir = DOCS_DIR): Command {
  return {
    path: ['docs'],
    summary: 'Write the generated reference pages (configuration, errors) into docs/',
    usage: 'rathaus docs [--check]',
    async run(args, ctx) {
      return writeDocs(Object.keys(GENERATED), docsDir, args.flags.check === true, ctx.out);
    },
  };
}

/** `rathaus config docs [--check]`: docs/configuration.md from src/config/settings.ts. */
export function makeConfigDocsCommand(docsDir = DOCS_DIR): Command {
  return {
    path: ['config', 'docs'],
    summary: 'Write docs/configuration.md from the settings table',
    usage: 'rathaus config docs [--check]',
    async run(args, ctx) {
      return writeDocs(['configuration.md'], docsDir, args.flags.check === true, ctx.out);
    },
  };
}
