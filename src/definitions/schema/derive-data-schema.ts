/**
 * Derives the JSON Schema (2020-12) of a service's submitted data from its fields: one property
 * per top-level field, titled with the German label, with `x-fim-id` where the field names its
 * FIM data field. A field is `required` in the schema only when it is required and always shown;
 * fields behind conditions are optional in the schema (the conditions live in the definition,
 * and `validateSubmission` enforces them).
 */
import type { JsonSchema } from '../core/json.js';
import { fieldJsonSchema } from '../engine/field-pipeline.js';
import type { PageSpec } from '../model/service-definition.js';

/** What the schema needs to know about the service. */
export interface SchemaSubject {
  readonly id: string;
  readonly version: number;
  readonly name: { de: string; en: string };
  readonly pages: readonly PageSpec[];
}

// Schemas do not depend on the day or on answers; the pipeline wants them anyway.
const schemaEnv = { today: '2000-01-01', lookup: () => undefined };

/** The data schema of a service version. */
export function deriveDataSchema(subject: SchemaSubject): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const page of subject.pages) {
    for (const field of page.fields) {
      properties[field.id] = fieldJsonSchema(field, schemaEnv);
      if (field.required && !field.when && !page.when) required.push(field.id);
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:rathaus-cloud:service:${subject.id}:${subject.version}`,
    title: subject.name.de,
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}
