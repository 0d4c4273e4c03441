/**
 * Checks the master data of a new municipality before {@link createTenant} stores it: every
 * field gets a German and an English message naming it, and all problems are reported at once.
 * Used by `rathaus tenant create`; an operator screen can use the same function.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { Database } from '../../platform/db/database.js';
import type { FieldError } from '../../platform/errors/app-error.js';
import { RESERVED_SLUGS } from '../catalog/catalog-routes.js';
import type { MunicipalitySeed } from './founding-municipalities.js';

export type NewTenantInput = Partial<Record<NewTenantField, string>>;

export type NewTenantField =
  | 'slug'
  | 'officialName'
  | 'shortName'
  | 'referenceCode'
  | 'registerName'
  | 'statusKind'
  | 'ags'
  | 'ars'
  | 'district'
  | 'street'
  | 'postalCode'
  | 'town'
  | 'phone'
  | 'website';

/** How each field is called in messages. */
export const NEW_TENANT_LABELS: Record<NewTenantField, Localized> = {
  slug: { de: 'die Kurzadresse (slug)', en: 'the short address (slug)' },
  officialName: { de: 'den amtlichen Namen', en: 'the official name' },
  shortName: { de: 'den Kurznamen', en: 'the short name' },
  referenceCode: { de: 'das Kürzel für Aktenzeichen', en: 'the reference-number prefix' },
  registerName: { de: 'den Namen laut Gemeindeverzeichnis', en: 'the name in the municipal register' },
  statusKind: { de: 'die Gemeindeart', en: 'the kind of municipality' },
  ags: { de: 'den Amtlichen Gemeindeschlüssel (AGS)', en: 'the official municipality key (AGS)' },
  ars: { de: 'den Amtlichen Regionalschlüssel (ARS)', en: 'the official regional key (ARS)' },
  district: { de: 'den Landkreis', en: 'the district (Landkreis)' },
  street: { de: 'Straße und Hausnummer des Rathauses', en: 'the street and number of the town hall' },
  postalCode: { de: 'die Postleitzahl', en: 'the postal code' },
  town: { de: 'den Ort', en: 'the town' },
  phone: { de: 'die Telefonnummer', en: 'the phone number' },
  website: { de: 'die Website', en: 'the website' },
};

const REQUIRED: NewTenantField[] = ['slug', 'officialName', 'shortName', 'ags', 'district', 'street', 'postalCode', 'town'];

/** Kinds of municipality recognised at the start of an official name (longest first). */
const STATUS_KINDS = ['Große Kreisstadt', 'Kreisfreie Stadt', 'Hansestadt', 'Stadt', 'Gemeinde', 'Markt'];

const MAX_LENGTH = 150;

function problem(path: NewTenantField, de: string, en: string): FieldError {
  return { path, message: { de, en } };
}

/** The default prefix of reference numbers: the first three letters of the short name (Wurzen → WUR). */
function referenceCodeFrom(shortName: string): string {
  const ascii = shortName.replace(/Ä/gi, 'AE').replace(/Ö/gi, 'OE').replace(/Ü/gi, 'UE').replace(/ß/g, 'SS');
  return ascii.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3);
}

/** `https://www.wurzen.de/` → `www.wurzen.de`: the pages link to `https://<website>`. */
function normaliseWebsite(raw: string): string | null {
  const bare = raw.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(\/[A-Za-z0-9._~\-/]*)?$/i.test(bare)) return null;
  return bare.toLowerCase();
}

export type NewTenantResult = { ok: true; value: MunicipalitySeed } | { ok: false; errors: FieldError[] };

