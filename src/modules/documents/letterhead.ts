/**
 * The tenant's letterhead as documents print it: official name, address, contact, primary colour
 * and logo. The logo named in `tenants.branding.logoPath` is a PNG or JPEG file below the
 * platform's `assets/` folder (e.g. `logos/wurzen.png`); it is read here and handed to pdfmake
 * as a data URL, so rendering itself never touches the file system.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Trx } from '../../platform/db/database.js';
import type { Letterhead } from './pdf-layout.js';

const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets');
const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };
const MAX_LOGO_BYTES = 1024 * 1024;

/** Reads a logo for the letterhead; undefined when there is none to use (the document is printed without). */
export type LogoSource = (logoPath: string) => Promise<string | undefined>;

/** Logos from the assets folder; paths leaving it, other types and files over 1 MB are ignored. */
export function assetsLogoSource(root: string = ASSETS_DIR): LogoSource {
  return async (logoPath) => {
    const full = path.resolve(root, logoPath);
    const type = LOGO_TYPES[path.extname(full).toLowerCase()];
    if (!type || !full.startsWith(root + path.sep)) return undefined;
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat?.isFile() || stat.size > MAX_LOGO_BYTES) return undefined;
    return `data:${type};base64,${(await fs.readFile(full)).toString('base64')}`;
  };
}

/** Loads a tenant's letterhead inside the caller's transaction. */
export async function loadLetterhead(trx: Trx, tenantId: string, logos: LogoSource): Promise<Letterhead> {
  const t = await trx
    .selectFrom('tenants')
    .select(['official_name', 'street', 'postal_code', 'town', 'phone', 'email', 'website', 'branding'])
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return {
    officialName: t.official_name,
    address: { street: t.street, postalCode: t.postal_code, town: t.town },
    phone: t.phone,
    email: t.email,
    website: t.website,
    primaryColor: t.branding.primaryColor,
    logoDataUrl: t.branding.logoPath ? await logos(t.branding.logoPath) : undefined,
  };
}
