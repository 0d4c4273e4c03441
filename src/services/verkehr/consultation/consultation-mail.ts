/**
 * The e-mail that asks a party for its statement: who asks, on which order, the personal link
 * and the deadline. German only: parties are authorities and companies in Saxony. The mail holds a
 * secret link, so its bodies are blanked once sent.
 */
import type { RenderedMail } from '../../../platform/mail/mail-renderer.js';
import { germanDate } from '../date-text.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Composes the request for a statement. */
export function consultationMail(f: { authority: string; reference: string; party: string; link: string; dueDate: string }): RenderedMail {
  const due = germanDate(f.dueDate);
  const lines = [
    `Guten Tag,`,
    ``,
    `die Straßenverkehrsbehörde der ${f.authority} bittet ${f.party} um eine Stellungnahme zur verkehrsrechtlichen Anordnung ${f.reference}.`,
    ``,
    `Unter diesem persönlichen Link lesen Sie den Antrag und antworten ohne Anmeldung (Zustimmung, Zustimmung mit Auflagen oder Einwände):`,
    f.link,
    ``,
    `Bitte antworten Sie bis zum ${due}. Geben Sie den Link nicht weiter.`,
    ``,
    `Mit freundlichen Grüßen`,
    f.authority,
  ];
  return {
    subject: `Anhörung zur verkehrsrechtlichen Anordnung ${f.reference} – Stellungnahme bis ${due}`,
    text: lines.join('\n'),
    html: lines.map((l) => (l === f.link ? `<p><a href="${escape(l)}">${escape(l)}</a></p>` : l === '' ? '' : `<p>${escape(l)}</p>`)).join('\n'),
  };
}
