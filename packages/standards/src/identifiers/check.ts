/**
 * Shared result type of the identifier checks. Checks return a result instead of throwing because an invalid
 * identifier is an expected user-input outcome, shown next to the field, not a programming error.
 *
 * @module
 */

/** Why an identifier was rejected. */
export type IdentifierErrorCode = 'empty' | 'length' | 'charset' | 'format' | 'checksum' | 'date';

/**
 * Outcome of an identifier check. On success `value` is the normalized identifier to store; on failure `message`
 * is a zh-CN sentence for the UI, e.g. `'统一社会信用代码校验位不正确'`.
 */
export type IdentifierCheck =
  { ok: true; value: string } | { ok: false; code: IdentifierErrorCode; message: string };

/** @internal Builds a failure result. */
export function fail(code: IdentifierErrorCode, message: string): IdentifierCheck {
  return { ok: false, code, message };
}
