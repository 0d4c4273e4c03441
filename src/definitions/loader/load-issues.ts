/**
 * Problems found while loading a definition, and the error that carries them. Every problem
 * names the source file and the JSON path, e.g.
 * `test/fixtures/services/umzug.json: pages[2].fields[0].type: unknown field type "adress"`.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { childPath, fromJsonPointer } from '../core/paths.js';

/** One problem in a definition. */
export interface LoadIssue {
  readonly path: string;
  readonly message: string;
}

/** Thrown when a definition cannot be loaded; `message` lists every problem, one per line. */
export class DefinitionLoadError extends Error {
  readonly source: string;
  readonly issues: readonly LoadIssue[];

  constructor(source: string, issues: readonly LoadIssue[]) {
    super(issues.map((i) => `${source}: ${i.path || '(top level)'}: ${i.message}`).join('\n'));
    this.name = 'DefinitionLoadError';
    this.source = source;
    this.issues = issues;
  }
}

/** Collects problems while loading. */
export class IssueCollector {
  readonly issues: LoadIssue[] = [];

  /** Records a problem at `path`. */
  report(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** Checks `value` against a TypeBox schema; reports readable problems under `base`; true when fine. */
  checkShape(schema: TSchema, value: unknown, base: string, allowedHint?: string): boolean {
    const seen = new Set<string>();
    for (const error of Value.Errors(schema, value)) {
      const path = joinBase(base, fromJsonPointer(error.path));
      if (seen.has(path)) continue;
      seen.add(path);
      const message = describe(error.type, error.message, error.schema);
      this.report(path, error.type === ValueErrorType.ObjectAdditionalProperties && allowedHint ? `${message}; ${allowedHint}` : message);
    }
    return seen.size === 0;
  }
}

/** Joins a base path and a relative one (`pages[0]` + `fields[1].type`). */
export function joinBase(base: string, path: string): string {
  if (path === '') return base;
  if (base === '') return path;
  return path.startsWith('[') ? `${base}${path}` : childPath(base, path);
}

function describe(type: ValueErrorType, message: string, schema: TSchema): string {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknown property';
    case ValueErrorType.StringPattern:
      return `must match ${String(schema.pattern)}`;
    case ValueErrorType.Union:
      return `must be one of ${((schema.anyOf as TSchema[] | undefined) ?? []).map((s) => JSON.stringify(s.const)).join(', ')}`;
    default:
      return message.charAt(0).toLowerCase() + message.slice(1);
  }
}
