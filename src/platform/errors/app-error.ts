/**
 * The one error catalogue. Every error a user can meet has a stable code, an HTTP status and a
 * German and an English text. Handlers throw `new AppError('tenant.not_found')`; the error
 * handler renders the page (HTML) or an RFC 9457 problem document (API) from the entry.
 * `docs/errors.md` is generated from this table.
 */
import type { Localized } from '../db/schema.js';

export interface ErrorEntry {
  status: number;
  title: Localized;
}

export const errorCatalogue = {
  'http.not_found': {
    status: 404,
    title: { de: 'Diese Seite gibt es nicht.', en: 'This page does not exist.' },
  },
  'http.method_not_allowed': {
    status: 405,
    title: { de: 'Diese Aktion ist hier nicht möglich.', en: 'This action is not possible here.' },
  },
  'http.bad_request': {
    status: 400,
    title: { de: 'Die Anfrage ist ungültig.', en: 'The request is invalid.' },
  },
  'http.payload_too_large': {
    status: 413,
    title: { de: 'Die gesendeten Daten sind zu groß.', en: 'The data sent is too large.' },
  },
  'http.unsupported_media_type': {
    status: 415,
    title: { de: 'Dieses Datenformat wird nicht angenommen.', en: 'This data format is not accepted.' },
  },
  'http.internal': {
    status: 500,
    title: {
      de: 'Es ist ein technischer Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.',
      en: 'A technical error occurred. Please try again later.',
    },
  },
  'http.unavailable': {
    status: 503,
    title: { de: 'Der Dienst ist gerade nicht verfügbar.', en: 'The service is currently unavailable.' },
  },
  'csrf.invalid': {
    status: 403,
    title: {
      de: 'Die Sicherheitsprüfung des Formulars ist fehlgeschlagen. Bitte laden Sie die Seite neu und senden Sie das Formular noch einmal.',
      en: 'The form failed its security check. Please reload the page and send the form again.',
    },
  },
  'auth.required': {
    status: 401,
    title: { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  },
  'auth.invalid_credentials': {
    status: 401,
    title: { de: 'E-Mail-Adresse oder Passwort ist falsch.', en: 'The e-mail address or password is wrong.' },
  },
  'auth.throttled': {
    status: 429,
    title: {
      de: 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
      en: 'Too many failed sign-in attempts. Please wait a few minutes and try again.',
    },
  },
  'auth.forbidden': {
    status: 404,
    title: { de: 'Diese Seite gibt es nicht.', en: 'This page does not exist.' },
  },
  'auth.password_policy': {
    status: 400,
    title: {
      de: 'Das neue Passwort muss mindestens 12 Zeichen lang sein und darf nicht dem alten entsprechen.',
      en: 'The new password must be at least 12 characters long and differ from the old one.',
    },
  },
  'case.not_found': {
    status: 404,
    title: { de: 'Diesen Vorgang gibt es nicht.', en: 'This case does not exist.' },
  },
  'case.concurrent_modification': {
    status: 409,
    title: {
      de: 'Der Vorgang wurde inzwischen von jemand anderem bearbeitet. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand, bevor Sie fortfahren.',
      en: 'Someone else has worked on this case in the meantime. Please reload the page and check its current state before you continue.',
    },
  },
  'case.transition_unknown': {
    status: 404,
    title: { de: 'Diesen Bearbeitungsschritt gibt es für diesen Vorgang nicht.', en: 'This step does not exist for this case.' },
  },
  'case.transition_not_available': {
    status: 409,
    title: {
      de: 'Dieser Bearbeitungsschritt ist im aktuellen Stand des Vorgangs nicht möglich.',
      en: 'This step is not possible in the current state of the case.',
    },
  },
  'case.transition_forbidden': {
    status: 403,
    title: { de: 'Diesen Bearbeitungsschritt dürfen Sie nicht ausführen.', en: 'You may not take this step.' },
  },
  'case.transition_guard_failed': {
    status: 409,
    title: {
      de: 'Die Voraussetzungen für diesen Bearbeitungsschritt sind nicht erfüllt.',
      en: 'The conditions for this step are not met.',
    },
  },
  'document.not_found': {
    status: 404,
    title: { de: 'Dieses Dokument gibt es nicht.', en: 'This document does not exist.' },
  },
  'document.not_latest': {
    status: 409,
    title: {
      de: 'Von diesem Dokument gibt es eine neuere Fassung. Bitte geben Sie die neueste Fassung frei.',
      en: 'There is a newer version of this document. Please release the newest version.',
    },
  },
  'document.revoked': {
    status: 409,
    title: { de: 'Dieses Dokument wurde widerrufen und kann nicht freigegeben werden.', en: 'This document has been revoked and cannot be released.' },
  },
  'document.verification_throttled': {
    status: 429,
    title: {
      de: 'Zu viele Prüfungen in kurzer Zeit. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
      en: 'Too many checks in a short time. Please wait a few minutes and try again.',
    },
  },
  'delivery.not_found': {
    status: 404,
    title: { de: 'Diese Übermittlung gibt es nicht.', en: 'This delivery does not exist.' },
  },
  'delivery.already_delivered': {
    status: 409,
    title: { de: 'Diese Übermittlung ist bereits zugestellt und wird nicht noch einmal gesendet.', en: 'This delivery has already been delivered and is not sent again.' },
  },
  'delivery.in_progress': {
    status: 409,
    title: {
      de: 'Diese Übermittlung wird gerade gesendet. Bitte laden Sie die Seite in einigen Minuten neu.',
      en: 'This delivery is being sent right now. Please reload the page in a few minutes.',
    },
  },
  'delivery.channel_unavailable': {
    status: 409,
    title: {
      de: 'Der Übermittlungsweg ist abgeschaltet oder nicht mehr eingerichtet. Bitte wenden Sie sich an die Administration Ihrer Kommune.',
      en: 'The delivery channel is switched off or no longer set up. Please contact your municipality’s administrator.',
    },
  },
  'delivery.channel_invalid': {
    status: 409,
    title: {
      de: 'Die Einstellungen des Übermittlungswegs sind ungültig. Bitte wenden Sie sich an die Administration Ihrer Kommune.',
      en: 'The settings of the delivery channel are invalid. Please contact your municipality’s administrator.',
    },
  },
  'request.not_found': {
    status: 404,
    title: { de: 'Diese Nachforderung gibt es nicht.', en: 'This information request does not exist.' },
  },
  'request.not_open': {
    status: 409,
    title: {
      de: 'Diese Nachforderung ist nicht mehr offen: Sie wurde bereits beantwortet oder zurückgenommen.',
      en: 'This information request is no longer open: it has already been answered or withdrawn.',
    },
  },
  'request.case_closed': {
    status: 409,
    title: {
      de: 'Der Vorgang ist abgeschlossen. Zu einem abgeschlossenen Vorgang können keine Angaben nachgefordert werden.',
      en: 'The case is closed. Information cannot be requested for a closed case.',
    },
  },
  'consultation.link_invalid': {
    status: 404,
    title: {
      de: 'Dieser Link zur Stellungnahme ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben, oder fragen Sie bei der Straßenverkehrsbehörde nach.',
      en: 'This link for a statement is not valid. Please check that you copied it completely from the e-mail, or ask the road traffic authority.',
    },
  },
  'consultation.expired': {
    status: 410,
    title: {
      de: 'Die Frist für diese Stellungnahme ist abgelaufen. Bitte wenden Sie sich direkt an die Straßenverkehrsbehörde.',
      en: 'The period for this statement has expired. Please contact the road traffic authority directly.',
    },
  },
  'consultation.closed': {
    status: 409,
    title: {
      de: 'Zu diesem Vorgang kann keine Anhörung mehr gestartet werden: Er ist abgeschlossen oder keine verkehrsrechtliche Anordnung.',
      en: 'No consultation can be started on this case: it is closed or not a traffic order.',
    },
  },
  'submission.draft_not_found': {
    status: 404,
    title: {
      de: 'Dieser Antrag wurde nicht gefunden. Vielleicht ist der Link abgelaufen oder unvollständig. Gespeicherte Anträge werden nach einiger Zeit gelöscht.',
      en: 'This application was not found. The link may have expired or be incomplete. Saved applications are deleted after a while.',
    },
  },
  'status.not_found': {
    status: 404,
    title: {
      de: 'Zu diesem Link gibt es keinen Antrag. Vielleicht wurde der Link ersetzt oder ist unvollständig.',
      en: 'There is no application for this link. The link may have been replaced or be incomplete.',
    },
  },
  'tenant.not_found': {
    status: 404,
    title: { de: 'Diese Kommune nimmt nicht an Rathaus Cloud teil.', en: 'This municipality is not part of Rathaus Cloud.' },
  },
  'validation.failed': {
    status: 400,
    title: { de: 'Bitte prüfen Sie Ihre Angaben.', en: 'Please check your entries.' },
  },
  'upload.too_large': {
    status: 413,
    title: { de: 'Die Datei ist größer als erlaubt.', en: 'The file is larger than allowed.' },
  },
  'upload.total_too_large': {
    status: 413,
    title: {
      de: 'Die Dateien dieses Antrags sind zusammen größer als erlaubt.',
      en: 'The files of this application are larger in total than allowed.',
    },
  },
  'upload.type_not_allowed': {
    status: 415,
    title: { de: 'Dieser Dateityp wird nicht angenommen.', en: 'This file type is not accepted.' },
  },
  'upload.type_mismatch': {
    status: 415,
    title: {
      de: 'Der Inhalt der Datei passt nicht zu ihrer Dateiendung.',
      en: 'The content of the file does not match its file name extension.',
    },
  },
  'upload.too_many_files': {
    status: 400,
    title: { de: 'Es wurden zu viele Dateien gesendet.', en: 'Too many files were sent.' },
  },
  'upload.unexpected_file': {
    status: 400,
    title: { de: 'Für dieses Feld können keine Dateien hochgeladen werden.', en: 'Files cannot be uploaded for this field.' },
  },
  'upload.empty': {
    status: 400,
    title: { de: 'Die Datei ist leer.', en: 'The file is empty.' },
  },
  'upload.infected': {
    status: 422,
    title: {
      de: 'Die Datei wurde nicht angenommen, weil die Virenprüfung Schadsoftware gemeldet hat.',
      en: 'The file was not accepted because the virus scan reported malware.',
    },
  },
  'upload.scan_failed': {
    status: 422,
    title: {
      de: 'Die Datei konnte nicht auf Schadsoftware geprüft werden und wurde deshalb nicht angenommen.',
      en: 'The file could not be checked for malware and was therefore not accepted.',
    },
  },
  'upload.scanner_unavailable': {
    status: 503,
    title: {
      de: 'Dateien können gerade nicht angenommen werden, weil die Virenprüfung nicht erreichbar ist. Bitte versuchen Sie es in einigen Minuten erneut.',
      en: 'Files cannot be accepted right now because the virus scan is unreachable. Please try again in a few minutes.',
    },
  },
  'upload.storage_unavailable': {
    status: 503,
    title: {
      de: 'Dateien können gerade nicht gespeichert werden. Bitte versuchen Sie es in einigen Minuten erneut.',
      en: 'Files cannot be stored right now. Please try again in a few minutes.',
    },
  },
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A field-level problem: the path of the field and a message in both languages. */
export interface FieldError {
  path: string;
  message: Localized;
}

/** An error that users may see; the code selects status and text from the catalogue. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: FieldError[] = [],
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(code, options?.cause ? { cause: options.cause } : undefined);
    this.status = errorCatalogue[code].status;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly retryAfterSeconds: number | undefined;
}

/** Markdown table of the catalogue, for docs/errors.md. */
export function renderErrorsDoc(): string {
  const rows = Object.entries(errorCatalogue).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.title.de} | ${e.title.en} |`);
  return [
    '# Error catalogue',
    '',
    'Generated from `src/platform/errors/app-error.ts` by `npx rathaus docs`; do not edit by hand.',
    'API responses carry the code as `type` (`urn:rathaus:error:<code>`) in an RFC 9457 problem document.',
    '',
    '| code | HTTP | Deutsch | English |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
