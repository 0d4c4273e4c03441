import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createServiceRegistry, ImmutableVersionError, loadServiceDefinition } from '../index.js';

const json = JSON.parse(fs.readFileSync('test/fixtures/services/sperrmuell.json', 'utf8')) as Record<string, unknown>;
const load = (changes: Record<string, unknown>, source = 'sperrmuell.json') => loadServiceDefinition({ ...json, ...changes }, source);

describe('service registry', () => {
  it('finds versions by id and version, and the latest', () => {
    const registry = createServiceRegistry([load({ version: 2 }), load({ version: 1 }), load({ version: 3 })]);
    expect(registry.get('sperrmuell', 2)?.version).toBe(2);
    expect(registry.get('sperrmuell', 4)).toBeUndefined();
    expect(registry.latest('sperrmuell')?.version).toBe(3);
    expect(registry.versions('sperrmuell').map((d) => d.version)).toEqual([1, 2, 3]);
    expect(registry.latest('unbekannt')).toBeUndefined();
    expect(registry.list().map((d) => [d.id, d.version])).toEqual([['sperrmuell', 3]]);
  });

  it('accepts the same content twice but refuses a changed published version', () => {
    const registry = createServiceRegistry([load({})]);
    registry.add(load({}, 'copy.json'));
    expect(registry.get('sperrmuell', 1)?.source).toBe('sperrmuell.json');
    const changed = load({ fee: { de: 'Jetzt 10 €', en: 'Now €10' } }, 'changed.json');
    expect(() => registry.add(changed)).toThrow(ImmutableVersionError);
    expect(() => registry.add(changed)).toThrow(/changed\.json: service "sperrmuell" version 1 is already loaded from sperrmuell\.json with different content/);
  });
});
