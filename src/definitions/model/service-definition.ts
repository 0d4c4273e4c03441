/**
 * A loaded service version: its metadata, pages and fields (options checked), the JSON Schema
 * of its submitted data, and the compiled schema check. Loaded definitions are frozen; published
 * versions never change (see the registry).
 */
import type { Localized } from '../../platform/db/schema.js';
import type { Condition } from '../conditions/condition.js';
import type { Choice } from '../core/field-type.js';
import type { JsonSchema } from '../core/json.js';
import type { FieldSpec } from './field-spec.js';

/** One page of the form. */
export interface PageSpec {
  readonly id: string;
  readonly title: Localized;
  readonly intro?: Localized;
  /** Shown only when this holds (conditions refer to fields on earlier pages). */
  readonly when?: Condition;
  readonly fields: readonly FieldSpec[];
}

/** A problem the JSON Schema check found, at a data path. */
export interface SchemaViolation {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

/** A loaded, checked service version. */
export interface ServiceDefinition {
  readonly definitionLanguage: number;
  readonly id: string;
  readonly version: number;
  readonly leikaKey?: string;
  readonly name: Localized;
  readonly shortDescription: Localized;
  readonly description: Localized;
  readonly legalBasis: readonly Localized[];
  readonly requiredDocuments: readonly Localized[];
  readonly fee: Localized;
  readonly processingTime: Localized;
  readonly responsibleOffice: Localized;
  readonly codeLists: Readonly<Record<string, readonly Choice[]>>;
  readonly pages: readonly PageSpec[];
  /** The JSON Schema (2020-12) of the submitted data: the contract for the API and exports. */
  readonly dataSchema: JsonSchema;
  /** Runs the compiled JSON Schema check on data. */
  readonly checkSchema: (data: unknown) => SchemaViolation[];
  /** SHA-256 of the definition's canonical JSON: equal content, equal hash. */
  readonly contentHash: string;
  /** Where the definition was read from (file name), for messages. */
  readonly source: string;
}
