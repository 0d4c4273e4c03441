/**
 * Reads definition files from disk (JSON), so start-up can load a folder of services. A file
 * that is not valid JSON fails with its name, like any other definition problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceDefinition } from '../model/service-definition.js';
import { loadServiceDefinition } from './load-service-definition.js';
import { DefinitionLoadError } from './load-issues.js';

/** Loads one definition file; the path as given names it in messages. */
export function loadServiceDefinitionFile(file: string): ServiceDefinition {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DefinitionLoadError(file, [{ path: '', message: `cannot read JSON: ${(error as Error).message}` }]);
  }
  return loadServiceDefinition(json, file);
}

/** Loads every `*.json` file directly in `directory`, in name order. */
export function loadServiceDefinitionDirectory(directory: string): ServiceDefinition[] {
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => loadServiceDefinitionFile(path.join(directory, name)));
}
