/**
 * XML input the platform reads is refused outright when it carries a document type declaration:
 * no DTD means no external entity (XXE) and no entity expansion ("billion laughs"), whatever the
 * parser would do with them. XGewerbeanzeige messages never need a DTD. Schema validation runs
 * xmllint with `--nonet` on a document that passed the same check.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { create } from 'xmlbuilder2';

/** Thrown for XML the platform refuses to read. */
export class UnsafeXmlError extends Error {}

/** Refuses a document with a DOCTYPE or ENTITY declaration. */
export function assertNoDtd(xml: string): void {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) throw new UnsafeXmlError('XML with a document type or entity declaration is refused (XXE and entity expansion protection)');
}

/** The parts of a parsed DOM node the platform reads (element 1, text 3, CDATA 4, document 9). */
export interface XmlNode {
  nodeType: number;
  nodeName: string;
  localName?: string | null;
  namespaceURI?: string | null;
  nodeValue: string | null;
  childNodes: ArrayLike<XmlNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

/** Parses XML into its document node after {@link assertNoDtd}. */
export function parseXmlSafely(xml: string): XmlNode {
  assertNoDtd(xml);
  return create(xml).node as unknown as XmlNode;
}

/** What an XSD validation found: ok, or the validator's messages. */
export interface XsdResult {
  ok: boolean;
  messages: string[];
}

/** Validates XML against an XSD file with xmllint (no network access, no entity substitution). */
export async function validateWithXsd(xml: string, xsdFile: string): Promise<XsdResult> {
  assertNoDtd(xml);
  return new Promise((resolve, reject) => {
    const child = execFile('xmllint', ['--noout', '--nonet', '--schema', path.resolve(xsdFile), '-'], { timeout: 20_000, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const messages = stderr.split('\n').filter((l) => l.trim() !== '' && !/ validates$/.test(l));
      if (error && typeof (error as { code?: unknown }).code !== 'number') return reject(error);
      resolve({ ok: !error, messages });
    });
    child.stdin?.end(xml);
  });
}
