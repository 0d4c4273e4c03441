/**
 * Reading and checking the staff forms (login, password change). Each problem names the field
 * it belongs to, so the page can show it beside the field and link to it from the error summary.
 * Passwords are never echoed back into a page.
 */
import { passwordMeetsPolicy } from '../../platform/auth/passwords.js';
import { isPlausibleEmail } from '../../platform/auth/staff-users.js';
import type { Translate } from '../../platform/i18n/i18n.js';

/** A problem with one field: the field's id and the message key. */
export interface FieldProblem {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

/** A problem as the page shows it. */
export interface FieldErrorView {
  field: string;
  message: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

const MAX_PASSWORD_INPUT = 1000;

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Reads the login form; `problems` is empty when the input is worth checking. */
export function readLoginForm(body: unknown): { input: LoginInput; problems: FieldProblem[] } {
  const input = { email: field(body, 'email').trim(), password: field(body, 'password') };
  const problems: FieldProblem[] = [];
  if (input.email === '') problems.push({ field: 'email', messageKey: 'staff.login.error.emailMissing' });
  else if (!isPlausibleEmail(input.email)) problems.push({ field: 'email', messageKey: 'staff.login.error.emailInvalid' });
  if (input.password === '') problems.push({ field: 'password', messageKey: 'staff.login.error.passwordMissing' });
  else if (input.password.length > MAX_PASSWORD_INPUT) problems.push({ field: 'password', messageKey: 'staff.login.error.passwordTooLong' });
  return { input, problems };
}

/** Reads the password change form and checks everything that needs no database. */
export function readPasswordChangeForm(body: unknown): { input: PasswordChangeInput; problems: FieldProblem[] } {
  const input = {
    currentPassword: field(body, 'currentPassword'),
    newPassword: field(body, 'newPassword'),
    newPasswordConfirm: field(body, 'newPasswordConfirm'),
  };
  const problems: FieldProblem[] = [];
  if (input.currentPassword === '') problems.push({ field: 'currentPassword', messageKey: 'staff.password.error.currentMissing' });
  else if (input.currentPassword.length > MAX_PASSWORD_INPUT) problems.push({ field: 'currentPassword', messageKey: 'staff.password.error.currentWrong' });
  if (input.newPassword === '') problems.push({ field: 'newPassword', messageKey: 'staff.password.error.newMissing' });
  else if (!passwordMeetsPolicy(input.newPassword)) problems.push({ field: 'newPassword', messageKey: 'staff.password.error.newPolicy' });
  else if (input.newPassword === input.currentPassword) problems.push({ field: 'newPassword', messageKey: 'staff.password.error.newSameAsOld' });
  if (input.newPassword !== '' && input.newPasswordConfirm !== input.newPassword) {
    problems.push({ field: 'newPasswordConfirm', messageKey: 'staff.password.error.confirmMismatch' });
  }
  return { input, problems };
}

/** Translates problems for the page, in the order of the fields on it. */
export function errorViews(problems: FieldProblem[], t: Translate): FieldErrorView[] {
  return problems.map((p) => ({ field: p.field, message: t(p.messageKey, p.params) }));
}

/** The parts of a form page's view model that show problems: page title, summary and per-field texts. */
export function formPageModel(heading: string, problems: FieldProblem[], t: Translate) {
  const errors = errorViews(problems, t);
  return {
    // Screen reader users hear "Fehler:" first when the page comes back with problems.
    title: errors.length > 0 ? t('staff.errorPrefix', { title: heading }) : heading,
    heading,
    errors,
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])) as Record<string, string>,
  };
}

/** The problem shown when the throttle refuses an attempt, with the wait in whole minutes. */
export function throttledProblem(fieldName: string, retryAfterSeconds: number): FieldProblem {
  return { field: fieldName, messageKey: 'staff.login.error.throttled', params: { minutes: Math.ceil(retryAfterSeconds / 60) } };
}
