import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the staff login, start pages and password change. */
export const staffMessages = defineMessages({
  'staff.errorPrefix': { de: 'Fehler: {title}', en: 'Error: {title}' },
  'staff.errorSummary.title': { de: 'Bitte prüfen Sie Ihre Angaben', en: 'Please check your entries' },

  'staff.login.title': { de: 'Anmeldung für Beschäftigte', en: 'Staff sign-in' },
  'staff.login.lead': {
    de: 'Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse und Ihrem Passwort an.',
    en: 'Sign in with your work e-mail address and your password.',
  },
  'staff.login.email': { de: 'E-Mail-Adresse', en: 'E-mail address' },
  'staff.login.password': { de: 'Passwort', en: 'Password' },
  'staff.login.submit': { de: 'Anmelden', en: 'Sign in' },
  'staff.login.help': {
    de: 'Passwort vergessen? Bitte wenden Sie sich an die Verwaltung Ihrer Kommune; sie kann Ihr Passwort zurücksetzen.',
    en: 'Forgotten your password? Please contact your municipality’s administrator, who can reset it.',
  },
  'staff.login.signedOut': { de: 'Sie haben sich abgemeldet.', en: 'You have signed out.' },
  'staff.login.error.emailMissing': { de: 'Bitte geben Sie Ihre E-Mail-Adresse ein.', en: 'Please enter your e-mail address.' },
  'staff.login.error.emailInvalid': {
    de: 'Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.',
    en: 'Please enter an e-mail address in the format name@example.com.',
  },
  'staff.login.error.passwordMissing': { de: 'Bitte geben Sie Ihr Passwort ein.', en: 'Please enter your password.' },
  'staff.login.error.passwordTooLong': { de: 'Das Passwort ist zu lang.', en: 'The password is too long.' },
  'staff.login.error.invalid': {
    de: 'E-Mail-Adresse oder Passwort ist falsch. Bitte prüfen Sie beides.',
    en: 'The e-mail address or password is wrong. Please check both.',
  },
  'staff.login.error.throttled': {
    de: 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie {minutes} Minute(n) und versuchen Sie es dann erneut.',
    en: 'Too many failed sign-in attempts. Please wait {minutes} minute(s) and try again.',
  },

  'staff.start.title': { de: 'Bereich für Beschäftigte', en: 'Staff area' },
  'staff.start.greeting': { de: 'Angemeldet als {name}', en: 'Signed in as {name}' },
  'staff.start.chooseTenant': {
    de: 'Sie arbeiten für mehrere Kommunen. Bitte wählen Sie, für welche Sie jetzt tätig sind.',
    en: 'You work for several municipalities. Please choose which one you are working for now.',
  },
  'staff.start.noTenant': {
    de: 'Ihrem Konto ist noch keine Kommune zugeordnet. Bitte wenden Sie sich an die Verwaltung Ihrer Kommune.',
    en: 'Your account is not assigned to a municipality yet. Please contact your municipality’s administrator.',
  },
  'staff.start.yourTenants': { de: 'Ihre Kommunen', en: 'Your municipalities' },
  'staff.start.account': { de: 'Ihr Konto', en: 'Your account' },
  'staff.start.changePassword': { de: 'Passwort ändern', en: 'Change password' },

  'staff.operator.title': { de: 'Plattformbetrieb', en: 'Platform operations' },
  'staff.operator.lead': {
    de: 'Sie sind als Plattformbetrieb angemeldet. Dieser Zugang dient dem Betrieb der Plattform; Vorgänge der Kommunen sehen Sie nur mit einer Rolle in der jeweiligen Kommune.',
    en: 'You are signed in as platform operator. This access is for running the platform; you see a municipality’s cases only with a role in that municipality.',
  },
  'staff.operator.tenants': { de: 'Teilnehmende Kommunen ({count})', en: 'Participating municipalities ({count})' },
  'staff.operator.ags': { de: 'Gemeindeschlüssel {ags}', en: 'Municipality key {ags}' },
  'staff.operator.publicPage': { de: 'Öffentliche Seite', en: 'Public page' },

  'staff.tenant.title': { de: 'Bereich für Beschäftigte', en: 'Staff area' },
  'staff.tenant.lead': {
    de: 'Hier bearbeiten Sie künftig die Anträge Ihrer Kommune. Die Vorgangsbearbeitung wird gerade aufgebaut und folgt in Kürze.',
    en: 'This is where you will handle your municipality’s applications. Case handling is being built and follows shortly.',
  },
  'staff.tenant.you': { de: 'Sie', en: 'You' },
  'staff.tenant.name': { de: 'Name', en: 'Name' },
  'staff.tenant.email': { de: 'E-Mail-Adresse', en: 'E-mail address' },
  'staff.tenant.role': { de: 'Rolle in dieser Kommune', en: 'Role in this municipality' },
  'staff.tenant.municipality': { de: 'Ihre Kommune', en: 'Your municipality' },
  'staff.tenant.district': { de: 'Landkreis', en: 'District' },
  'staff.tenant.ags': { de: 'Gemeindeschlüssel (AGS)', en: 'Municipality key (AGS)' },
  'staff.tenant.phone': { de: 'Telefon', en: 'Phone' },
  'staff.tenant.notListed': { de: 'noch nicht hinterlegt', en: 'not listed yet' },
  'staff.tenant.links': { de: 'Weiter', en: 'Next steps' },
  'staff.tenant.publicPage': { de: 'Öffentliche Seite der Kommune', en: 'The municipality’s public page' },
  'staff.tenant.otherTenants': { de: 'Andere Kommune wählen', en: 'Choose another municipality' },

  'staff.password.title': { de: 'Passwort ändern', en: 'Change password' },
  'staff.password.lead': {
    de: 'Wählen Sie ein Passwort mit mindestens 12 Zeichen. Ein langer Satz, den nur Sie kennen, ist sicher und gut zu merken.',
    en: 'Choose a password of at least 12 characters. A long sentence only you know is safe and easy to remember.',
  },
  'staff.password.current': { de: 'Aktuelles Passwort', en: 'Current password' },
  'staff.password.new': { de: 'Neues Passwort', en: 'New password' },
  'staff.password.newHint': { de: 'Mindestens 12 und höchstens 200 Zeichen.', en: 'At least 12 and at most 200 characters.' },
  'staff.password.confirm': { de: 'Neues Passwort wiederholen', en: 'Repeat the new password' },
  'staff.password.submit': { de: 'Passwort ändern', en: 'Change password' },
  'staff.password.changed': {
    de: 'Ihr Passwort wurde geändert. Alle anderen Sitzungen mit Ihrem Konto wurden beendet.',
    en: 'Your password has been changed. All other sessions of your account have been ended.',
  },
  'staff.password.back': { de: 'Zur Startseite für Beschäftigte', en: 'Back to the staff start page' },
  'staff.password.error.currentMissing': { de: 'Bitte geben Sie Ihr aktuelles Passwort ein.', en: 'Please enter your current password.' },
  'staff.password.error.currentWrong': { de: 'Das aktuelle Passwort ist nicht richtig.', en: 'The current password is not correct.' },
  'staff.password.error.newMissing': { de: 'Bitte geben Sie ein neues Passwort ein.', en: 'Please enter a new password.' },
  'staff.password.error.newPolicy': {
    de: 'Das neue Passwort muss mindestens 12 und höchstens 200 Zeichen lang sein.',
    en: 'The new password must be at least 12 and at most 200 characters long.',
  },
  'staff.password.error.newSameAsOld': {
    de: 'Das neue Passwort muss sich vom aktuellen Passwort unterscheiden.',
    en: 'The new password must differ from the current one.',
  },
  'staff.password.error.confirmMismatch': {
    de: 'Die Wiederholung stimmt nicht mit dem neuen Passwort überein.',
    en: 'The repetition does not match the new password.',
  },
});
