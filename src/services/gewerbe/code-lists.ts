/**
 * The code lists the Gewerbe forms share, read from the versioned data files in `data/`: WZ 2008
 * (activity), nationalities with their Destatis keys, register courts and chambers of crafts.
 * They are injected into each definition's `codeLists` before loading, so the published content
 * of a service version (and its hash) includes the exact list it was published with.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Choice } from '../../definitions/core/field-type.js';

const DATA_DIR = path.join(import.meta.dirname, 'data');

/** One WZ 2008 class or subclass, e.g. `96.02.1` Friseursalons. */
export interface WzEntry {
  code: string;
  de: string;
  en: string;
  /** The keyword of the Destatis index XGewerbeanzeige sends as `stichwort` (default: the title). */
  keyword?: string;
}

/** A nationality / state with its ISO 3166-1 alpha-2 code and Destatis key. */
export interface NationalityEntry {
  iso: string;
  destatis: string;
  de: string;
  en: string;
  /** EU, EEA or Switzerland: self-employment needs no residence title. */
  freeMovement?: boolean;
}

/** A register court or chamber of crafts with its address and, where known, its key. */
export interface AuthorityEntry {
  code: string;
  de: string;
  en?: string;
  town?: string;
  postalCode?: string;
  key?: string;
}

/** The Gewerbe reference data, read once per package. */
export interface GewerbeCodeLists {
  wz: ReadonlyMap<string, WzEntry>;
  nationalities: ReadonlyMap<string, NationalityEntry>;
  registerCourts: ReadonlyMap<string, AuthorityEntry>;
  craftChambers: ReadonlyMap<string, AuthorityEntry>;
  /** The lists as definition code lists, by the names the definitions use. */
  choices: Record<string, Choice[]>;
}

function readEntries<T>(file: string): T[] {
  return (JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as { entries: T[] }).entries;
}

const byKey = <T, K extends keyof T>(entries: T[], key: K) => new Map(entries.map((e) => [String(e[key]), e]));

/** Reads the data files; a malformed file fails the start. */
export function loadGewerbeCodeLists(): GewerbeCodeLists {
  const wz = readEntries<WzEntry>('wz2008.json');
  const nationalities = readEntries<NationalityEntry>('nationalities.json');
  const courts = readEntries<AuthorityEntry>('register-courts.json');
  const chambers = readEntries<AuthorityEntry>('craft-chambers.json');
  const authorityChoice = (e: AuthorityEntry): Choice => ({ value: e.code, label: { de: e.de, en: e.en ?? e.de } });
  return {
    wz: byKey(wz, 'code'),
    nationalities: byKey(nationalities, 'iso'),
    registerCourts: byKey(courts, 'code'),
    craftChambers: byKey(chambers, 'code'),
    choices: {
      wz2008: wz.map((e) => ({ value: e.code, label: { de: `${e.code} ${e.de}`, en: `${e.code} ${e.en}` } })),
      nationalities: nationalities.map((e) => ({ value: e.iso, label: { de: e.de, en: e.en } })),
      countries: nationalities.filter((e) => e.iso !== 'XA' && e.iso !== 'XU').map((e) => ({ value: e.iso, label: { de: e.de, en: e.en } })),
      registerCourts: courts.map(authorityChoice),
      craftChambers: chambers.map(authorityChoice),
    },
  };
}

/** The 5-digit WZ key XGewerbeanzeige sends (`96.02.1` → `96021`, `62.01` → `62010`). */
export function wzKey(code: string): string {
  return code.replace(/\./g, '').padEnd(5, '0');
}
