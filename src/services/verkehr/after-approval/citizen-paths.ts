/** The applicant's pages of an approved traffic order, below the status link (`/{tenant}/status/{token}`). */
export function afterApprovalPaths(statusPath: string): { setup: string; completion: string; extension: string } {
  return { setup: `${statusPath}/aufstellprotokoll`, completion: `${statusPath}/fertigmeldung`, extension: `${statusPath}/verlaengerung` };
}
