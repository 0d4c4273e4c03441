/**
 * Starting texts for a municipality's legal pages, built from its master data. The municipality
 * replaces them with its own wording; they name the municipality as controller and Rathaus Cloud
 * as processor, which holds for every tenant.
 */
import type { TenantPageContent } from '../../platform/db/schema.js';
import type { MunicipalitySeed } from './founding-municipalities.js';

type Kind = 'imprint' | 'privacy' | 'accessibility';

function address(m: MunicipalitySeed): string {
  return `${m.officialName}, ${m.street}, ${m.postalCode} ${m.town}`;
}

/** The three legal pages for a municipality, German and English. */
export function legalPagesFor(m: MunicipalitySeed): Record<Kind, TenantPageContent> {
  const phoneDe = m.phone ? `Telefon: ${m.phone}.` : 'Die Telefonnummer wird in Kürze ergänzt.';
  const phoneEn = m.phone ? `Phone: ${m.phone}.` : 'The phone number will be added shortly.';
  return {
    imprint: {
      de: {
        title: 'Impressum',
        sections: [
          { heading: 'Herausgeber', paragraphs: [address(m), `${phoneDe}${m.website ? ` Website: ${m.website}.` : ''}`] },
          { heading: 'Vertretung', paragraphs: [`Die ${m.statusKind} ${m.shortName} ist eine Körperschaft des öffentlichen Rechts und wird durch ihr Oberhaupt (Bürgermeisterin oder Bürgermeister) vertreten.`] },
          { heading: 'Technischer Betrieb', paragraphs: ['Die Online-Dienste werden auf der Plattform Rathaus Cloud im Auftrag der Kommune betrieben.'] },
        ],
      },
      en: {
        title: 'Imprint',
        sections: [
          { heading: 'Publisher', paragraphs: [address(m), `${phoneEn}${m.website ? ` Website: ${m.website}.` : ''}`] },
          { heading: 'Representation', paragraphs: [`${m.officialName} is a public-law body represented by its mayor.`] },
          { heading: 'Technical operation', paragraphs: ['The online services run on the Rathaus Cloud platform on behalf of the municipality.'] },
        ],
      },
    },
    privacy: {
      de: {
        title: 'Datenschutzerklärung',
        sections: [
          { heading: 'Verantwortliche Stelle', paragraphs: [`Verantwortlich im Sinne von Art. 4 Nr. 7 DSGVO ist: ${address(m)}.`] },
          {
            heading: 'Zweck und Rechtsgrundlage',
            paragraphs: [
              'Ihre Angaben werden verarbeitet, um Ihren Antrag oder Ihre Anzeige zu bearbeiten (Art. 6 Abs. 1 Buchst. c und e DSGVO in Verbindung mit dem jeweiligen Fachrecht, z. B. § 14 GewO oder § 45 StVO).',
            ],
          },
          {
            heading: 'Auftragsverarbeitung',
            paragraphs: ['Die Plattform Rathaus Cloud verarbeitet die Daten im Auftrag der Kommune (Art. 28 DSGVO) in Rechenzentren in Deutschland.'],
          },
          {
            heading: 'Ihre Rechte',
            paragraphs: [
              'Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch. Sie können sich bei der Sächsischen Datenschutz- und Transparenzbeauftragten beschweren.',
            ],
          },
          { heading: 'Cookies', paragraphs: ['Es werden nur technisch notwendige Cookies verwendet (Sprachwahl, Sicherheitsprüfung von Formularen, Anmeldung der Beschäftigten).'] },
        ],
      },
      en: {
        title: 'Privacy notice',
        sections: [
          { heading: 'Controller', paragraphs: [`The controller under Art. 4(7) GDPR is: ${address(m)}.`] },
          {
            heading: 'Purpose and legal basis',
            paragraphs: ['Your data is processed to handle your application or notification (Art. 6(1)(c) and (e) GDPR with the applicable law, e.g. § 14 GewO or § 45 StVO).'],
          },
          { heading: 'Processor', paragraphs: ['The Rathaus Cloud platform processes the data on behalf of the municipality (Art. 28 GDPR) in data centres in Germany.'] },
          {
            heading: 'Your rights',
            paragraphs: [
              'You have the right of access, rectification, erasure, restriction and objection. You may complain to the Saxon Data Protection and Transparency Commissioner.',
            ],
          },
          { heading: 'Cookies', paragraphs: ['Only technically necessary cookies are used (language, form security check, staff sign-in).'] },
        ],
      },
    },
    accessibility: {
      de: {
        title: 'Erklärung zur Barrierefreiheit',
        sections: [
          {
            heading: 'Stand der Vereinbarkeit',
            paragraphs: [
              `Die ${m.officialName} ist bemüht, ihre Online-Dienste im Einklang mit dem Barrierefreie-Websites-Gesetz Sachsen (BfWebG) und der BITV 2.0 barrierefrei zugänglich zu machen. Die Seiten werden automatisiert gegen WCAG 2.1 Stufe AA geprüft.`,
            ],
          },
          {
            heading: 'Feedback und Kontakt',
            paragraphs: [`Wenn Ihnen Mängel auffallen, wenden Sie sich bitte an: ${address(m)}. ${phoneDe}`],
          },
          {
            heading: 'Durchsetzungsverfahren',
            paragraphs: [
              'Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Überwachungsstelle für Barrierefreiheit im Freistaat Sachsen wenden (dzb lesen, Leipzig).',
            ],
          },
        ],
      },
      en: {
        title: 'Accessibility statement',
        sections: [
          {
            heading: 'Compliance status',
            paragraphs: [
              `${m.officialName} strives to make its online services accessible in line with the Saxon Accessible Websites Act (BfWebG) and BITV 2.0. The pages are tested automatically against WCAG 2.1 level AA.`,
            ],
          },
          { heading: 'Feedback and contact', paragraphs: [`If you notice barriers, please contact: ${address(m)}. ${phoneEn}`] },
          {
            heading: 'Enforcement procedure',
            paragraphs: ['If you do not receive a satisfactory answer, you can contact the accessibility monitoring body of the Free State of Saxony (dzb lesen, Leipzig).'],
          },
        ],
      },
    },
  };
}

