/**
 * The loaded service versions, keyed by (id, version). A published version is immutable: adding
 * the same id and version again with different content is an error (compared by content hash);
 * adding identical content again is harmless. Drafts and cases keep the version they began with
 * and look it up with `get(id, version)`; new applications start on `latest(id)`.
 */
import type { ServiceDefinition } from '../model/service-definition.js';

/** The service versions known to the application. */
export interface ServiceRegistry {
  /** Adds a version; throws when the same id and version exists with other content. */
  add(definition: ServiceDefinition): void;
  /** The exact version, or `undefined`. */
  get(id: string, version: number): ServiceDefinition | undefined;
  /** The highest version of a service, or `undefined`. */
  latest(id: string): ServiceDefinition | undefined;
  /** All versions of a service, oldest first. */
  versions(id: string): ServiceDefinition[];
  /** The latest version of every service, by id. */
  list(): ServiceDefinition[];
}

/** Thrown when a published version would change. */
export class ImmutableVersionError extends Error {
  constructor(existing: ServiceDefinition, incoming: ServiceDefinition) {
    super(
      `${incoming.source}: service "${incoming.id}" version ${incoming.version} is already loaded from ${existing.source} with different content; ` +
        'a published version cannot change — raise "version" instead',
    );
    this.name = 'ImmutableVersionError';
  }
}

/** Creates a registry holding `definitions`. */
export function createServiceRegistry(definitions: readonly ServiceDefinition[] = []): ServiceRegistry {
  const byId = new Map<string, Map<number, ServiceDefinition>>();
  const registry: ServiceRegistry = {
    add(definition) {
      const versions = byId.get(definition.id) ?? new Map<number, ServiceDefinition>();
      const existing = versions.get(definition.version);
      if (existing && existing.contentHash !== definition.contentHash) throw new ImmutableVersionError(existing, definition);
      versions.set(definition.version, existing ?? definition);
      byId.set(definition.id, versions);
    },
    get: (id, version) => byId.get(id)?.get(version),
    latest(id) {
      const all = registry.versions(id);
      return all[all.length - 1];
    },
    versions: (id) => [...(byId.get(id)?.values() ?? [])].sort((a, b) => a.version - b.version),
    list: () => [...byId.keys()].sort().map((id) => registry.latest(id)!),
  };
  for (const definition of definitions) registry.add(definition);
  return registry;
}
