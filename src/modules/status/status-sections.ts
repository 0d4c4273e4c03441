/**
 * What a procedure adds to the applicant's status page. The status page knows nothing about a
 * procedure's after-decision steps (a traffic order's set-up record, completion report or
 * extension); the procedure's package contributes sections through `ServicePackage.statusPage`,
 * each an Eta partial with its data, rendered in the page's order after the information requests.
 * Forms in a section post to the procedure's own routes below the same status link, so their
 * CSRF tokens (`it.page.csrfToken`, bound to the link) fit.
 */
import type { Trx } from '../../platform/db/database.js';
import type { Locale, Translate } from '../../platform/i18n/i18n.js';

/** The case behind the status link, and what a section needs to build its texts and links. */
export interface StatusPageContext {
  /** The status page's tenant transaction: read with it (on PGlite a second connection would wait). */
  trx: Trx;
  tenantId: string;
  tenantSlug: string;
  caseId: string;
  serviceVersion: number;
  state: string;
  /** `/{tenant}/status/{token}`: the base of the procedure's own pages below the link. */
  statusPath: string;
  locale: Locale;
  t: Translate;
  now: Date;
}

/** One section: an Eta partial (path below `src/`, e.g. `/services/x/views/section`) and its data; `page` is added. */
export interface StatusPageSection {
  view: string;
  data: Record<string, unknown>;
}
