import { ApiError } from '$lib/api';
import type { Field } from './field.svelte';

/**
 * Puts an API error's message under the field it is about (the server's `field`, or `codeToField` for errors that
 * name none, such as 409 `credit_code_taken`) and focuses it.
 *
 * @returns True when a field took the message; otherwise the caller shows it at form level.
 */
export function applyServerError(
  error: unknown,
  fields: Record<string, Field>,
  codeToField: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const name = error.field ?? codeToField[error.code];
  const field = name === undefined ? undefined : fields[name];
  if (!name || !field) return false;
  field.serverError = error.message;
  field.touched = true;
  document.getElementById(`field-${name}`)?.focus();
  return true;
}

/** The message for a failure not tied to a field; network failures and bugs get a generic zh-CN sentence. */
export function formErrorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
