/**
 * Renders e-mails from Eta templates next to the module that sends them: `<name>.html.eta`
 * (escaped by default, inside the branded mail layout) and `<name>.txt.eta` (plain text, not
 * HTML-escaped — a text mail has no markup to inject into).
 */
import { Eta } from 'eta';
import type { Locale, Translate } from '../i18n/i18n.js';
import { VIEWS_ROOT } from '../views/render.js';

export interface MailBranding {
  tenantName: string;
  primaryColor: string;
  contactLines: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailRenderer {
  /** Renders `template` (path below src/ without suffix) for a locale. */
  render(template: string, model: Record<string, unknown> & { subject: string }, ctx: { locale: Locale; t: Translate; branding: MailBranding }): RenderedMail;
}

/** Creates the renderer; templates are cached when `cache` is set. */
export function createMailRenderer(opts: { cache: boolean }): MailRenderer {
  const common = { views: VIEWS_ROOT, cache: opts.cache, defaultExtension: '.eta', autoTrim: [false, 'nl'] as [false, 'nl'] };
  const html = new Eta({ ...common, autoEscape: true });
  const text = new Eta({ ...common, autoEscape: false });
  return {
    render(template, model, ctx) {
      const data = { ...model, mail: ctx };
      return {
        subject: model.subject,
        html: html.render(`/${template}.html.eta`, data),
        text: text.render(`/${template}.txt.eta`, data),
      };
    },
  };
}
