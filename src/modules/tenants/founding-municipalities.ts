/**
 * Master data of the five founding municipalities, from `shared/domain/tenants.md`. These are
 * seed values only: everything is editable data afterwards. Facts the research marked [?] are
 * listed in `unconfirmedFacts` so the operator can confirm them with the town.
 */
export interface MunicipalitySeed {
  slug: string;
  officialName: string;
  shortName: string;
  /** Prefix of reference numbers, e.g. WUR in WUR-GEW-2026-000123. */
  referenceCode: string;
  registerName: string;
  statusKind: string;
  ags: string;
  ars: string | null;
  district: string;
  street: string;
  postalCode: string;
  town: string;
  phone: string | null;
  website: string | null;
  unconfirmedFacts: string[];
}

export const FOUNDING_MUNICIPALITIES: readonly MunicipalitySeed[] = [
  {
    slug: 'wurzen',
    referenceCode: 'WUR',
    officialName: 'Große Kreisstadt Wurzen',
    shortName: 'Wurzen',
    registerName: 'Wurzen, Stadt',
    statusKind: 'Große Kreisstadt',
    ags: '14729410',
    ars: '147290410410',
    district: 'Leipzig',
    street: 'Friedrich-Ebert-Straße 2',
    postalCode: '04808',
    town: 'Wurzen',
    phone: '03425 8560-0',
    website: 'wurzen.de',
    unconfirmedFacts: ['ars', 'opening_hours', 'email'],
  },
  {
    slug: 'bennewitz',
    referenceCode: 'BEN',
    officialName: 'Gemeinde Bennewitz',
    shortName: 'Bennewitz',
    registerName: 'Bennewitz',
    statusKind: 'Gemeinde',
    ags: '14729030',
    ars: '147290030030',
    district: 'Leipzig',
    street: 'Bahnhofstraße 24',
    postalCode: '04828',
    town: 'Bennewitz',
    phone: '03425 8932-0',
    website: 'gemeinde-bennewitz.de',
    unconfirmedFacts: ['ars', 'opening_hours', 'email'],
  },
  {
    slug: 'lossatal',
    referenceCode: 'LOS',
    officialName: 'Gemeinde Lossatal',
    shortName: 'Lossatal',
    registerName: 'Lossatal',
    statusKind: 'Gemeinde',
    ags: '14729245',
    ars: '147290245245',
    district: 'Leipzig',
    street: 'Karl-Marx-Straße 14',
    postalCode: '04808',
    town: 'Lossatal',
    phone: null,
    website: 'lossatal.eu',
    unconfirmedFacts: ['ars', 'phone', 'opening_hours', 'email'],
  },
  {
    slug: 'thallwitz',
    referenceCode: 'THA',
    officialName: 'Gemeinde Thallwitz',
    shortName: 'Thallwitz',
    registerName: 'Thallwitz',
    statusKind: 'Gemeinde',
    ags: '14729380',
    ars: '147290380380',
    district: 'Leipzig',
    street: 'Dorfplatz 5',
    postalCode: '04808',
    town: 'Thallwitz',
    phone: null,
    website: 'gemeinde-thallwitz.de',
    unconfirmedFacts: ['phone', 'opening_hours', 'email'],
  },
  {
    slug: 'augustusburg',
    referenceCode: 'AUG',
    officialName: 'Stadt Augustusburg',
    shortName: 'Augustusburg',
    registerName: 'Augustusburg, Stadt',
    statusKind: 'Stadt',
    ags: '14522020',
    ars: '145220020020',
    district: 'Mittelsachsen',
    street: 'Marienberger Straße 24',
    postalCode: '09573',
    town: 'Augustusburg',
    phone: null,
    website: 'augustusburg.de',
    unconfirmedFacts: ['ars', 'phone', 'opening_hours', 'email'],
  },
];

/** The procedures on the platform's roadmap; each becomes "online" per tenant once its definition ships. */
export const CATALOG_SERVICES = [
  {
    id: 'gewerbe-anmeldung',
    leikaKey: '99050012104000',
    topic: 'gewerbe',
    sortOrder: 10,
    name: { de: 'Gewerbe anmelden', en: 'Register a business' },
    summary: {
      de: 'Gewerbeanzeige nach § 14 GewO (GewA 1), wenn Sie ein Gewerbe beginnen oder übernehmen.',
      en: 'Trade notification under § 14 GewO (GewA 1) when you start or take over a business.',
    },
  },
  {
    id: 'gewerbe-ummeldung',
    leikaKey: null,
    topic: 'gewerbe',
    sortOrder: 20,
    name: { de: 'Gewerbe ummelden', en: 'Change a business registration' },
    summary: {
      de: 'Gewerbeanzeige (GewA 2), wenn Sie Ihren Betrieb verlegen oder die Tätigkeit ändern.',
      en: 'Trade notification (GewA 2) when you move your business or change its activity.',
    },
  },
  {
    id: 'gewerbe-abmeldung',
    leikaKey: null,
    topic: 'gewerbe',
    sortOrder: 30,
    name: { de: 'Gewerbe abmelden', en: 'Deregister a business' },
    summary: {
      de: 'Gewerbeanzeige (GewA 3), wenn Sie Ihren Betrieb aufgeben.',
      en: 'Trade notification (GewA 3) when you close your business.',
    },
  },
  {
    id: 'verkehrsrechtliche-anordnung',
    leikaKey: '99108011153000',
    topic: 'verkehr',
    sortOrder: 40,
    name: { de: 'Verkehrsrechtliche Anordnung beantragen', en: 'Apply for a traffic order' },
    summary: {
      de: 'Halteverbotszone für Umzug oder Lieferung, Baustelle, Kran, Container oder Veranstaltung auf der Straße (§ 45 StVO).',
      en: 'No-parking zone for a move or delivery, road works, crane, container or street event (§ 45 StVO).',
    },
  },
] as const;
