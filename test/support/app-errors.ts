/** Assertions for commands that must refuse with an AppError from the catalogue. */
import { expect } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error.js';

/** Awaits a promise that must reject with an AppError, and returns the error for further checks. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
