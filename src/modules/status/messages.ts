import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the applicant's status page. */
export const statusMessages = defineMessages({
  'status.title': { de: 'Stand Ihres Antrags', en: 'Status of your application' },
  'status.privateLink': {
    de: 'Diese Seite ist nur über Ihren persönlichen Link erreichbar. Bitte geben Sie ihn nicht weiter.',
    en: 'This page can only be reached with your personal link. Please do not share it.',
  },
  'status.reference': { de: 'Aktenzeichen', en: 'Reference number' },
  'status.service': { de: 'Leistung', en: 'Service' },
  'status.submitted': { de: 'Eingegangen am', en: 'Received on' },
  'status.current': { de: 'Aktueller Stand', en: 'Current status' },
  'status.processingTime': { de: 'Bearbeitungszeit', en: 'Processing time' },
  'status.finished': { de: 'Das Verfahren ist abgeschlossen.', en: 'The procedure is complete.' },
  'status.history': { de: 'Verlauf', en: 'History' },
  'status.documents': { de: 'Dokumente', en: 'Documents' },
  'status.noDocuments': { de: 'Noch keine Dokumente. Sobald ein Dokument für Sie bereitsteht, finden Sie es hier.', en: 'No documents yet. As soon as a document is ready for you, you will find it here.' },
  'status.download': { de: '{title} herunterladen (PDF, {date})', en: 'Download {title} (PDF, {date})' },
  'status.contact': { de: 'Ihre Ansprechstelle', en: 'Your contact' },
  'status.phone': { de: 'Telefon', en: 'Phone' },
  'status.email': { de: 'E-Mail', en: 'E-mail' },
  'status.event.submitted': { de: 'Antrag eingegangen', en: 'Application received' },
  'status.event.state': { de: 'Neuer Stand: {state}', en: 'New status: {state}' },
  'status.event.document': { de: 'Dokument bereitgestellt', en: 'Document provided' },
  'status.event.documentTitled': { de: 'Dokument bereitgestellt: {title}', en: 'Document provided: {title}' },
  'status.event.request': { de: 'Rückfrage der Verwaltung', en: 'Question from the administration' },
  'status.event.requestTitled': { de: 'Rückfrage der Verwaltung: {title}', en: 'Question from the administration: {title}' },
  'status.event.answer': { de: 'Ihre Antwort ist eingegangen', en: 'Your answer was received' },
  'status.event.answerTitled': { de: 'Ihre Antwort ist eingegangen: {title}', en: 'Your answer was received: {title}' },
});
