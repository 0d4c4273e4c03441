/**
 * Loads a service definition from parsed JSON: checks the definition-language version, the
 * metadata, every page and field (types, options, ids, conditions), derives and compiles the
 * data schema, and returns a frozen `ServiceDefinition`. Any problem fails the whole load with
 * a `DefinitionLoadError` naming the source and the JSON path of each problem, so a broken
 * definition stops the start-up instead of a citizen's application.
 */
import { createHash } from 'node:crypto';
import { readCondition } from '../conditions/condition.js';
import type { Choice } from '../core/field-type.js';
import { canonicalJson, isPlainObject } from '../core/json.js';
import { childPath } from '../core/paths.js';
import { PageSchema, ServiceDefinitionSchema, SUPPORTED_LANGUAGE_VERSIONS, type ServiceDefinitionSource } from '../model/definition-schema.js';
import type { PageSpec, ServiceDefinition } from '../model/service-definition.js';
import { compileDataSchema } from '../schema/compile-schema.js';
import { deriveDataSchema } from '../schema/derive-data-schema.js';
import { checkConditionReferences } from './check-conditions.js';
import { loadSiblings, type FieldLoadEnv } from './load-field.js';
import { DefinitionLoadError, IssueCollector } from './load-issues.js';

/** Loads and checks a definition; throws `DefinitionLoadError` listing every problem. */
export function loadServiceDefinition(input: unknown, sourceName: string): ServiceDefinition {
  // The result is frozen and shares objects with what it read; a copy keeps the caller's JSON theirs.
  const json = structuredClone(input);
  const issues = new IssueCollector();
  const fail = () => new DefinitionLoadError(sourceName, issues.issues);
  if (!isPlainObject(json)) {
    issues.report('', 'a service definition must be a JSON object');
    throw fail();
  }
  const language = json.definitionLanguage;
  if (typeof language !== 'number' || !SUPPORTED_LANGUAGE_VERSIONS.includes(language)) {
    issues.report('definitionLanguage', `unsupported definition-language version ${JSON.stringify(language)} (supported: ${SUPPORTED_LANGUAGE_VERSIONS.join(', ')})`);
    throw fail();
  }
  if (!issues.checkShape(ServiceDefinitionSchema, json, '')) throw fail();
  const source = json as ServiceDefinitionSource;

  const codeLists = new Map<string, readonly Choice[]>(Object.entries(source.codeLists ?? {}));
  const env: FieldLoadEnv = { issues, codeLists };
  const pages = loadPages(source.pages, env);
  if (issues.issues.length > 0) throw fail();
  checkConditionReferences(pages, issues);
  if (issues.issues.length > 0) throw fail();

  const subject = { id: source.id, version: source.version, name: source.name, pages };
  const dataSchema = deriveDataSchema(subject);
  let checkSchema: ServiceDefinition['checkSchema'];
  try {
    checkSchema = compileDataSchema(dataSchema);
  } catch (error) {
    // A field type produced a schema Ajv refuses: a bug in the type, reported like any load problem.
    issues.report('', `the derived data schema does not compile: ${(error as Error).message}`);
    throw fail();
  }
  return deepFreeze({
    definitionLanguage: language,
    id: source.id,
    version: source.version,
    ...(source.leikaKey ? { leikaKey: source.leikaKey } : {}),
    name: source.name,
    shortDescription: source.shortDescription,
    description: source.description,
    legalBasis: source.legalBasis,
    requiredDocuments: source.requiredDocuments,
    fee: source.fee,
    processingTime: source.processingTime,
    responsibleOffice: source.responsibleOffice,
    codeLists: Object.fromEntries(codeLists),
    pages,
    dataSchema,
    checkSchema,
    contentHash: createHash('sha256').update(canonicalJson(json)).digest('hex'),
    source: sourceName,
  });
}

function loadPages(raw: readonly unknown[], env: FieldLoadEnv): PageSpec[] {
  const pageIds = new Set<string>();
  const fieldIds = new Map<string, string>();
  const pages: PageSpec[] = [];
  raw.forEach((item, p) => {
    const path = `pages[${p}]`;
    if (!env.issues.checkShape(PageSchema, item, path)) return;
    const page = item as { id: string; title: PageSpec['title']; intro?: PageSpec['intro']; when?: unknown; fields: unknown[] };
    if (pageIds.has(page.id)) env.issues.report(childPath(path, 'id'), `duplicate page id "${page.id}"`);
    pageIds.add(page.id);
    const fields = loadSiblings(page.fields, childPath(path, 'fields'), env, false);
    fields.forEach((field) => {
      const first = fieldIds.get(field.id);
      const at = `${path}.fields[${page.fields.findIndex((f) => isPlainObject(f) && f.id === field.id)}].id`;
      if (first && first !== path) env.issues.report(at, `duplicate field id "${field.id}" (already used on ${first})`);
      fieldIds.set(field.id, first ?? path);
    });
    const when = page.when === undefined ? undefined : readCondition(page.when, childPath(path, 'when'), (at, m) => env.issues.report(at, m));
    pages.push({ id: page.id, title: page.title, ...(page.intro ? { intro: page.intro } : {}), ...(when ? { when } : {}), fields });
  });
  return pages;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
