/**
 * A field of a loaded service definition: the common properties every field type shares, plus
 * the type's own options (already checked against the type's options schema).
 */
import type { Localized } from '../../platform/db/schema.js';
import type { Condition } from '../conditions/condition.js';

/** A loaded field. `O` is the type's options; most consumers need only the common part. */
export interface FieldSpec<O = unknown> {
  /** Identifier (letters and digits, starting with a letter), unique among its siblings. */
  readonly id: string;
  /** Field type name, e.g. `german-address`. */
  readonly type: string;
  readonly label: Localized;
  readonly hint?: Localized;
  readonly required: boolean;
  /** Shown only when this holds; hidden fields are not validated and their values are dropped. */
  readonly when?: Condition;
  /** FIM data field id (e.g. `F60000000319`), carried into the JSON Schema as `x-fim-id`. */
  readonly fimId?: string;
  /** Message overrides by message code (e.g. `required`). */
  readonly messages: Readonly<Record<string, Localized>>;
  /** The type's own options. */
  readonly options: O;
  /** Sub-fields of `group` and `repeating-group`; empty for every other type. */
  readonly fields: readonly FieldSpec[];
}
