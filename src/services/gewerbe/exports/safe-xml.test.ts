/**
 * The XML guard and the XSD check: documents with a DTD are refused before any parser sees them;
 * xmllint validates against a schema file (here a small one; in operation the official
 * XGewerbeanzeige XSD folder of XGEWERBEANZEIGE_XSD_DIR).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoDtd, parseXmlSafely, UnsafeXmlError, validateWithXsd } from './safe-xml.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-xsd-'));
const xsd = path.join(dir, 'test.xsd');
fs.writeFileSync(
  xsd,
  `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" xmlns="urn:test" elementFormDefault="qualified">
  <xs:element name="meldung"><xs:complexType><xs:sequence><xs:element name="name" type="xs:string"/><xs:element name="anzahl" type="xs:nonNegativeInteger"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('safe XML', () => {
  it('validates against an XSD with xmllint and names what is wrong', async () => {
    expect(await validateWithXsd('<meldung xmlns="urn:test"><name>Müller &amp; Söhne</name><anzahl>2</anzahl></meldung>', xsd)).toEqual({ ok: true, messages: [] });
    const bad = await validateWithXsd('<meldung xmlns="urn:test"><anzahl>-1</anzahl></meldung>', xsd);
    expect(bad.ok).toBe(false);
    expect(bad.messages.join('\n')).toMatch(/anzahl|name/);
  });

  it('refuses external entities and entity expansion, in any spelling', () => {
    for (const evil of ['<!DOCTYPE a SYSTEM "http://example.org/a.dtd"><a/>', '<?xml version="1.0"?>\n<!doctype a [<!ENTITY x "y">]><a>&x;</a>', '<a><!ENTITY x "y"></a>']) {
      expect(() => assertNoDtd(evil)).toThrow(UnsafeXmlError);
      expect(() => parseXmlSafely(evil)).toThrow(UnsafeXmlError);
    }
    expect(parseXmlSafely('<a>&amp;</a>').childNodes.length).toBe(1);
  });
});
