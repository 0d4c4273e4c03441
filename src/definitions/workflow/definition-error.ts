/**
 * Problems found while loading a definition (workflow, rule set), each naming the file and the
 * path inside it, e.g. `gewerbe/workflow.json: transitions[2].to: unknown state "done"`. Loading
 * collects all problems and fails once, so an author fixes a file in one round.
 */
import fs from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export interface DefinitionIssue {
  file: string;
  /** Where in the file, e.g. `transitions[2].effects[0].params.template`; empty for the whole file. */
  path: string;
  message: string;
}

/** Thrown when a definition does not load; the message lists every issue on its own line. */
export class DefinitionError extends Error {
  constructor(readonly issues: readonly DefinitionIssue[]) {
    super(`Definition invalid:\n${issues.map((i) => `  ${i.file}: ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'DefinitionError';
  }
}

/** `transitions[2].effects` from the parts `['transitions', 2, 'effects']`. */
export function formatPath(parts: readonly (string | number)[]): string {
  return parts.reduce<string>((path, part) => (typeof part === 'number' ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** Collects issues for one file; `at(path)` nests the paths of a part of the file. */
export class IssueCollector {
  readonly issues: DefinitionIssue[] = [];
  constructor(readonly file: string) {}

  /** Records one problem at a path. */
  add(path: string, message: string): void {
    this.issues.push({ file: this.file, path, message });
  }

  /** Checks a value against a TypeBox schema; returns true when it conforms. */
  check(schema: TSchema, value: unknown, basePath = ''): boolean {
    let ok = true;
    for (const error of Value.Errors(schema, value)) {
      ok = false;
      const parts = error.path
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const inner = formatPath(parts);
      this.add(inner ? (basePath ? `${basePath}${inner.startsWith('[') ? '' : '.'}${inner}` : inner) : basePath, error.message);
    }
    return ok;
  }

  /** Throws a DefinitionError when anything was recorded. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new DefinitionError(this.issues);
  }
}

/** Reads a definition file as JSON; unreadable or malformed JSON is a DefinitionError naming the file. */
export function readDefinitionFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DefinitionError([{ file, path: '', message: `cannot be read as JSON: ${(e as Error).message}` }]);
  }
}
