/**
 * The 18 municipalities of the back-office benchmark (B3): the five founding ones plus thirteen
 * towns of the Landkreis Leipzig. The extra towns' master data is shaped like the real thing but
 * made up (AGS 147299xx is not assigned), so nothing here is mistaken for confirmed facts.
 *
 * Cases are spread over the towns by a Zipf law (share ∝ 1/rank): a platform's tenants differ
 * by orders of magnitude, and the largest one — the one measured — then holds about 30 % of all
 * cases, 300,000 of a million.
 */
import type { MunicipalitySeed } from '../../src/modules/tenants/founding-municipalities.js';

const EXTRA_TOWNS: readonly [slug: string, name: string, code: string][] = [
  ['grimma', 'Grimma', 'GRI'],
  ['borna', 'Borna', 'BOR'],
  ['markkleeberg', 'Markkleeberg', 'MKL'],
  ['markranstaedt', 'Markranstädt', 'MRS'],
  ['naunhof', 'Naunhof', 'NAU'],
  ['brandis', 'Brandis', 'BRA'],
  ['colditz', 'Colditz', 'COL'],
  ['bad-lausick', 'Bad Lausick', 'BLA'],
  ['geithain', 'Geithain', 'GEI'],
  ['frohburg', 'Frohburg', 'FRO'],
  ['groitzsch', 'Groitzsch', 'GRO'],
  ['pegau', 'Pegau', 'PEG'],
  ['zwenkau', 'Zwenkau', 'ZWE'],
];

/** The thirteen towns added to the founding five (made-up master data, see the file comment). */
export function extraBenchTowns(): MunicipalitySeed[] {
  return EXTRA_TOWNS.map(([slug, name, code], i) => ({
    slug,
    referenceCode: code,
    officialName: `Stadt ${name}`,
    shortName: name,
    registerName: `${name}, Stadt`,
    statusKind: 'Stadt',
    ags: `147299${String(10 + i).padStart(2, '0')}`,
    ars: null,
    district: 'Leipzig',
    street: 'Markt 1',
    postalCode: `04${String(500 + i * 7).padStart(3, '0')}`,
    town: name,
    phone: null,
    website: null,
    unconfirmedFacts: ['benchmark data: made-up master data'],
  }));
}

/** How many of `total` cases each of `count` tenants gets, largest first (Zipf, exponent 1); the counts add up to `total`. */
export function zipfShares(total: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  shares[0]! += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}
