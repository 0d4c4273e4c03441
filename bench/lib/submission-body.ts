/**
 * The body of one benchmark submission: the complete GewA1 answers of the web designer
 * (src/services/gewerbe/testing), with a new applicant each time whose home and business lie in
 * the receiving municipality. Used by the load generator and by the scale-out test.
 */
import { webDesignerAnswers } from '../../src/services/gewerbe/testing/gewerbe-answers.js';
import type { SubmissionTenant } from './load.js';

/** Letters for a counter, so every name is new and still passes the name field's rules. */
function lettersOf(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** Returns a function that gives the JSON body of the n-th submission to a municipality. */
export function submissionBodies(now = new Date()): (n: number, tenant: SubmissionTenant) => string {
  const base = webDesignerAnswers(now);
  return (n, t) => {
    const address = { street: 'Markt', houseNumber: String(1 + (n % 40)), postalCode: t.postalCode, town: t.town, country: 'DE' };
    return JSON.stringify({ ...base, name: { given: 'Jörg', family: `Müßig-${lettersOf(n)}` }, email: `joerg.${lettersOf(n)}@example.org`, homeAddress: address, businessAddress: address });
  };
}
