/**
 * The case's event log as a timeline staff can read: who did what and when, in their language,
 * with the reasons given. Reads of the case (`case.viewed`) stay in the audit log but not on
 * the page — they would drown the acts. Unknown event types (from modules added later) still
 * show, by their type.
 */
import type { Selectable } from 'kysely';
import type { CaseEventsTable } from '../../platform/db/schema.js';
import { formatDate, formatDateTime, pick, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import type { Workflow } from '../../definitions/workflow/workflow-schema.js';
import type { CaseLabels } from './case-labels.js';

export type CaseEventRow = Selectable<CaseEventsTable>;

export interface HistoryEntry {
  seq: number;
  at: Date;
  atText: string;
  actor: string;
  title: string;
  details: string[];
}

export interface NoteEntry {
  at: Date;
  atText: string;
  author: string;
  /** The note's text as lines. */
  lines: string[];
}

/** Event types of other modules that have a name in the timeline (`backoffice.history.event.<type>`). */
const NAMED_EVENTS = new Set(['document.generated', 'document.released', 'document.revoked', 'delivery.queued', 'delivery.delivered', 'delivery.failed', 'delivery.resent', 'information.requested', 'information.answered']);

/** Event types kept out of the timeline. */
export const HIDDEN_EVENT_TYPES = new Set(['case.viewed']);

interface HistoryContext {
  t: Translate;
  locale: Locale;
  labels: CaseLabels;
  serviceId: string;
  serviceVersion: number;
  staffNames: Map<string, string>;
}

function actorName(e: CaseEventRow, ctx: HistoryContext): string {
  if (e.actor_kind === 'caseworker') return (e.actor_id && ctx.staffNames.get(e.actor_id)) || ctx.t('backoffice.actor.formerStaff');
  return ctx.t(`backoffice.actor.${e.actor_kind}`);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

function transitionEntry(e: CaseEventRow, ctx: HistoryContext, workflow: Workflow | undefined): Pick<HistoryEntry, 'title' | 'details'> {
  const data = e.data;
  const transition = workflow?.transitions.find((t) => t.id === data.transition);
  const name = transition ? pick(transition.name, ctx.locale) : str(data.transition);
  const state = (id: unknown) => ctx.labels.stateName(ctx.serviceId, ctx.serviceVersion, str(id));
  const details = [ctx.t('backoffice.history.stateChange', { from: state(data.from), to: state(data.to) })];
  const input = (data.input ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    const field = transition?.input.find((f) => f.id === key);
    const label = field ? pick(field.label, ctx.locale) : key;
    const text = field?.type === 'date' && typeof value === 'string' ? formatDate(value, ctx.locale) : str(value);
    details.push(`${label}: ${text}`);
  }
  const title = data.automatic === true ? ctx.t('backoffice.history.transitionAutomatic', { name }) : ctx.t('backoffice.history.transition', { name });
  return { title, details };
}

function describe(e: CaseEventRow, ctx: HistoryContext, workflow: Workflow | undefined): Pick<HistoryEntry, 'title' | 'details'> {
  const data = e.data;
  switch (e.type) {
    case 'transition':
      return transitionEntry(e, ctx, workflow);
    case 'rules.evaluated': {
      const counts = (data.counts ?? {}) as Record<string, number>;
      return {
        title: ctx.t('backoffice.history.rulesEvaluated'),
        details: [ctx.t('backoffice.history.rulesCounts', { blocking: counts.blocking ?? 0, warning: counts.warning ?? 0, info: counts.info ?? 0 })],
      };
    }
    case 'note':
      return { title: ctx.t('backoffice.history.note'), details: [] };
    case 'assigned': {
      const to = str(data.assigneeId);
      return to
        ? { title: ctx.t('backoffice.history.assigned', { name: ctx.staffNames.get(to) ?? ctx.t('backoffice.actor.formerStaff') }), details: [] }
        : { title: ctx.t('backoffice.history.unassigned'), details: [] };
    }
    case 'timer.skipped':
      return { title: ctx.t('backoffice.history.timerSkipped', { timer: str(data.timer) }), details: [] };
    case 'submitted':
    case 'case.submitted':
      return { title: ctx.t('backoffice.history.submitted'), details: [] };
    default:
      // Events of other modules (documents, deliveries): named when known, by their type otherwise.
      return NAMED_EVENTS.has(e.type)
        ? { title: ctx.t(`backoffice.history.event.${e.type}`), details: typeof data.version === 'number' ? [ctx.t('backoffice.history.version', { version: data.version })] : [] }
        : { title: ctx.t('backoffice.history.other', { type: e.type }), details: [] };
  }
}

/** The timeline entries, oldest first. */
export function buildHistory(events: readonly CaseEventRow[], ctx: HistoryContext): HistoryEntry[] {
  const workflow = ctx.labels.workflow(ctx.serviceId, ctx.serviceVersion);
  return events
    .filter((e) => !HIDDEN_EVENT_TYPES.has(e.type))
    .map((e) => ({ seq: Number(e.seq), at: e.at, atText: formatDateTime(e.at, ctx.locale), actor: actorName(e, ctx), ...describe(e, ctx, workflow) }));
}

/** The internal notes, newest first. */
export function buildNotes(events: readonly CaseEventRow[], ctx: Pick<HistoryContext, 't' | 'locale' | 'staffNames'>): NoteEntry[] {
  return events
    .filter((e) => e.type === 'note')
    .map((e) => ({
      at: e.at,
      atText: formatDateTime(e.at, ctx.locale),
      author: (e.actor_id && ctx.staffNames.get(e.actor_id)) || ctx.t('backoffice.actor.formerStaff'),
      lines: str(e.data.text).split('\n'),
    }))
    .reverse();
}

/** The staff ids an event list mentions (actors and assignees), for one name lookup. */
export function staffIdsIn(events: readonly CaseEventRow[]): string[] {
  const ids: string[] = [];
  for (const e of events) {
    if (e.actor_kind === 'caseworker' && e.actor_id) ids.push(e.actor_id);
    if (e.type === 'assigned' && typeof e.data.assigneeId === 'string') ids.push(e.data.assigneeId);
  }
  return ids;
}
