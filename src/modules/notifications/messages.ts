import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the e-mails to applicants. */
export const notificationMessages = defineMessages({
  'mail.greeting': { de: 'Guten Tag,', en: 'Hello,' },
  'mail.greetingNamed': { de: 'Guten Tag {name},', en: 'Hello {name},' },
  'mail.signature': { de: 'Mit freundlichen Grüßen\n{tenant}', en: 'Kind regards\n{tenant}' },
  'mail.reference': { de: 'Aktenzeichen', en: 'Reference number' },
  'mail.service': { de: 'Leistung', en: 'Service' },
  'mail.status': { de: 'Stand', en: 'Status' },
  'mail.statusLink': { de: 'Den Stand Ihres Antrags sehen Sie jederzeit hier:', en: 'You can follow your application here at any time:' },
  'mail.statusLinkPrivate': {
    de: 'Dieser Link ist persönlich. Bitte geben Sie ihn nicht weiter.',
    en: 'This link is personal. Please do not share it.',
  },
  'mail.autoNote': {
    de: 'Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf.',
    en: 'This e-mail was created automatically. Please do not reply to it.',
  },
  'mail.received.subject': { de: 'Eingangsbestätigung: {service} ({reference})', en: 'Confirmation of receipt: {service} ({reference})' },
  'mail.received.body': {
    de: 'wir haben Ihren Antrag „{service}“ erhalten. Er hat das Aktenzeichen {reference}.',
    en: 'we have received your application “{service}”. Its reference number is {reference}.',
  },
  'mail.received.next': { de: 'Bearbeitungszeit: {time}', en: 'Processing time: {time}' },
  'mail.decided.subject': { de: 'Ihr Antrag {reference} ist entschieden', en: 'A decision on your application {reference}' },
  'mail.decided.body': {
    de: 'über Ihren Antrag „{service}“ (Aktenzeichen {reference}) wurde entschieden. Der neue Stand: {state}.',
    en: 'a decision has been made on your application “{service}” (reference {reference}). The new status: {state}.',
  },
  'mail.decided.documents': {
    de: 'Falls Dokumente für Sie bereitstehen, finden Sie sie auf der Statusseite.',
    en: 'If documents are ready for you, you will find them on the status page.',
  },
  'mail.information-requested.subject': { de: 'Rückfrage zu Ihrem Antrag {reference}', en: 'A question about your application {reference}' },
  'mail.information-requested.body': {
    de: 'zu Ihrem Antrag „{service}“ (Aktenzeichen {reference}) haben wir eine Rückfrage. Bitte antworten Sie über die Statusseite.',
    en: 'we have a question about your application “{service}” (reference {reference}). Please answer on the status page.',
  },
  'mail.reminder.subject': { de: 'Erinnerung: Rückfrage zu Ihrem Antrag {reference}', en: 'Reminder: a question about your application {reference}' },
  'mail.reminder.body': {
    de: 'wir warten noch auf Ihre Antwort zu Ihrem Antrag „{service}“ (Aktenzeichen {reference}). Bitte antworten Sie über die Statusseite.',
    en: 'we are still waiting for your answer about your application “{service}” (reference {reference}). Please answer on the status page.',
  },
  'mail.status-changed.subject': { de: 'Neuer Stand zu Ihrem Antrag {reference}', en: 'News about your application {reference}' },
  'mail.status-changed.body': {
    de: 'Ihr Antrag „{service}“ (Aktenzeichen {reference}) hat einen neuen Stand: {state}.',
    en: 'Your application “{service}” (reference {reference}) has a new status: {state}.',
  },
  'mail.resume.subject': { de: 'Ihr gespeicherter Antrag: {service}', en: 'Your saved application: {service}' },
  'mail.resume.body': {
    de: 'Sie haben Ihren Antrag „{service}“ gespeichert. Mit diesem Link setzen Sie ihn fort – auch auf einem anderen Gerät. Er gilt bis {until}.',
    en: 'You saved your application “{service}”. Continue it with this link – on any device. It is valid until {until}.',
  },
  'messages.status.queued': { de: 'wird gesendet', en: 'being sent' },
  'messages.status.sent': { de: 'gesendet', en: 'sent' },
  'messages.status.failed': { de: 'nicht zustellbar', en: 'undeliverable' },
  'messages.detail.to': { de: 'An: {to}', en: 'To: {to}' },
  'messages.detail.created': { de: 'Erstellt: {at}', en: 'Created: {at}' },
  'messages.detail.sent': { de: 'Gesendet: {at}', en: 'Sent: {at}' },
  'messages.detail.attempts': { de: 'Versuche: {n}', en: 'Attempts: {n}' },
  'messages.detail.error': { de: 'Letzter Fehler: {error}', en: 'Last error: {error}' },
});
