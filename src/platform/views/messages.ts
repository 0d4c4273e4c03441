import { defineMessages } from '../i18n/i18n.js';

/** Strings of the layout, error pages and role names. */
export const layoutMessages = defineMessages({
  'layout.skip': { de: 'Zum Inhalt springen', en: 'Skip to content' },
  'layout.nav.service': { de: 'Sprache und Konto', en: 'Language and account' },
  'layout.nav.legal': { de: 'Rechtliches', en: 'Legal' },
  'layout.imprint': { de: 'Impressum', en: 'Imprint' },
  'layout.privacy': { de: 'Datenschutz', en: 'Privacy' },
  'layout.accessibility': { de: 'Barrierefreiheit', en: 'Accessibility' },
  'layout.staffLogin': { de: 'Anmeldung für Beschäftigte', en: 'Staff sign-in' },
  'layout.logout': { de: 'Abmelden', en: 'Sign out' },
  'layout.footer.tagline': {
    de: 'Rathaus Cloud – Verwaltungsleistungen der Kommunen online. Open Source unter EUPL-1.2.',
    en: 'Rathaus Cloud – municipal services online. Open source under EUPL-1.2.',
  },
  'error.notFound.hint': {
    de: 'Bitte prüfen Sie die Adresse. Vielleicht wurde die Seite verschoben oder der Link ist nicht mehr gültig.',
    en: 'Please check the address. The page may have moved or the link may no longer be valid.',
  },
  'error.server.hint': {
    de: 'Ihre Eingaben sind nicht verloren, wenn Sie eine Bestätigung erhalten haben. Wenn das Problem bleibt, wenden Sie sich bitte an Ihre Verwaltung und nennen Sie die Fehlernummer.',
    en: 'Your data is not lost if you received a confirmation. If the problem persists, please contact your administration and quote the error number.',
  },
  'error.reference': { de: 'Fehlernummer', en: 'Error number' },
  'error.home': { de: 'Zur Startseite', en: 'Go to the home page' },
  'auth.role.caseworker': { de: 'Sachbearbeitung', en: 'Caseworker' },
  'auth.role.tenant-admin': { de: 'Verwaltung der Kommune', en: 'Municipal administrator' },
  'auth.role.operator': { de: 'Plattformbetrieb', en: 'Platform operator' },
  'auth.role.several': { de: 'mehrere Kommunen', en: 'several municipalities' },
});
