/** The back office's URLs below `/{tenant}/staff`, in one place so pages and tests agree. */

/** The inbox. */
export function inboxPath(tenantSlug: string): string {
  return `/${tenantSlug}/staff/vorgaenge`;
}

/** A case page. */
export function caseUrl(tenantSlug: string, caseId: string): string {
  return `${inboxPath(tenantSlug)}/${caseId}`;
}

/** "My tasks". */
export function tasksPath(tenantSlug: string): string {
  return `/${tenantSlug}/staff/aufgaben`;
}

/** The dashboard. */
export function dashboardPath(tenantSlug: string): string {
  return `/${tenantSlug}/staff/auswertung`;
}
