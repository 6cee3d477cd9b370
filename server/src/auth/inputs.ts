import {
  checkCreditCode,
  checkMobile,
  checkPasswordPolicy,
  checkResidentId,
  type IdentifierCheck,
} from '@anguan/standards';
import { badRequest } from '../http/errors.js';

/** Unwraps a validator result or throws a 400 naming the field, with the validator's zh-CN message. */
export function valid(field: string, check: IdentifierCheck): string {
  if (!check.ok) throw badRequest(`invalid_${field}`, check.message, { field });
  return check.value;
}

/** A new password that passes the whole policy: shape, not a common one, not containing `login` (issue 12). */
export function validPassword(field: string, password: string, login?: string): string {
  const check = checkPasswordPolicy(password, { login });
  if (!check.ok) throw badRequest('weak_password', check.message, { field, reason: check.code });
  return password;
}

export const validCreditCode = (value: string) => valid('creditCode', checkCreditCode(value));
export const validResidentId = (value: string, today: Date) =>
  valid('contactIdNumber', checkResidentId(value, today));
export const validMobile = (field: string, value: string) => valid(field, checkMobile(value));

/**
 * One login box takes a credit code, a 手机号, a 监督备案号 or a username: normalise what we can recognise so
 * "91320100ma1mxx0a01" and "+86 138 0000 0000" find their accounts.
 */
export function normalizeLogin(raw: string): string {
  const login = raw.trim();
  if (/^[0-9A-Za-z]{18}$/.test(login)) return login.toUpperCase();
  const mobile = checkMobile(login);
  return mobile.ok ? mobile.value : login;
}
