import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the form runner. */
export const runnerMessages = defineMessages({
  'runner.optional': { de: 'optional', en: 'optional' },
  'runner.selectPlaceholder': { de: 'Bitte auswählen', en: 'Please choose' },
  'runner.conditionalHint': {
    de: 'Nur auszufüllen, wenn es nach Ihrer Antwort oben zutrifft.',
    en: 'Only fill in if it applies after your answer above.',
  },
  'runner.files.uploaded': { de: 'Hochgeladene Dateien', en: 'Uploaded files' },
  'runner.errorTitlePrefix': { de: 'Fehler', en: 'Error' },
  'runner.errorSummary': { de: 'Bitte korrigieren Sie die folgenden Angaben:', en: 'Please correct the following:' },
  'runner.step': { de: 'Schritt {number} von {total}', en: 'Step {number} of {total}' },
  'runner.back': { de: 'Zurück', en: 'Back' },
  'runner.continue': { de: 'Weiter', en: 'Continue' },
  'runner.saveForLater': { de: 'Speichern und später fortsetzen', en: 'Save and continue later' },
  'runner.start.title': { de: 'Online beantragen', en: 'Apply online' },
  'runner.start.button': { de: 'Antrag starten', en: 'Start application' },
  'runner.start.needed': { de: 'Das brauchen Sie', en: 'What you need' },
  'runner.start.fee': { de: 'Gebühren', en: 'Fees' },
  'runner.start.time': { de: 'Bearbeitungszeit', en: 'Processing time' },
  'runner.start.office': { de: 'Zuständige Stelle', en: 'Responsible office' },
  'runner.start.legal': { de: 'Rechtsgrundlage', en: 'Legal basis' },
  'runner.start.resumeHint': {
    de: 'Sie können den Antrag jederzeit speichern und später – auch auf einem anderen Gerät – fortsetzen.',
    en: 'You can save the application at any time and continue later, also on another device.',
  },
  'runner.check.title': { de: 'Angaben prüfen', en: 'Check your answers' },
  'runner.check.lead': {
    de: 'Bitte prüfen Sie Ihre Angaben, bevor Sie den Antrag absenden.',
    en: 'Please check your answers before you send the application.',
  },
  'runner.check.change': { de: 'Ändern', en: 'Change' },
  'runner.check.notices': { de: 'Bitte beachten Sie', en: 'Please note' },
  'runner.check.changeLabel': { de: '{label} ändern', en: 'Change {label}' },
  'runner.check.incomplete': {
    de: 'Der Antrag ist noch nicht vollständig. Bitte ergänzen Sie:',
    en: 'The application is not complete yet. Please add:',
  },
  'runner.check.submit': { de: 'Antrag verbindlich absenden', en: 'Send application' },
  'runner.check.submitHint': {
    de: 'Mit dem Absenden wird Ihr Antrag an die Verwaltung übermittelt.',
    en: 'When you send it, your application goes to the administration.',
  },
  'runner.confirmation.title': { de: 'Antrag eingegangen', en: 'Application received' },
  'runner.confirmation.reference': { de: 'Ihr Aktenzeichen', en: 'Your reference number' },
  'runner.confirmation.next': { de: 'Wie geht es weiter?', en: 'What happens next?' },
  'runner.confirmation.nextText': {
    de: 'Die Verwaltung bearbeitet Ihren Antrag. Bearbeitungszeit: {time}. Über Ihren persönlichen Link sehen Sie jederzeit den Stand, Rückfragen und Dokumente.',
    en: 'The administration is processing your application. Processing time: {time}. Your personal link shows the status, questions and documents at any time.',
  },
  'runner.confirmation.statusLink': { de: 'Stand Ihres Antrags ansehen', en: 'See the status of your application' },
  'runner.confirmation.keepLink': {
    de: 'Bitte bewahren Sie diesen Link auf. Er ist persönlich – geben Sie ihn nicht weiter:',
    en: 'Please keep this link. It is personal – do not share it:',
  },
  'runner.confirmation.mailSent': {
    de: 'Eine Eingangsbestätigung mit diesem Link erhalten Sie auch per E-Mail.',
    en: 'You will also receive a confirmation with this link by e-mail.',
  },
  'runner.save.title': { de: 'Antrag speichern und später fortsetzen', en: 'Save and continue later' },
  'runner.save.saved': { de: 'Ihre Angaben sind gespeichert.', en: 'Your answers are saved.' },
  'runner.save.link': {
    de: 'Mit diesem Link setzen Sie den Antrag fort – auch auf einem anderen Gerät. Er gilt bis {until}. Bitte geben Sie ihn nicht weiter:',
    en: 'Continue the application with this link – on any device. It is valid until {until}. Please do not share it:',
  },
  'runner.save.email': { de: 'Link per E-Mail senden', en: 'Send the link by e-mail' },
  'runner.save.emailLabel': { de: 'E-Mail-Adresse', en: 'E-mail address' },
  'runner.save.emailHint': { de: 'Wir senden Ihnen den Link einmal zu. Die Adresse wird nur dafür verwendet.', en: 'We send you the link once. The address is used for nothing else.' },
  'runner.save.emailInvalid': {
    de: 'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.',
    en: 'Please enter a valid e-mail address, for example name@example.com.',
  },
  'runner.save.send': { de: 'Link senden', en: 'Send link' },
  'runner.save.sent': { de: 'Der Link wurde an {email} gesendet.', en: 'The link was sent to {email}.' },
  'runner.save.continue': { de: 'Jetzt weiter ausfüllen', en: 'Continue now' },
});
