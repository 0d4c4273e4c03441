/**
 * Data paths: one notation for error paths, HTML input names and condition references, e.g.
 * `applicant.address.postalCode` or `managers[0].name.given`. Field ids are identifiers
 * (letters and digits), so a path can never be read two ways.
 */

/** The path of a key inside the value at `parent`. */
export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path of the row `index` inside the list at `parent`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** A stable HTML id for the input at `path` (`managers[0].name.given` → `field-managers-0-name-given`). */
export function inputId(path: string): string {
  return `field-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** Splits a path into its keys and row indexes (`a[1].b` → `['a', 1, 'b']`). */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
  }
  return parts;
}

/** Joins keys and row indexes into a path (the inverse of `splitPath`). */
export function joinPath(parts: readonly (string | number)[]): string {
  let path = '';
  for (const part of parts) path = typeof part === 'number' ? indexPath(path, part) : childPath(path, part);
  return path;
}

/** The RFC 6901 JSON Pointer for a path (`managers[0].name` → `/managers/0/name`), for API clients. */
export function toJsonPointer(path: string): string {
  return splitPath(path)
    .map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** Reads a JSON Pointer (as Ajv reports it) back into the path notation. */
export function fromJsonPointer(pointer: string): string {
  if (pointer === '') return '';
  const parts = pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return joinPath(parts);
}
