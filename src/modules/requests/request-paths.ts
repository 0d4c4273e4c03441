/** The URLs of information requests, in one place so pages, panel and tests agree. */
import { caseUrl } from '../backoffice/backoffice-paths.js';

/** The staff form of a case's new request (GET shows it, POST makes the request). */
export function requestFormPath(tenantSlug: string, caseId: string): string {
  return `${caseUrl(tenantSlug, caseId)}/nachforderung`;
}

/** Withdrawing an open request (POST). */
export function withdrawRequestPath(tenantSlug: string, caseId: string, requestId: string): string {
  return `${requestFormPath(tenantSlug, caseId)}/${requestId}/zuruecknehmen`;
}

/** Acknowledging the answers of a case, which clears the inbox marker (POST). */
export function acknowledgeAnswersPath(tenantSlug: string, caseId: string): string {
  return `${requestFormPath(tenantSlug, caseId)}/gesehen`;
}

/** Where the panel sits on the case page. */
export function requestsPanelUrl(tenantSlug: string, caseId: string): string {
  return `${caseUrl(tenantSlug, caseId)}#panel-requests`;
}

/** A case file for staff (the back office's attachment download). */
export function caseFilePath(tenantSlug: string, caseId: string, fileId: string): string {
  return `${caseUrl(tenantSlug, caseId)}/dateien/${fileId}`;
}

/** The applicant's status page. */
export function statusPagePath(tenantSlug: string, token: string): string {
  return `/${tenantSlug}/status/${token}`;
}

/** The applicant's answer page of one request (GET shows it, POST answers). */
export function answerPath(tenantSlug: string, token: string, requestId: string): string {
  return `${statusPagePath(tenantSlug, token)}/rueckfragen/${requestId}`;
}
