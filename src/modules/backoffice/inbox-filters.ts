/**
 * The inbox's URL parameters (German, like its path) read into typed filters. A bad value is not
 * an error page: it is dropped, named in a message on the inbox, and the rest of the filters
 * still apply — a stale bookmark should never lock a caseworker out of the inbox.
 */
import type { FieldError } from '../../platform/errors/app-error.js';
import { isUuid } from '../cases/case-engine.js';
import { inboxPath } from './backoffice-paths.js';
import { decodeCursor, encodeCursor, type InboxCursor } from './inbox-cursor.js';

export const INBOX_SORTS = ['eingang-neu', 'eingang-alt', 'frist'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export type StateFilter = { kind: 'open' } | { kind: 'closed' } | { kind: 'all' } | { kind: 'state'; state: string };
export type AssigneeFilter = { kind: 'any' } | { kind: 'me' } | { kind: 'none' } | { kind: 'user'; userId: string };
export const DUE_FILTERS = ['alle', 'ueberfaellig', 'bald'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const SEVERITY_FILTERS = ['alle', 'blockierend', 'warnung', 'info', 'keine'] as const;
export type SeverityFilter = (typeof SEVERITY_FILTERS)[number];

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;

export interface InboxFilters {
  service?: string;
  state: StateFilter;
  assignee: AssigneeFilter;
  due: DueFilter;
  severity: SeverityFilter;
  /** The search text, trimmed; empty for none. */
  q: string;
  sort: InboxSort;
}

export interface InboxRequest extends InboxFilters {
  /** Where the page starts: after a cursor (next page) or before one (previous page). */
  page?: { direction: 'after' | 'before'; cursor: InboxCursor };
}

export const DEFAULT_FILTERS: InboxFilters = { state: { kind: 'open' }, assignee: { kind: 'any' }, due: 'alle', severity: 'alle', q: '', sort: 'eingang-neu' };

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

function oneOf<T extends string>(values: readonly T[], raw: string): T | undefined {
  return (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function text(query: Record<string, unknown>, key: string): string | undefined {
  const v = query[key];
  if (v === undefined) return undefined;
  // A repeated parameter (?stand=a&stand=b) counts as its last value.
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' ? last.trim() : undefined;
}

function problem(path: string, de: string, en: string): FieldError {
  return { path, message: { de, en } };
}

function parseState(raw: string): StateFilter | undefined {
  if (raw === 'offen') return { kind: 'open' };
  if (raw === 'abgeschlossen') return { kind: 'closed' };
  if (raw === 'alle') return { kind: 'all' };
  return SLUG.test(raw) ? { kind: 'state', state: raw } : undefined;
}

function parseAssignee(raw: string): AssigneeFilter | undefined {
  if (raw === 'alle') return { kind: 'any' };
  if (raw === 'ich') return { kind: 'me' };
  if (raw === 'niemand') return { kind: 'none' };
  return isUuid(raw) ? { kind: 'user', userId: raw.toLowerCase() } : undefined;
}

/** Reads one parameter; a value `parse` refuses is dropped and named in `errors`. */
function readParam<T>(query: Record<string, unknown>, key: string, parse: (raw: string) => T | undefined, errors: FieldError[], message: [de: string, en: string]): T | undefined {
  const raw = text(query, key);
  if (!raw) return undefined;
  const value = parse(raw);
  if (value === undefined) errors.push(problem(key, ...message));
  return value;
}

/** Reads the inbox parameters; `errors` names each parameter that was dropped. */
export function parseInboxQuery(query: Record<string, unknown>): { request: InboxRequest; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const request: InboxRequest = { ...DEFAULT_FILTERS };
  const service = readParam(query, 'leistung', (v) => (SLUG.test(v) ? v : undefined), errors, [
    'Die gewählte Leistung ist unbekannt; der Filter „Leistung“ wurde zurückgesetzt.',
    'The chosen service is unknown; the “Service” filter was reset.',
  ]);
  if (service) request.service = service;
  request.state =
    readParam(query, 'stand', parseState, errors, [
      'Der gewählte Bearbeitungsstand ist unbekannt; der Filter „Stand“ wurde zurückgesetzt.',
      'The chosen state is unknown; the “State” filter was reset.',
    ]) ?? request.state;
  request.assignee =
    readParam(query, 'zustaendig', parseAssignee, errors, [
      'Die gewählte Zuständigkeit ist unbekannt; der Filter „Zuständig“ wurde zurückgesetzt.',
      'The chosen assignee is unknown; the “Assigned to” filter was reset.',
    ]) ?? request.assignee;
  request.due =
    readParam(query, 'frist', (v) => oneOf(DUE_FILTERS, v), errors, [
      'Die gewählte Fristangabe ist unbekannt; der Filter „Frist“ wurde zurückgesetzt.',
      'The chosen deadline filter is unknown; the “Deadline” filter was reset.',
    ]) ?? request.due;
  request.severity =
    readParam(query, 'hinweise', (v) => oneOf(SEVERITY_FILTERS, v), errors, [
      'Die gewählte Art der Prüfhinweise ist unbekannt; der Filter „Prüfhinweise“ wurde zurückgesetzt.',
      'The chosen kind of findings is unknown; the “Findings” filter was reset.',
    ]) ?? request.severity;
  request.sort =
    readParam(query, 'sortierung', (v) => oneOf(INBOX_SORTS, v), errors, [
      'Die gewählte Sortierung ist unbekannt; es wird nach Eingang sortiert.',
      'The chosen sort order is unknown; the list is sorted by date received.',
    ]) ?? request.sort;
  request.q =
    readParam(query, 'suche', (v) => ([...v].length <= MAX_SEARCH_LENGTH ? v.normalize('NFC') : undefined), errors, [
      `Der Suchbegriff darf höchstens ${MAX_SEARCH_LENGTH} Zeichen lang sein.`,
      `The search text must be ${MAX_SEARCH_LENGTH} characters or fewer.`,
    ]) ?? '';
  for (const [key, direction] of [['nach', 'after'], ['vor', 'before']] as const) {
    if (request.page) break;
    const cursor = readParam(query, key, (v) => decodeCursor(v, request.sort), errors, [
      'Die Seitenangabe ist ungültig oder passt nicht zur Sortierung; die Liste beginnt wieder auf der ersten Seite.',
      'The page reference is invalid or does not match the sort order; the list starts again at the first page.',
    ]);
    if (cursor) request.page = { direction, cursor };
  }
  return { request, errors };
}

/** The URL parameters of filters (without page), for links that keep them; defaults are left out. */
export function filterParams(f: InboxFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (f.service) params.leistung = f.service;
  const state = f.state.kind === 'open' ? undefined : f.state.kind === 'closed' ? 'abgeschlossen' : f.state.kind === 'all' ? 'alle' : f.state.state;
  if (state) params.stand = state;
  const assignee = f.assignee.kind === 'any' ? undefined : f.assignee.kind === 'me' ? 'ich' : f.assignee.kind === 'none' ? 'niemand' : f.assignee.userId;
  if (assignee) params.zustaendig = assignee;
  if (f.due !== 'alle') params.frist = f.due;
  if (f.severity !== 'alle') params.hinweise = f.severity;
  if (f.q) params.suche = f.q;
  if (f.sort !== 'eingang-neu') params.sortierung = f.sort;
  return params;
}

/** The inbox URL for filters and an optional page. */
export function inboxUrl(base: string, f: InboxFilters, page?: { direction: 'after' | 'before'; token: string }): string {
  const params = new URLSearchParams(filterParams(f));
  if (page) params.set(page.direction === 'after' ? 'nach' : 'vor', page.token);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** The inbox URL a form's `back` field (the list's query string) leads to, rebuilt from known parameters only. */
export function returnToInbox(tenantSlug: string, back: string, flash?: string): string {
  const query = Object.fromEntries(new URLSearchParams(back.startsWith('?') ? back.slice(1) : back));
  const { request } = parseInboxQuery(query);
  const page = request.page ? { direction: request.page.direction, token: encodeCursor(request.page.cursor) } : undefined;
  const url = inboxUrl(inboxPath(tenantSlug), request, page);
  return flash ? `${url}${url.includes('?') ? '&' : '?'}hinweis=${flash}` : url;
}
