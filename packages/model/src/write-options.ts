import type * as Y from 'yjs';
import { InvalidValueError } from './errors.js';
import { ORIGINS, type Origin } from './origins.js';

/** Options every writer accepts. */
export interface WriteOptions {
  /** Transaction origin; default {@link ORIGINS.localUser}. */
  readonly origin?: Origin;
  /** Clock for `…At` fields; default `new Date()`. */
  readonly now?: () => Date;
}

/** Runs `fn` in one transaction with a named origin (nested calls join the outer transaction). @internal */
export function transact<T>(doc: Y.Doc, options: WriteOptions, fn: (at: string) => T): T {
  let result!: T;
  const at = (options.now?.() ?? new Date()).toISOString();
  doc.transact(() => {
    result = fn(at);
  }, options.origin ?? ORIGINS.localUser);
  return result;
}

/** Throws {@link InvalidValueError} unless `ok`. @internal */
export function check(ok: boolean, field: string, message: string): asserts ok {
  if (!ok) throw new InvalidValueError(field, message);
}

/** A trimmed, bounded, non-empty string. @internal */
export function requireText(value: unknown, field: string, maxLength: number): string {
  check(typeof value === 'string', field, 'must be a string');
  const trimmed = value.trim();
  check(trimmed !== '' && trimmed.length <= maxLength, field, `must be 1–${maxLength} characters`);
  return trimmed;
}
