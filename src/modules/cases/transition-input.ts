/**
 * The input a transition asks for (a reason, an answer date), checked with a German and English
 * message naming the field. Only declared inputs are kept; they are recorded in the transition's
 * event, because the reason for an act belongs to the audit trail.
 */
import { isCalendarDate } from '../../platform/calendar/calendar-date.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { TransitionInputField, WorkflowTransition } from '../../definitions/workflow/workflow-schema.js';

/** Longest free text accepted when the definition sets no limit. */
export const DEFAULT_MAX_INPUT_LENGTH = 5000;

function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

function checkField(field: TransitionInputField, raw: unknown): { value?: string; error?: FieldError['message'] } {
  const label = field.label;
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && normalizeText(raw) === '');
  if (empty) {
    return field.required ? { error: { de: `Bitte geben Sie „${label.de}“ an.`, en: `Please enter “${label.en}”.` } } : {};
  }
  if (typeof raw !== 'string') return { error: { de: `Die Angabe bei „${label.de}“ muss ein Text sein.`, en: `“${label.en}” must be text.` } };
  const value = normalizeText(raw);
  if (field.type === 'date') {
    return isCalendarDate(value)
      ? { value }
      : { error: { de: `Bitte geben Sie bei „${label.de}“ ein gültiges Datum an (JJJJ-MM-TT).`, en: `Please enter a valid date for “${label.en}” (YYYY-MM-DD).` } };
  }
  const length = [...value].length;
  if (field.minLength !== undefined && length < field.minLength) {
    return { error: { de: `„${label.de}“ muss mindestens ${field.minLength} Zeichen lang sein.`, en: `“${label.en}” must be at least ${field.minLength} characters long.` } };
  }
  const max = field.maxLength ?? DEFAULT_MAX_INPUT_LENGTH;
  if (length > max) return { error: { de: `„${label.de}“ darf höchstens ${max} Zeichen lang sein.`, en: `“${label.en}” must be ${max} characters or fewer.` } };
  return { value };
}

/** Checks the input of a transition; throws `validation.failed` with one error per field. */
export function checkTransitionInput(transition: WorkflowTransition, input: Readonly<Record<string, unknown>>): Record<string, string> {
  const errors: FieldError[] = [];
  const values: Record<string, string> = {};
  const declared = new Set(transition.input.map((f) => f.id));
  for (const key of Object.keys(input).filter((k) => !declared.has(k) && input[k] !== undefined)) {
    errors.push({ path: key, message: { de: `Die Angabe „${key}“ ist bei diesem Schritt nicht vorgesehen.`, en: `The entry “${key}” is not expected for this step.` } });
  }
  for (const field of transition.input) {
    const { value, error } = checkField(field, input[field.id]);
    if (error) errors.push({ path: field.id, message: error });
    else if (value !== undefined) values[field.id] = value;
  }
  if (errors.length > 0) throw new AppError('validation.failed', errors);
  return values;
}
