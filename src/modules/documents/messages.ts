import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the public verification page and the case page's documents panel. */
export const documentMessages = defineMessages({
  'documents.status.unreleased': { de: 'Nicht freigegeben', en: 'Not released' },
  'documents.status.valid': { de: 'Freigegeben', en: 'Released' },
  'documents.status.superseded': { de: 'Ersetzt', en: 'Superseded' },
  'documents.status.revoked': { de: 'Widerrufen', en: 'Revoked' },
  'documents.panel.name': { de: '{title}, Fassung {version}', en: '{title}, version {version}' },
  'documents.panel.created': { de: 'Erstellt am {at}', en: 'Created on {at}' },
  'documents.panel.released': { de: 'Freigegeben am {at}', en: 'Released on {at}' },
  'documents.panel.code': { de: 'Prüfcode {code}', en: 'Verification code {code}' },
  'documents.panel.download': { de: 'PDF herunterladen: {name}', en: 'Download PDF: {name}' },
  'documents.panel.release': { de: 'Für die antragstellende Person freigeben: {name}', en: 'Release to the applicant: {name}' },
  'documents.verify.title': { de: 'Dokument prüfen', en: 'Verify a document' },
  'documents.verify.lead': {
    de: 'Dokumente der Kommunen auf Rathaus Cloud tragen einen QR-Code und einen Prüfcode. Hier sehen Sie, ob ein Dokument echt ist und noch gilt.',
    en: 'Documents issued by municipalities on Rathaus Cloud carry a QR code and a verification code. Here you can see whether a document is genuine and still valid.',
  },
  'documents.verify.code': { de: 'Prüfcode', en: 'Verification code' },
  'documents.verify.codeHint': { de: '10 Zeichen, wie auf dem Dokument gedruckt, z. B. ABCDE-12345', en: '10 characters as printed on the document, e.g. ABCDE-12345' },
  'documents.verify.codeInvalid': {
    de: 'Bitte geben Sie den Prüfcode mit 10 Zeichen ein, wie er auf dem Dokument steht, z. B. ABCDE-12345.',
    en: 'Please enter the 10-character verification code as printed on the document, e.g. ABCDE-12345.',
  },
  'documents.verify.submit': { de: 'Prüfen', en: 'Verify' },
  'documents.verify.errorSummary': { de: 'Bitte korrigieren Sie Folgendes:', en: 'Please correct the following:' },
  'documents.verify.resultTitle': { de: 'Ergebnis für Prüfcode {code}', en: 'Result for verification code {code}' },
  'documents.verify.notFound': {
    de: 'Zu diesem Prüfcode gibt es kein ausgestelltes Dokument. Bitte vergleichen Sie den Code noch einmal mit dem Dokument.',
    en: 'There is no issued document with this verification code. Please compare the code with the document again.',
  },
  'documents.verify.status.valid': { de: 'Dieses Dokument ist echt und gültig.', en: 'This document is genuine and valid.' },
  'documents.verify.status.superseded': {
    de: 'Dieses Dokument wurde durch eine neuere Fassung ersetzt und gilt nicht mehr.',
    en: 'This document has been replaced by a newer version and is no longer valid.',
  },
  'documents.verify.status.revoked': { de: 'Dieses Dokument wurde widerrufen und gilt nicht mehr.', en: 'This document has been revoked and is no longer valid.' },
  'documents.verify.issuer': { de: 'Ausstellende Stelle', en: 'Issued by' },
  'documents.verify.type': { de: 'Dokumentart', en: 'Type of document' },
  'documents.verify.issuedOn': { de: 'Ausgestellt am', en: 'Issued on' },
  'documents.verify.reference': { de: 'Aktenzeichen', en: 'Reference number' },
  'documents.verify.version': { de: 'Fassung', en: 'Version' },
  'documents.verify.compareTitle': { de: 'Datei vergleichen', en: 'Compare a file' },
  'documents.verify.compareLead': {
    de: 'Vergleichen Sie die Angaben oben mit dem Dokument, das Ihnen vorliegt. Liegt es Ihnen als PDF-Datei vor, prüfen wir, ob die Datei genau dem ausgestellten Dokument entspricht (Vergleich des SHA-256-Fingerabdrucks). Die Datei wird dabei nicht gespeichert.',
    en: 'Compare the details above with the document you hold. If you have it as a PDF file, we check whether the file is exactly the issued document (by comparing SHA-256 fingerprints). The file is not stored.',
  },
  'documents.verify.file': { de: 'PDF-Datei des Dokuments', en: 'PDF file of the document' },
  'documents.verify.fileHint': { de: 'Nur PDF, höchstens 10 MB', en: 'PDF only, at most 10 MB' },
  'documents.verify.fileMissing': { de: 'Bitte wählen Sie die PDF-Datei des Dokuments aus.', en: 'Please choose the PDF file of the document.' },
  'documents.verify.compare': { de: 'Datei vergleichen', en: 'Compare file' },
  'documents.verify.match': {
    de: 'Die Datei stimmt genau mit dem ausgestellten Dokument überein.',
    en: 'The file is exactly the issued document.',
  },
  'documents.verify.mismatch': {
    de: 'Die Datei stimmt nicht mit dem ausgestellten Dokument überein. Sie wurde verändert, oder es ist ein anderes Dokument oder eine andere Fassung.',
    en: 'The file does not match the issued document. It has been changed, or it is another document or another version.',
  },
  'documents.verify.fingerprint': { de: 'SHA-256 der hochgeladenen Datei', en: 'SHA-256 of the uploaded file' },
  'documents.verify.another': { de: 'Anderen Prüfcode prüfen', en: 'Check another code' },
});
