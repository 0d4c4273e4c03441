/**
 * Test helper: a parsed XGewerbeanzeige message as one line per element in document order —
 * `path [attributes] = text` — so two messages can be compared element for element, with the
 * parts that legitimately differ (ids, timestamps, the sending authority) left out.
 */
import { parseXmlSafely, type XmlNode } from '../../../safe-xml.js';

const ELEMENT = 1;
const TEXT = 3;

/** The lines of a message; `skip` names elements (by local name) left out with their content, `dropAttributes` attributes left out. */
export function xmlLines(xml: string, skip: ReadonlySet<string> = new Set(), dropAttributes: ReadonlySet<string> = new Set()): string[] {
  const lines: string[] = [];
  const walk = (node: XmlNode, path: string) => {
    for (const n of Array.from(node.childNodes)) {
      if (n.nodeType !== ELEMENT) continue;
      const name = n.localName ?? n.nodeName;
      if (skip.has(name)) continue;
      const here = `${path}/${n.namespaceURI ? `{${n.namespaceURI}}` : ''}${name}`;
      const attributes = Array.from(n.attributes ?? [])
        .filter((a) => !a.name.startsWith('xmlns') && !dropAttributes.has(a.name))
        .map((a) => `${a.name}=${a.value}`)
        .sort();
      const text = Array.from(n.childNodes)
        .filter((c) => c.nodeType === TEXT)
        .map((c) => c.nodeValue ?? '')
        .join('')
        .trim();
      lines.push(`${here}${attributes.length ? ` [${attributes.join(' ')}]` : ''}${text ? ` = ${text}` : ''}`);
      walk(n, here);
    }
  };
  walk(parseXmlSafely(xml), '');
  return lines;
}

/** The local names of all elements of a message (for presence checks). */
export function elementPaths(xml: string): string[] {
  return xmlLines(xml).map((l) => l.split(' ')[0]!.replace(/\{[^}]*\}/g, ''));
}
