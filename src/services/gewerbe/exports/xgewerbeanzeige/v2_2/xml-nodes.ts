/**
 * Small typed helpers over xmlbuilder2 for XGewerbeanzeige 2.2: every element of the standard
 * lives in its namespace with the `xga` prefix, code values sit in an un-namespaced `<code>`
 * child, and text is escaped by the builder (user input is never concatenated into markup).
 * An element whose value is missing is not written at all.
 */
import type { create } from 'xmlbuilder2';
import { XGA_NAMESPACE } from './codes.js';

/** An element (or document) being built. */
export type Node = ReturnType<typeof create>;

/** A child element of the standard, optionally with attributes. */
export function child(parent: Node, name: string, attributes?: Record<string, string>): Node {
  return parent.ele(XGA_NAMESPACE, `xga:${name}`, attributes);
}

/** A text element; skipped when the value is missing or blank. */
export function text(parent: Node, name: string, value: string | number | null | undefined): void {
  if (value === undefined || value === null || String(value).trim() === '') return;
  child(parent, name).txt(String(value));
}

/** A code element (`<xga:name><code>value</code></xga:name>`); skipped when the value is missing. */
export function code(parent: Node, name: string, value: string | undefined, attributes?: Record<string, string>): void {
  if (value === undefined || value === '') return;
  child(parent, name, attributes).ele('code').txt(value);
}
