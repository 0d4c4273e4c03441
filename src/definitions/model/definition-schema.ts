/**
 * The shape of a service definition file (definition language version 1), as TypeBox schemas.
 * Pages and fields are checked in steps by the loader (base properties here, each type's own
 * options by the type), so a mistake is reported at its exact path with a clear message.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ChoiceSchema, LocalizedSchema } from './common-schemas.js';

/** The definition-language versions this code reads. */
export const SUPPORTED_LANGUAGE_VERSIONS: readonly number[] = [1];

/** Service ids appear in URLs (`/wurzen/umzugsmeldung`): lower case, digits and hyphens. */
export const SERVICE_ID_PATTERN = '^[a-z][a-z0-9-]{1,62}$';
/** Page ids appear in URLs of the form runner. */
export const PAGE_ID_PATTERN = '^[a-z][a-zA-Z0-9-]{0,62}$';
/** Field ids become data keys and input names, so they are plain identifiers. */
export const FIELD_ID_PATTERN = '^[a-z][a-zA-Z0-9]{0,62}$';

/** Top level of a definition (pages are checked one by one). */
export const ServiceDefinitionSchema = Type.Object(
  {
    definitionLanguage: Type.Integer(),
    id: Type.String({ pattern: SERVICE_ID_PATTERN }),
    /** Version of this service: a positive integer, raised for every published change. */
    version: Type.Integer({ minimum: 1 }),
    /** Leistungsschlüssel of the LeiKa/FIM catalogue (14 digits). */
    leikaKey: Type.Optional(Type.String({ pattern: '^\\d{14}$' })),
    name: LocalizedSchema,
    shortDescription: LocalizedSchema,
    description: LocalizedSchema,
    legalBasis: Type.Array(LocalizedSchema),
    requiredDocuments: Type.Array(LocalizedSchema),
    fee: LocalizedSchema,
    processingTime: LocalizedSchema,
    responsibleOffice: LocalizedSchema,
    /** Shared choice lists (legal forms, WZ 2008 codes) that fields use by `codeList`. */
    codeLists: Type.Optional(Type.Record(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9-]*$' }), Type.Array(ChoiceSchema, { minItems: 1 }))),
    pages: Type.Array(Type.Unknown(), { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** One page (its fields are checked one by one). */
export const PageSchema = Type.Object(
  {
    id: Type.String({ pattern: PAGE_ID_PATTERN }),
    title: LocalizedSchema,
    intro: Type.Optional(LocalizedSchema),
    when: Type.Optional(Type.Unknown()),
    fields: Type.Array(Type.Unknown(), { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** The properties every field has; the rest belong to its type. */
export const FieldBaseSchema = Type.Object({
  id: Type.String({ pattern: FIELD_ID_PATTERN }),
  type: Type.String({ minLength: 1 }),
  label: LocalizedSchema,
  hint: Type.Optional(LocalizedSchema),
  required: Type.Optional(Type.Boolean()),
  when: Type.Optional(Type.Unknown()),
  /** FIM data field id, e.g. F60000000319. */
  fimId: Type.Optional(Type.String({ pattern: '^[FG]\\d{11}$' })),
  messages: Type.Optional(Type.Record(Type.String({ pattern: '^[a-zA-Z]+$' }), LocalizedSchema)),
  fields: Type.Optional(Type.Array(Type.Unknown(), { minItems: 1 })),
});

/** The keys of `FieldBaseSchema`, which are not type options. */
export const FIELD_BASE_KEYS: readonly string[] = Object.keys(FieldBaseSchema.properties);

/** Top level of a definition file, as read. */
export type ServiceDefinitionSource = Static<typeof ServiceDefinitionSchema>;
