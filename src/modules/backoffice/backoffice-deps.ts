/**
 * What the back office is built from: the platform services, the case engine, and the
 * extension points other modules fill (the submitted-data renderer and the case page's panels).
 */
import type { Clock } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { CaseEngineDeps } from '../cases/case-engine.js';
import type { DescribeCaseData } from './case-data-view.js';
import type { CasePanelProvider } from './case-panels.js';

/** The back office's extension points and tuning, passed to `createApp` as `backOffice`. */
export interface BackOfficeOptions {
  /** Renders the submitted data from the service definition (the form runner supplies it); default: generic key/value list. */
  describeCaseData?: DescribeCaseData;
  /** Panels of the case page (documents, messages, deliveries, …). */
  panels?: readonly CasePanelProvider[];
  /** A staff member's reads of one case are recorded at most once per this many minutes (default 15). */
  viewAuditMinutes?: number;
  /** Rows per inbox page (default 50). */
  pageSize?: number;
}

export interface BackOfficeDeps {
  db: Database;
  clock: Clock;
  storage: FileStorage;
  engine: CaseEngineDeps;
  describeCaseData?: DescribeCaseData;
  panels: readonly CasePanelProvider[];
  viewAuditMinutes: number;
  pageSize: number;
}

/** Fills in the defaults. */
export function backOfficeDeps(base: Pick<BackOfficeDeps, 'db' | 'clock' | 'storage' | 'engine'>, options: BackOfficeOptions = {}): BackOfficeDeps {
  return {
    ...base,
    ...(options.describeCaseData ? { describeCaseData: options.describeCaseData } : {}),
    panels: options.panels ?? [],
    viewAuditMinutes: options.viewAuditMinutes ?? 15,
    pageSize: options.pageSize ?? 50,
  };
}
