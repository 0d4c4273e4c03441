import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the public pages. */
export const catalogMessages = defineMessages({
  'catalog.platform.title': { de: 'Startseite', en: 'Home' },
  'catalog.platform.heading': { de: 'Rathaus Cloud – Ihr Rathaus online', en: 'Rathaus Cloud – your town hall online' },
  'catalog.platform.lead': {
    de: 'Auf Rathaus Cloud bieten Städte und Gemeinden ihre Verwaltungsleistungen online an. Sie erledigen Ihr Anliegen von zu Hause, die Verwaltung bearbeitet es digital.',
    en: 'On Rathaus Cloud, towns and municipalities offer their administrative services online. You complete your request from home, and the administration processes it digitally.',
  },
  'catalog.platform.about.heading': { de: 'Was ist Rathaus Cloud?', en: 'What is Rathaus Cloud?' },
  'catalog.platform.about.outward': {
    de: 'Für Bürgerinnen, Bürger und Unternehmen: geführte, barrierefreie Online-Anträge mit Eingangsbestätigung, Statusverfolgung und Bescheid als Dokument.',
    en: 'For citizens and businesses: guided, accessible online applications with a receipt, status tracking and the decision as a document.',
  },
  'catalog.platform.about.inward': {
    de: 'Für die Verwaltung: digitale Vorgangsbearbeitung mit automatischen Prüfungen, Dokumenten und Weiterleitung an andere Behörden.',
    en: 'For the administration: digital case work with automatic checks, documents and forwarding to other authorities.',
  },
  'catalog.platform.about.embed': {
    de: 'Jede Kommune bindet ihre Leistungen direkt in die eigene Website ein.',
    en: 'Each municipality embeds its services directly in its own website.',
  },
  'catalog.platform.municipalities': { de: 'Teilnehmende Kommunen ({count})', en: 'Participating municipalities ({count})' },
  'catalog.district': { de: 'Landkreis {district}', en: 'District of {district}' },
  'catalog.noServices': { de: 'Noch keine Leistungen eingetragen.', en: 'No services listed yet.' },
  'catalog.status.online': { de: 'online', en: 'online' },
  'catalog.status.planned': { de: 'geplant', en: 'planned' },
  'catalog.plannedFor': { de: 'Geplant: {when}', en: 'Planned: {when}' },
  'catalog.news.heading': { de: 'Neuigkeiten', en: 'News' },
  'catalog.news.none': { de: 'Zurzeit gibt es keine Neuigkeiten.', en: 'There is no news at the moment.' },
  'catalog.tenant.title': { de: 'Online-Dienste', en: 'Online services' },
  'catalog.tenant.lead': {
    de: 'Diese Leistungen können Sie online beantragen oder bald online erledigen.',
    en: 'You can apply for these services online, or will soon be able to.',
  },
  'catalog.tenant.services': { de: 'Leistungen', en: 'Services' },
  'catalog.tenant.contact': { de: 'Kontakt', en: 'Contact' },
  'catalog.tenant.phone': { de: 'Telefon', en: 'Phone' },
  'catalog.tenant.email': { de: 'E-Mail', en: 'E-mail' },
  'catalog.tenant.website': { de: 'Website', en: 'Website' },
  'catalog.tenant.district': { de: 'Landkreis', en: 'District' },
  'catalog.tenant.notYetListed': { de: 'noch nicht hinterlegt', en: 'not listed yet' },
  'catalog.tenant.openingHours': { de: 'Öffnungszeiten', en: 'Opening hours' },
  'catalog.tenant.openingHoursMissing': {
    de: 'Die Öffnungszeiten sind noch nicht hinterlegt. Bitte informieren Sie sich auf der Website der Kommune.',
    en: 'Opening hours are not listed yet. Please see the municipality’s website.',
  },
});
