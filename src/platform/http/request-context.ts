/**
 * Per-request state every handler can rely on: the language, the translator, the tenant from
 * the path, the signed-in staff member, and what CSRF tokens are bound to. Also `reply.view`,
 * which renders a template inside the layout with the page context filled in.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, LOCALES, createTranslator, parseLocale, type Locale, type MessageCatalogue, type Translate } from '../i18n/i18n.js';
import type { PageContext, ViewRenderer } from '../views/render.js';
import { csrfTokenFor } from './csrf.js';
import type { TenantRecord } from '../tenancy/tenant-directory.js';
import type { StaffPrincipal } from '../auth/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    tenant: TenantRecord | null;
    staff: StaffPrincipal | null;
    /** What this request's CSRF token is bound to; set by the session layer or the anonymous cookie. */
    csrfBinding: string | null;
  }
  interface FastifyReply {
    /** Renders a page template with the layout; sets the HTML content type. */
    view<M extends object>(template: string, model: M & { title: string }): FastifyReply;
    /** The page context of this request (language links, CSRF token, …). */
    pageContext(): PageContext;
  }
}

export const LANG_COOKIE = 'rc_lang';
export const ANON_COOKIE = 'rc_anon';

export interface RequestContextOptions {
  views: ViewRenderer;
  messages: MessageCatalogue;
  secret: string;
  strictMessages: boolean;
  secureCookies: boolean;
  assets: PageContext['assets'];
  mapTiles?: PageContext['mapTiles'];
}

const LANGUAGE_LABELS: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

function withLang(url: string, locale: Locale): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', locale);
  return `${u.pathname}${u.search}`;
}

async function requestContext(app: FastifyInstance, opts: RequestContextOptions): Promise<void> {
  const translators = new Map<Locale, Translate>(LOCALES.map((l) => [l, createTranslator(l, opts.messages, opts.strictMessages)]));

  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('tenant', null);
  app.decorateRequest('staff', null);
  app.decorateRequest('csrfBinding', null);

  // Language: an explicit ?lang= wins and is remembered; then the cookie; German by default.
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = parseLocale(query?.lang);
    const fromCookie = parseLocale(request.cookies[LANG_COOKIE]);
    const locale = fromQuery ?? fromCookie ?? DEFAULT_LOCALE;
    if (fromQuery && fromQuery !== fromCookie) {
      reply.setCookie(LANG_COOKIE, fromQuery, { path: '/', sameSite: 'lax', secure: opts.secureCookies, httpOnly: true, maxAge: 365 * 24 * 3600 });
    }
    request.locale = locale;
    request.t = translators.get(locale)!;
  });

  app.decorateReply('pageContext', function (this: FastifyReply): PageContext {
    const request = this.request;
    // Pages that carry forms need a CSRF binding; anonymous visitors get a random cookie for it.
    if (!request.csrfBinding) {
      let anon = request.cookies[ANON_COOKIE];
      if (!anon || !/^[A-Za-z0-9_-]{22,64}$/.test(anon)) {
        anon = randomBytes(18).toString('base64url');
        this.setCookie(ANON_COOKIE, anon, { path: '/', sameSite: 'lax', secure: opts.secureCookies, httpOnly: true });
      }
      request.csrfBinding = `anon:${anon}`;
    }
    const tenant = request.tenant;
    return {
      locale: request.locale,
      t: request.t,
      path: request.url,
      languageLinks: LOCALES.map((l) => ({ locale: l, href: withLang(request.url, l), label: LANGUAGE_LABELS[l], current: l === request.locale })),
      csrfToken: csrfTokenFor(opts.secret, request.csrfBinding),
      assets: opts.assets,
      mapTiles: opts.mapTiles,
      tenant: tenant ? { slug: tenant.slug, name: tenant.officialName, primaryColor: tenant.branding.primaryColor } : undefined,
      staff: request.staff
        ? { name: request.staff.displayName, roleLabel: request.staff.roleLabel(request.t, tenant?.id), tenantSlug: tenant?.slug }
        : undefined,
      // Browsers announce navigations inside an iframe; `?embed=1` covers older ones.
      embedded: request.headers['sec-fetch-dest'] === 'iframe' || (request.query as Record<string, unknown> | undefined)?.embed === '1',
    };
  });

  app.decorateReply('view', function <M extends object>(this: FastifyReply, template: string, model: M & { title: string }) {
    const html = opts.views.render(template, model, this.pageContext());
    return this.type('text/html; charset=utf-8').send(html);
  });
}

export const requestContextPlugin = fp(requestContext, { name: 'request-context', dependencies: ['@fastify/cookie'] });

/** The CSRF binding of an anonymous browser, read from its cookie (null when absent). */
export function anonymousBinding(request: FastifyRequest): string | null {
  const anon = request.cookies[ANON_COOKIE];
  return anon && /^[A-Za-z0-9_-]{22,64}$/.test(anon) ? `anon:${anon}` : null;
}