/** The platform operator's own legal pages. */
export function platformLegalPages(): Record<Kind, TenantPageContent> {
  const operatorDe = 'Betreiber der Plattform: Rathaus Cloud. Die Anschrift des Betreibers wird vom Plattformbetrieb gepflegt.';
  const operatorEn = 'Platform operator: Rathaus Cloud. The operator’s address is maintained by platform operations.';
  return {
    imprint: {
      de: { title: 'Impressum', sections: [{ heading: 'Betreiber', paragraphs: [operatorDe] }] },
      en: { title: 'Imprint', sections: [{ heading: 'Operator', paragraphs: [operatorEn] }] },
    },
    privacy: {
      de: {
        title: 'Datenschutzerklärung',
        sections: [
          {
            heading: 'Diese Seiten',
            paragraphs: [
              'Die Plattformseiten verarbeiten keine personenbezogenen Daten außer technisch notwendigen Cookies. Für Anträge ist die jeweilige Kommune verantwortlich; ihre Datenschutzerklärung finden Sie auf ihrer Seite.',
            ],
          },
        ],
      },
      en: {
        title: 'Privacy notice',
        sections: [
          {
            heading: 'These pages',
            paragraphs: [
              'The platform pages process no personal data apart from technically necessary cookies. For applications, the municipality is the controller; see its privacy notice on its page.',
            ],
          },
        ],
      },
    },
    accessibility: {
      de: {
        title: 'Erklärung zur Barrierefreiheit',
        sections: [
          {
            heading: 'Stand der Vereinbarkeit',
            paragraphs: ['Rathaus Cloud wird gegen WCAG 2.1 Stufe AA (BITV 2.0) entwickelt und automatisiert mit axe-core geprüft; alle Abläufe sind per Tastatur bedienbar.'],
          },
        ],
      },
      en: {
        title: 'Accessibility statement',
        sections: [
          {
            heading: 'Compliance status',
            paragraphs: ['Rathaus Cloud is built against WCAG 2.1 level AA (BITV 2.0) and tested automatically with axe-core; every journey works by keyboard.'],
          },
        ],
      },
    },
  };
}
