/**
 * An XGewerbeanzeige 2.2 message for one recipient: the message head (identification, reader =
 * the recipient, author = the municipality's trade office) and one record of the case, with only
 * the fields the recipient may receive. Pure: the exporter gathers the inputs, so the golden test
 * can feed the facts of the official example.
 */
import { create } from 'xmlbuilder2';
import type { CaseData } from '../../../../../definitions/rules/rule.js';
import type { GewerbeCodeLists } from '../../../code-lists.js';
import type { RecipientId } from '../../../recipients/recipient-catalogue.js';
import { AGS_LIST_URI, CHANNEL, LIST_VERSIONS, messageTypeOf, XGA_NAMESPACE, XGA_VERSION, yesNo } from './codes.js';
import type { FieldFilter, GewerbeForm } from './field-filters.js';
import { writeRecordBody } from './record-writer.js';
import { child, code, text, type Node } from './xml-nodes.js';

/** An authority as message heads name it (reader or author). */
export interface Authority {
  name: string;
  dvdv?: { praefix: string; praefixListVersion?: string; kennung: string; kennungListUri?: string; kennungListVersion?: string };
  email?: string;
  phone?: string;
  url?: string;
  address?: { street: string; houseNumber?: string; postalCode: string; town: string };
}

/** One record of a message: a case's notification with the filter of the message's recipient. */
export interface RecordSpec {
  form: GewerbeForm;
  /** The case's reference number, sent as gemeindeMeldungNr. */
  reference: string;
  data: CaseData;
  submittedAt: Date;
  /** The register entry's id (gewerbebetriebID). */
  businessId: string;
  recordId: string;
  filter: FieldFilter;
}

/** What a message is written from, apart from its records. */
export interface MessageHead {
  recipient: { id: RecipientId; authority: Authority };
  sender: Authority;
  /** The municipality's Gemeindeschlüssel (AGS). */
  ags: string;
  messageId: string;
  now: Date;
  codeLists: GewerbeCodeLists;
  streetKeys: ReadonlyMap<string, string>;
  /** Product data of the root element. */
  product: { name: string; vendor: string; version: string };
}

/** A message of one record (the per-case messages). */
export type MessageInput = MessageHead & RecordSpec;

const SATZ_KIND: Record<GewerbeForm, string> = { GewA1: 'anmeldung', GewA2: 'ummeldung', GewA3: 'abmeldung' };

/** A point in time with offset, as the example writes it (UTC). */
const timestamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** The calendar day in Europe/Berlin. */
const berlinDay = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(d);

function writeAuthority(parent: Node, name: string, a: Authority): void {
  const node = child(parent, name);
  if (a.dvdv) {
    const id = child(node, 'behoerdenkennung');
    code(id, 'praefix', a.dvdv.praefix, { listVersionID: a.dvdv.praefixListVersion ?? LIST_VERSIONS.dvdvPraefix });
    code(id, 'kennung', a.dvdv.kennung, {
      ...(a.dvdv.kennungListUri ? { listURI: a.dvdv.kennungListUri } : {}),
      ...(a.dvdv.kennungListVersion ? { listVersionID: a.dvdv.kennungListVersion } : {}),
    });
  }
  for (const [channel, value] of [[CHANNEL.email, a.email], [CHANNEL.phone, a.phone], [CHANNEL.web, a.url]] as const) {
    if (!value) continue;
    const r = child(node, 'erreichbarkeit');
    code(r, 'kanal', channel);
    text(r, 'kennung', value);
  }
  if (a.address) {
    const adr = child(node, 'anschrift');
    text(adr, 'strasse', a.address.street);
    text(adr, 'hausNr', a.address.houseNumber);
    text(adr, 'ort', a.address.town);
    text(adr, 'plz', a.address.postalCode);
  }
  text(node, 'behoerdenname', a.name);
}

/** The sender's DVDV address: MELDID prefix and the AGS as key (as in the example) unless configured. */
export function senderWithAgs(sender: Authority, ags: string): Authority {
  return sender.dvdv ? sender : { ...sender, dvdv: { praefix: 'MELDID', kennung: ags, kennungListUri: AGS_LIST_URI, kennungListVersion: LIST_VERSIONS.ags } };
}

/** A message of one record as UTF-8 XML text. */
export function writeGewerbeMessage(input: MessageInput): string {
  return writeGewerbeBatch(input, [input]);
}

/** A message of several records (the statistics offices' monthly batch) as UTF-8 XML text. */
export function writeGewerbeBatch(head: MessageHead, records: readonly RecordSpec[]): string {
  const type = messageTypeOf(head.recipient.id);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(XGA_NAMESPACE, `xga:${type.root}`, {
    produkt: head.product.name,
    produkthersteller: head.product.vendor,
    produktversion: head.product.version,
    standard: 'XGewerbeanzeige',
    version: XGA_VERSION,
  });
  const kopf = child(root, 'nachrichtenkopf');
  const id = child(kopf, 'identifikation.nachricht');
  text(id, 'nachrichtenUUID', head.messageId);
  code(id, 'nachrichtentyp', type.code);
  text(id, 'erstellungszeitpunkt', timestamp(head.now));
  writeAuthority(kopf, 'leser', head.recipient.authority);
  const sender = senderWithAgs(head.sender, head.ags);
  writeAuthority(kopf, 'autor', sender);

  for (const record of records) {
    const satz = child(child(root, 'satz'), SATZ_KIND[record.form]);
    text(satz, 'satzErstellung', timestamp(head.now));
    text(satz, 'ereigniszeitpunkt', timestamp(record.submittedAt));
    writeAuthority(satz, 'autor', sender);
    code(satz, 'istKorrektur', yesNo(false));
    code(satz, 'gemeindeSchluessel', head.ags, { listVersionID: LIST_VERSIONS.gemeindeSchluessel });
    text(satz, 'gemeindeMeldungNr', record.reference);
    text(satz, 'gewerbebetriebID', record.businessId);
    text(satz, 'uuid', record.recordId);
    writeRecordBody(satz, { form: record.form, data: record.data, codeLists: head.codeLists, streetKeys: head.streetKeys, filter: record.filter }, berlinDay(record.submittedAt));
  }
  return doc.end({ prettyPrint: true });
}
