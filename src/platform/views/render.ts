/**
 * Server-side HTML views. Templates are Eta files next to the module that owns them; every
 * `<%= %>` output is HTML-escaped (autoEscape), and raw output `<%~ %>` is reserved for markup
 * produced by other templates (the layout's body, partials). Handlers pass typed view models.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { Locale, Translate } from '../i18n/i18n.js';

export const VIEWS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What every page needs besides its own model: language, links, the signed-in user. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Path and query of this request, for the language switch. */
  path: string;
  /** Same page in each language. */
  languageLinks: { locale: Locale; href: string; label: string; current: boolean }[];
  csrfToken: string;
  assets: { kern: string; app: string; leaflet: string };
  /** The maps' background tiles (MAP_TILE_URL); none: maps draw on a plain background. */
  mapTiles?: { url: string; attribution?: string } | undefined;
  tenant?: { slug: string; name: string; primaryColor?: string } | undefined;
  staff?: { name: string; roleLabel: string; tenantSlug?: string | undefined } | undefined;
  /** Embedded in an iframe: no site chrome. */
  embedded: boolean;
}

export interface ViewRenderer {
  /** Renders `template` (path below src/, without extension) with `model` and the page context. */
  render<M extends object>(template: string, model: M, page: PageContext): string;
}

/** Creates the renderer; templates are cached in production. */
export function createViewRenderer(options: { cache: boolean }): ViewRenderer {
  const eta = new Eta({
    views: VIEWS_ROOT,
    autoEscape: true,
    autoTrim: [false, 'nl'],
    cache: options.cache,
    defaultExtension: '.eta',
    varName: 'it',
  });
  return {
    render(template, model, page) {
      return eta.render(template.startsWith('/') ? template : `/${template}`, { ...model, page });
    },
  };
}
