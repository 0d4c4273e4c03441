import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the development pages. */
export const devMessages = defineMessages({
  'dev.mailbox.title': { de: 'Entwicklungs-Postfach', en: 'Development mailbox' },
  'dev.mailbox.lead': {
    de: 'Ohne SMTP-Server bleiben E-Mails hier. Diese Seite gibt es nur in der Entwicklung.',
    en: 'Without an SMTP server, mails stay here. This page exists only in development.',
  },
  'dev.mailbox.empty': { de: 'Noch keine E-Mails.', en: 'No mails yet.' },
  'dev.mailbox.to': { de: 'An', en: 'To' },
  'dev.mailbox.subject': { de: 'Betreff', en: 'Subject' },
  'dev.mailbox.tenant': { de: 'Kommune', en: 'Municipality' },
  'dev.mailbox.status': { de: 'Status', en: 'Status' },
  'dev.mailbox.at': { de: 'Zeitpunkt', en: 'Time' },
  'dev.mailbox.purged': { de: '(Inhalt nach dem Versand gelöscht)', en: '(content removed after sending)' },
  'dev.mailbox.back': { de: 'Zurück zum Postfach', en: 'Back to the mailbox' },
});
