/**
 * TypeBox schemas shared by the definition model and the field types' option schemas.
 */
import { Type, type Static } from '@sinclair/typebox';

/** A German and English text, both required and non-blank. */
export const LocalizedSchema = Type.Object(
  { de: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

/** A value of a choice list: letters, digits and `-_.` (safe in HTML, URLs and codes). */
export const ChoiceValueSchema = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', maxLength: 64 });

/** One entry of a choice list or code list. */
export const ChoiceSchema = Type.Object(
  { value: ChoiceValueSchema, label: LocalizedSchema, hint: Type.Optional(LocalizedSchema) },
  { additionalProperties: false },
);

/** Choice entries given inline (`choices`) or by reference to a code list of the definition (`codeList`). */
export const ChoiceSourceProperties = {
  choices: Type.Optional(Type.Array(ChoiceSchema, { minItems: 1 })),
  codeList: Type.Optional(Type.String({ minLength: 1 })),
};

/** Visual width of an input. */
export const WidthSchema = Type.Union([Type.Literal('xs'), Type.Literal('s'), Type.Literal('m'), Type.Literal('l'), Type.Literal('full')]);

/** A date limit: `YYYY-MM-DD`, `today`, `today+N` or `today-N` (checked further at load time). */
export const DateExpressionSchema = Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2}|today([+-]\\d{1,5})?)$' });

/** Static type of a choice entry. */
export type ChoiceEntry = Static<typeof ChoiceSchema>;
