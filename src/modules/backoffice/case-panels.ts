/**
 * The case page's panels for what other modules own: documents, messages, deliveries (and any
 * later ones). The page renders a list of panels from data; a module contributes a
 * {@link CasePanelProvider} (passed to the back office through `createApp`'s `backOffice.panels`)
 * and never edits the case page's template. A provider whose id is one of the placeholders
 * (`documents`, `messages`, `deliveries`) fills that placeholder; other ids are added after them.
 */
import type { Trx } from '../../platform/db/database.js';
import type { Locale, Translate } from '../../platform/i18n/i18n.js';
import type { MapView } from '../../platform/maps/map-view.js';

export type PanelTone = 'info' | 'success' | 'warning' | 'danger';

export interface CasePanelItem {
  title: string;
  /** Short facts shown under the title (date, recipient, size, attempts, last error). */
  details?: string[];
  status?: { label: string; tone: PanelTone };
  /** A link, e.g. to open or download (same-origin path). */
  link?: { label: string; href: string };
  /** A button that POSTs to a route of the providing module (the page adds the CSRF token and the case's return path). */
  action?: { label: string; url: string };
}

export interface CasePanel {
  id: string;
  title: string;
  /** Shown when there are no items. */
  emptyText: string;
  items: CasePanelItem[];
  /** A read-only map under the items (e.g. the traffic panel's conflicts); the items say the same in text. */
  map?: MapView;
}

export interface CasePanelContext {
  /** The page's tenant transaction: read with it (on PGlite a second connection would wait). */
  trx: Trx;
  tenantId: string;
  tenantSlug: string;
  caseId: string;
  staffId: string;
  locale: Locale;
  t: Translate;
}

export interface CasePanelProvider {
  /** `documents`, `messages`, `deliveries` fill those placeholders; another id adds a panel. */
  id: string;
  /**
   * The panel's content; title and empty text default to the placeholder's. `null` leaves an
   * added panel off this case's page (a procedure's panel on another procedure's case).
   */
  load(ctx: CasePanelContext): Promise<{ title?: string; emptyText?: string; items: CasePanelItem[]; map?: MapView | undefined } | null>;
}

/** The placeholders, in page order, with their message keys. */
export const PLACEHOLDER_PANELS = ['documents', 'messages', 'deliveries'] as const;

/** Builds the panels of one case page: placeholders filled by their providers, then the other providers' panels. */
export async function loadCasePanels(providers: readonly CasePanelProvider[], ctx: CasePanelContext): Promise<CasePanel[]> {
  const byId = new Map(providers.map((p) => [p.id, p]));
  const ids = [...PLACEHOLDER_PANELS, ...providers.map((p) => p.id).filter((id) => !(PLACEHOLDER_PANELS as readonly string[]).includes(id))];
  const panels: CasePanel[] = [];
  for (const id of ids) {
    const placeholder = (PLACEHOLDER_PANELS as readonly string[]).includes(id);
    const loaded = (byId.has(id) ? await byId.get(id)!.load(ctx) : null) ?? (placeholder ? { items: [] } : null);
    if (!loaded) continue;
    panels.push({
      id,
      title: loaded.title ?? (placeholder ? ctx.t(`backoffice.panel.${id}.title`) : id),
      emptyText: loaded.emptyText ?? (placeholder ? ctx.t(`backoffice.panel.${id}.empty`) : ctx.t('backoffice.panel.empty')),
      items: loaded.items,
      ...('map' in loaded && loaded.map ? { map: loaded.map } : {}),
    });
  }
  return panels;
}
