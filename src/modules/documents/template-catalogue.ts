/**
 * The document templates of the services the platform ships, by service. A service adds its
 * templates here (e.g. the Gewerbe services their Empfangsbescheinigung built with
 * `receiptTemplate`), and its workflow names them in `generateDocument` / `releaseDocument`.
 */
import { allServicePackages } from '../../service-packages.js';
import type { DocumentTemplateRegistry } from './document-template.js';

/** The registry of every shipped service's templates (each procedure's package lists its own). */
export function shippedDocumentTemplates(): DocumentTemplateRegistry {
  return allServicePackages().documentTemplates;
}
