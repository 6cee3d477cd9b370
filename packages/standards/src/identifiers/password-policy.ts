/**
 * The full password policy for new passwords (issue 12 item 10): {@link checkPassword}'s shape rules, not one of
 * the most common passwords, and not containing the account's login. Kept apart from `checkPassword` so a page
 * that only checks the shape does not download the list.
 *
 * @module
 */
import { commonPasswords } from './common-passwords.js';
import { checkPassword } from './password.js';

/** Outcome of {@link checkPasswordPolicy}; `message` is zh-CN for the UI. */
export type PasswordPolicyCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'too_short' | 'needs_letter_and_digit' | 'too_long' | 'too_common' | 'contains_login';
      message: string;
    };

/** Logins shorter than this are not searched for (a 3-letter username would forbid too much). */
const MIN_LOGIN_LENGTH = 4;

/**
 * Checks a new password against every rule. Comparison ignores case; the login is matched as typed and, for a
 * 手机号 or 统一社会信用代码, also without separators.
 *
 * @param password - The password as typed.
 * @param options.login - The account's login (credit code, 手机号, 监督备案号 or username), when known.
 * @example checkPasswordPolicy('woaini1314') // { ok: false, code: 'too_common', … }
 */
export function checkPasswordPolicy(password: string, options: { login?: string } = {}): PasswordPolicyCheck {
  const shape = checkPassword(password);
  if (!shape.ok) return shape;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return { ok: false, code: 'too_common', message: '该密码过于常见，容易被猜中，请换一个' };
  }
  const login = options.login?.replace(/[\s-]/g, '').toLowerCase() ?? '';
  if (login.length >= MIN_LOGIN_LENGTH && lower.replace(/[\s-]/g, '').includes(login)) {
    return { ok: false, code: 'contains_login', message: '密码不能包含账号' };
  }
  return { ok: true };
}