/** Checks the input on its own (formats, reserved names); {@link findTenantConflicts} checks the database. */
export function parseNewTenant(input: NewTenantInput): NewTenantResult {
  const errors: FieldError[] = [];
  const value = (field: NewTenantField) => input[field]?.trim() ?? '';
  for (const field of REQUIRED) {
    if (value(field) === '') errors.push(problem(field, `Bitte geben Sie ${NEW_TENANT_LABELS[field].de} an.`, `Please enter ${NEW_TENANT_LABELS[field].en}.`));
  }
  for (const field of Object.keys(NEW_TENANT_LABELS) as NewTenantField[]) {
    if (value(field).length > MAX_LENGTH) {
      errors.push(problem(field, `Bitte kürzen Sie ${NEW_TENANT_LABELS[field].de} auf höchstens ${MAX_LENGTH} Zeichen.`, `Please shorten ${NEW_TENANT_LABELS[field].en} to at most ${MAX_LENGTH} characters.`));
    }
  }

  const slug = value('slug');
  if (slug && !/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) {
    errors.push(
      problem(
        'slug',
        'Die Kurzadresse (slug) darf nur Kleinbuchstaben a–z, Ziffern und Bindestriche enthalten, muss mit einem Buchstaben oder einer Ziffer beginnen und 2 bis 63 Zeichen lang sein, z. B. bad-lausick.',
        'The short address (slug) may contain only lower-case letters a–z, digits and hyphens, must start with a letter or digit and be 2 to 63 characters long, e.g. bad-lausick.',
      ),
    );
  } else if (RESERVED_SLUGS.includes(slug)) {
    errors.push(problem('slug', `Die Kurzadresse „${slug}“ ist für Seiten der Plattform reserviert.`, `The short address "${slug}" is reserved for pages of the platform.`));
  }

  const ags = value('ags');
  if (ags && !/^[0-9]{8}$/.test(ags)) {
    errors.push(problem('ags', 'Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern, z. B. 14729410.', 'The official municipality key (AGS) consists of exactly 8 digits, e.g. 14729410.'));
  } else if (ags && !(Number(ags.slice(0, 2)) >= 1 && Number(ags.slice(0, 2)) <= 16)) {
    errors.push(problem('ags', 'Die ersten beiden Ziffern des AGS bezeichnen das Land und liegen zwischen 01 und 16.', 'The first two digits of the AGS name the Land and lie between 01 and 16.'));
  }
  const ars = value('ars');
  if (ars && !/^[0-9]{12}$/.test(ars)) {
    errors.push(problem('ars', 'Der Amtliche Regionalschlüssel (ARS) besteht aus genau 12 Ziffern, z. B. 147290410410.', 'The official regional key (ARS) consists of exactly 12 digits, e.g. 147290410410.'));
  } else if (ars && /^[0-9]{8}$/.test(ags) && (ars.slice(0, 5) !== ags.slice(0, 5) || ars.slice(9) !== ags.slice(5))) {
    // ARS = Land, Regierungsbezirk, Kreis (5) + Gemeindeverband (4) + Gemeinde (3); the AGS is the ARS without the Verband.
    errors.push(
      problem(
        'ars',
        'Der Regionalschlüssel passt nicht zum Gemeindeschlüssel: die Stellen 1–5 und 10–12 des ARS müssen den Stellen 1–5 und 6–8 des AGS entsprechen.',
        'The regional key does not match the municipality key: digits 1–5 and 10–12 of the ARS must equal digits 1–5 and 6–8 of the AGS.',
      ),
    );
  }
  const referenceCode = value('referenceCode') || referenceCodeFrom(value('shortName'));
  if (value('shortName') && !/^[A-Z0-9]{2,8}$/.test(referenceCode)) {
    errors.push(
      problem(
        'referenceCode',
        'Das Kürzel für Aktenzeichen besteht aus 2 bis 8 Großbuchstaben A–Z oder Ziffern, z. B. WUR.',
        'The reference-number prefix consists of 2 to 8 capital letters A–Z or digits, e.g. WUR.',
      ),
    );
  }
  const postalCode = value('postalCode');
  if (postalCode && !/^[0-9]{5}$/.test(postalCode)) {
    errors.push(problem('postalCode', 'Die Postleitzahl besteht aus genau 5 Ziffern, z. B. 04808.', 'The postal code consists of exactly 5 digits, e.g. 04808.'));
  }
  const phone = value('phone');
  if (phone && !/^\+?[0-9][0-9 ()/-]{4,28}[0-9]$/.test(phone)) {
    errors.push(problem('phone', 'Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten, z. B. 03425 8560-0.', 'The phone number may contain only digits, spaces and + ( ) / -, e.g. 03425 8560-0.'));
  }
  const websiteRaw = value('website');
  const website = websiteRaw ? normaliseWebsite(websiteRaw) : null;
  if (websiteRaw && !website) {
    errors.push(problem('website', 'Die Website muss eine Adresse wie wurzen.de oder https://www.wurzen.de sein.', 'The website must be an address like wurzen.de or https://www.wurzen.de.'));
  }
  if (errors.length > 0) return { ok: false, errors };

  const officialName = value('officialName');
  const shortName = value('shortName');
  return {
    ok: true,
    value: {
      slug,
      officialName,
      shortName,
      referenceCode,
      registerName: value('registerName') || shortName,
      statusKind: value('statusKind') || (STATUS_KINDS.find((k) => officialName.startsWith(`${k} `)) ?? 'Gemeinde'),
      ags,
      ars: ars || null,
      district: value('district'),
      street: value('street'),
      postalCode,
      town: value('town'),
      phone: phone || null,
      website,
      unconfirmedFacts: [],
    },
  };
}

/** Errors for a slug or AGS another municipality already has. */
export async function findTenantConflicts(db: Database, tenant: Pick<MunicipalitySeed, 'slug' | 'ags' | 'referenceCode'>): Promise<FieldError[]> {
  const existing = await db.kysely
    .selectFrom('tenants')
    .select(['slug', 'ags', 'reference_code', 'official_name'])
    .where((eb) => eb.or([eb('slug', '=', tenant.slug), eb('ags', '=', tenant.ags), eb('reference_code', '=', tenant.referenceCode)]))
    .execute();
  const errors: FieldError[] = [];
  const sameSlug = existing.find((t) => t.slug === tenant.slug);
  if (sameSlug) errors.push(problem('slug', `Die Kurzadresse „${tenant.slug}“ hat schon ${sameSlug.official_name}.`, `The short address "${tenant.slug}" already belongs to ${sameSlug.official_name}.`));
  const sameAgs = existing.find((t) => t.ags === tenant.ags);
  if (sameAgs) errors.push(problem('ags', `Den Gemeindeschlüssel ${tenant.ags} hat schon ${sameAgs.official_name}.`, `The municipality key ${tenant.ags} already belongs to ${sameAgs.official_name}.`));
  // Aktenzeichen are read without the municipality's name, so their prefixes must tell them apart.
  const sameCode = existing.find((t) => t.reference_code === tenant.referenceCode);
  if (sameCode) {
    errors.push(
      problem(
        'referenceCode',
        `Das Kürzel ${tenant.referenceCode} verwendet schon ${sameCode.official_name}; bitte wählen Sie ein anderes.`,
        `The prefix ${tenant.referenceCode} is already used by ${sameCode.official_name}; please choose another.`,
      ),
    );
  }
  return errors;
}
