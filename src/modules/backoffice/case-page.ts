/**
 * Everything the case page shows, read in one tenant transaction (so the summary, findings,
 * history and buttons agree with each other), and the staff member's read recorded in the same
 * transaction. Another tenant's case id is simply not found (404).
 */
import { pick, formatDate, formatDateTime, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import { availableTransitions, type AvailableTransition } from '../cases/available-transitions.js';
import { loadCase, type CaseRow } from '../cases/case-engine.js';
import { findLatestEvaluation, loadGuardFacts } from '../cases/case-facts.js';
import type { BackOfficeDeps } from './backoffice-deps.js';
import { caseUrl } from './backoffice-paths.js';
import { recordCaseView } from './case-commands.js';
import { describeCaseDataOrFallback, type CaseDataSection } from './case-data-view.js';
import { buildHistory, buildNotes, staffIdsIn, type HistoryEntry, type NoteEntry } from './case-history.js';
import { findStaffNames, loadCaseLabels } from './case-labels.js';
import { loadCasePanels, type CasePanel } from './case-panels.js';
import { formatBytes, severityView, type SeverityView } from './presentation.js';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export interface CasePageViewer {
  tenantId: string;
  tenantSlug: string;
  staffId: string;
  locale: Locale;
  t: Translate;
}

export interface CaseFileView {
  name: string;
  mediaType: string;
  sizeText: string;
  downloadUrl: string;
  /** Inline view (PDF and images). */
  viewUrl?: string;
  isImage: boolean;
}

export interface FindingView extends SeverityView {
  message: string;
  legalSource?: string;
  fieldPath?: string;
}

export interface TransitionButton extends Pick<AvailableTransition, 'id' | 'allowed'> {
  name: string;
  reasons: string[];
  /** A step that needs its own form (asking the applicant for information) links there instead. */
  href?: string;
}

/** The state an information request puts a case in; its step is taken by the request form (src/modules/requests). */
const INFORMATION_REQUESTED = 'information-requested';

export interface CasePageModel {
  caseId: string;
  url: string;
  version: number;
  summary: {
    reference: string;
    service: string;
    serviceVersion: number;
    state: string;
    closed: boolean;
    submitted: string;
    due?: string;
    overdue: boolean;
    closedAt?: string;
    assignee?: string;
    assignedToMe: boolean;
    applicantName?: string;
    companyName?: string;
  };
  data: { sections: CaseDataSection[]; generic: boolean };
  files: CaseFileView[];
  findings?: { evaluatedAt: string; stale: boolean; items: FindingView[] };
  panels: CasePanel[];
  notes: NoteEntry[];
  history: HistoryEntry[];
  transitions: TransitionButton[];
  /** No workflow is loaded for the case's service version: no steps can be offered. */
  workflowMissing: boolean;
}

function transitionButtons(deps: BackOfficeDeps, row: CaseRow, facts: Parameters<typeof availableTransitions>[3] | undefined, locale: Locale, url: string): TransitionButton[] {
  const runtime = deps.engine.services.get(row.service_id, row.service_version);
  if (!runtime || !facts || row.closed_at) return [];
  const target = new Map(runtime.workflow.transitions.map((t) => [t.id, t.to]));
  return availableTransitions(runtime.workflow, row, 'caseworker', facts).map((t) => ({
    id: t.id,
    name: pick(t.name, locale),
    allowed: t.allowed,
    reasons: t.reasons.map((r) => pick(r, locale)),
    // Moving the case without a question would leave the applicant nothing to answer.
    ...(target.get(t.id) === INFORMATION_REQUESTED ? { href: `${url}/nachforderung` } : {}),
  }));
}

/** Loads the case page of a case of the viewer's tenant and records the read. */
export async function loadCasePage(deps: BackOfficeDeps, viewer: CasePageViewer, caseId: string): Promise<CasePageModel> {
  const now = deps.clock.now();
  const { locale, t } = viewer;
  const loaded = await deps.db.withTenant(viewer.tenantId, async (trx) => {
    const row = await loadCase(trx, viewer.tenantId, caseId, { forUpdate: false });
    await recordCaseView(trx, { tenantId: viewer.tenantId, caseId: row.id, staffId: viewer.staffId, now, intervalMinutes: deps.viewAuditMinutes });
    const files = await trx
      .selectFrom('files')
      .select(['id', 'display_name', 'media_type', 'size_bytes'])
      .where('tenant_id', '=', viewer.tenantId)
      .where('case_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const evaluation = await findLatestEvaluation(trx, viewer.tenantId, row);
    const events = await trx.selectFrom('case_events').selectAll().where('tenant_id', '=', viewer.tenantId).where('case_id', '=', row.id).orderBy('seq').execute();
    const runtime = deps.engine.services.get(row.service_id, row.service_version);
    const facts = runtime ? (await loadGuardFacts(trx, deps.engine, viewer.tenantId, runtime.workflow, row)).facts : undefined;
    const panels = await loadCasePanels(deps.panels, { trx, tenantId: viewer.tenantId, tenantSlug: viewer.tenantSlug, caseId: row.id, staffId: viewer.staffId, locale, t });
    const labels = await loadCaseLabels(trx, deps.engine.services, locale);
    const staffNames = await findStaffNames(trx, [...(row.assignee_id ? [row.assignee_id] : []), ...staffIdsIn(events)]);
    return { row, files, evaluation, events, facts, panels, labels, staffNames, workflowMissing: !runtime };
  });
  const { row, labels, staffNames } = loaded;
  const url = caseUrl(viewer.tenantSlug, row.id);
  const data = await describeCaseDataOrFallback(deps.describeCaseData, { serviceId: row.service_id, serviceVersion: row.service_version, data: row.data, locale, submittedAt: row.submitted_at });
  const historyCtx = { t, locale, labels, serviceId: row.service_id, serviceVersion: row.service_version, staffNames };
  return {
    caseId: row.id,
    url,
    version: row.version,
    summary: {
      reference: row.reference,
      service: labels.serviceName(row.service_id),
      serviceVersion: row.service_version,
      state: labels.stateName(row.service_id, row.service_version, row.state),
      closed: row.closed_at !== null,
      submitted: formatDateTime(row.submitted_at, locale),
      ...(row.due_at ? { due: formatDate(row.due_at, locale) } : {}),
      overdue: row.closed_at === null && row.due_at !== null && row.due_at < now,
      ...(row.closed_at ? { closedAt: formatDateTime(row.closed_at, locale) } : {}),
      ...(row.assignee_id ? { assignee: staffNames.get(row.assignee_id) ?? t('backoffice.actor.formerStaff') } : {}),
      assignedToMe: row.assignee_id === viewer.staffId,
      ...(row.applicant_name ? { applicantName: row.applicant_name } : {}),
      ...(row.company_name ? { companyName: row.company_name } : {}),
    },
    data,
    files: loaded.files.map((f) => {
      const downloadUrl = `${url}/dateien/${f.id}`;
      const viewable = IMAGE_TYPES.has(f.media_type) || f.media_type === 'application/pdf';
      return {
        name: f.display_name,
        mediaType: f.media_type,
        sizeText: formatBytes(Number(f.size_bytes), locale),
        downloadUrl,
        ...(viewable ? { viewUrl: `${downloadUrl}?ansicht=1` } : {}),
        isImage: IMAGE_TYPES.has(f.media_type),
      };
    }),
    ...(loaded.evaluation
      ? {
          findings: {
            evaluatedAt: formatDateTime(loaded.evaluation.evaluatedAt, locale),
            stale: loaded.evaluation.stale,
            items: loaded.evaluation.findings.map((f) => ({
              ...severityView(f.severity, t),
              message: pick(f.message, locale),
              ...(f.legalSource ? { legalSource: f.legalSource } : {}),
              ...(f.fieldPath ? { fieldPath: f.fieldPath } : {}),
            })),
          },
        }
      : {}),
    panels: loaded.panels,
    notes: buildNotes(loaded.events, historyCtx),
    history: buildHistory(loaded.events, historyCtx),
    transitions: transitionButtons(deps, row, loaded.facts, locale, url),
    workflowMissing: loaded.workflowMissing,
  };
}
