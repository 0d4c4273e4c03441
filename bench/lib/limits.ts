/**
 * What limits the missed targets, for bench/results.md: the section "What limits the figures" of
 * docs/performance.md, written by hand after profiling. It is taken from there, so the results
 * and the documentation say the same, and the results carry it as it stood when they were written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from './app-process.js';

export const PERFORMANCE_DOC = path.join(REPOSITORY_ROOT, 'docs/performance.md');
const HEADING = '## What limits the figures';

/** The section's text without its heading, or undefined when the document has no such section. */
export function limitsText(doc: string = fs.readFileSync(PERFORMANCE_DOC, 'utf8')): string | undefined {
  const start = doc.indexOf(`\n${HEADING}\n`);
  if (start < 0) return undefined;
  const body = doc.slice(start + HEADING.length + 2);
  const next = body.search(/^## /m);
  return (next < 0 ? body : body.slice(0, next)).trim() || undefined;
}
