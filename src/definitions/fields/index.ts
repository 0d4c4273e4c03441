/**
 * The field types of the definition language, by name. One file per type, each with its test.
 */
import type { AnyFieldType } from '../core/field-type.js';
import { checkboxesField } from './checkboxes.js';
import { dateRangeField } from './date-range.js';
import { dateField } from './date.js';
import { declarationField } from './declaration.js';
import { emailField } from './email.js';
import { fileField } from './file.js';
import { geometryField } from './geometry.js';
import { germanAddressField } from './german-address.js';
import { groupField } from './group.js';
import { moneyField } from './money.js';
import { numberField } from './number.js';
import { personNameField } from './person-name.js';
import { phoneField } from './phone.js';
import { radioField } from './radio.js';
import { repeatingGroupField } from './repeating-group.js';
import { selectField } from './select.js';
import { textField } from './text.js';
import { textareaField } from './textarea.js';
import { timeWindowField } from './time-window.js';
import { yesNoField } from './yes-no.js';

const all: AnyFieldType[] = [
  textField,
  textareaField,
  numberField,
  moneyField,
  dateField,
  dateRangeField,
  timeWindowField,
  selectField,
  radioField,
  checkboxesField,
  yesNoField,
  emailField,
  phoneField,
  germanAddressField,
  personNameField,
  fileField,
  groupField,
  repeatingGroupField,
  geometryField,
  declarationField,
];

/** Every field type by its name (`text`, `german-address`, …). */
export const fieldTypes: Readonly<Record<string, AnyFieldType>> = Object.freeze(Object.fromEntries(all.map((t) => [t.type, t])));

/** The names of all field types, for messages listing what is allowed. */
export const fieldTypeNames: readonly string[] = all.map((t) => t.type);
