/**
 * A document template: data (id, version, kind, title) and a small builder that turns a case into
 * blocks. Templates belong to services: a workflow effect `generateDocument { template: "receipt" }`
 * finds the template "receipt" of the case's service in the {@link DocumentTemplateRegistry}.
 * Raise `version` whenever the wording changes: the version is part of what a generated document
 * was built from, so a case regenerated after the change gets a new document version.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { DocumentBlock } from './blocks.js';

/** What a template may read about the case. */
export interface DocumentCase {
  id: string;
  reference: string;
  serviceId: string;
  serviceVersion: number;
  state: string;
  applicantName: string | null;
  submittedAt: Date;
  data: Readonly<Record<string, unknown>>;
}

/** The issuing municipality as templates and the letterhead print it. */
export interface DocumentTenant {
  officialName: string;
  address: { street: string; postalCode: string; town: string };
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** What else a template may use. */
export interface DocumentContext {
  /** When the document is generated; printed as its date (Europe/Berlin). */
  issuedAt: Date;
  /** The tenant's settings for the service (fees, texts), as the workflow's guards see them. */
  settings: Readonly<Record<string, unknown>>;
  /** Facts of the case its procedure adds besides the data (e.g. consulted parties' conditions); part of the input hash. */
  facts?: Readonly<Record<string, unknown>>;
}

/** What a template builds: an optional address block (e.g. the applicant) and the body. */
export interface DocumentContent {
  /** Lines of the address field on the first page, e.g. the applicant's name and address. */
  addressee?: readonly string[];
  blocks: readonly DocumentBlock[];
}

export interface DocumentTemplate {
  /** The name workflows use, e.g. `receipt` (lower case, dots and dashes). */
  id: string;
  version: number;
  /** What kind of document this is; versions are counted per case and kind (e.g. `receipt`). */
  kind: string;
  /** The document type, printed as the title and shown in lists and on the verification page. */
  title: Localized;
  /** Builds the content; pure and synchronous, so the same input gives the same document. */
  build(caseData: DocumentCase, tenant: DocumentTenant, context: DocumentContext): DocumentContent;
}

/** Finds the template a service's workflow names. */
export interface DocumentTemplateRegistry {
  find(serviceId: string, templateId: string): DocumentTemplate | undefined;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/** Builds a registry from each service's templates; a bad or duplicate id fails at start, not when a case needs it. */
export function createDocumentTemplateRegistry(entries: readonly { serviceId: string; templates: readonly DocumentTemplate[] }[]): DocumentTemplateRegistry {
  const byService = new Map<string, Map<string, DocumentTemplate>>();
  for (const { serviceId, templates } of entries) {
    const own = byService.get(serviceId) ?? new Map<string, DocumentTemplate>();
    for (const t of templates) {
      const where = `document template "${t.id}" of service "${serviceId}"`;
      if (!NAME.test(t.id) || !NAME.test(t.kind)) throw new Error(`${where}: id and kind must be lower case words joined by dots or dashes`);
      if (!Number.isInteger(t.version) || t.version < 1) throw new Error(`${where}: version must be a whole number ≥ 1`);
      if (!t.title.de.trim() || !t.title.en.trim()) throw new Error(`${where}: title needs German and English text`);
      if (own.has(t.id)) throw new Error(`${where} is registered twice`);
      own.set(t.id, t);
    }
    byService.set(serviceId, own);
  }
  return { find: (serviceId, templateId) => byService.get(serviceId)?.get(templateId) };
}
