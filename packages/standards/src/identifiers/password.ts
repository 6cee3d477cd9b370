/**
 * Account password rule.
 *
 * @module
 */

/** Minimum password length, in Unicode code points. */
export const PASSWORD_MIN_LENGTH = 8;
/** Maximum password length, in Unicode code points; bounds the hashing cost of a request. */
export const PASSWORD_MAX_LENGTH = 128;

/** Outcome of {@link checkPassword}; `message` is zh-CN for the UI. */
export type PasswordCheck =
  { ok: true } | { ok: false; code: 'too_short' | 'needs_letter_and_digit' | 'too_long'; message: string };

/**
 * Checks a new password: 8-128 characters (counted as Unicode code points, so a CJK or emoji character counts
 * once), with at least one ASCII letter and one digit. The password is not trimmed: spaces are allowed and count.
 *
 * @param password - The password as typed.
 * @returns `{ ok: true }` or a zh-CN failure with code `too_short`, `too_long` or `needs_letter_and_digit`.
 * @example checkPassword('anquan2024') // { ok: true }
 */
export function checkPassword(password: string): PasswordCheck {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { ok: false, code: 'too_short', message: `密码至少${PASSWORD_MIN_LENGTH}位` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { ok: false, code: 'too_long', message: `密码不能超过${PASSWORD_MAX_LENGTH}位` };
  }
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return { ok: false, code: 'needs_letter_and_digit', message: '密码须同时包含字母和数字' };
  }
  return { ok: true };
}
