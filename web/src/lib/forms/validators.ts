/**
 * Field validators built on `@anguan/standards`, the same checks the server runs, with their zh-CN messages.
 *
 * @module
 */
import {
  checkCreditCode,
  checkFilingNumber,
  checkMobile,
  checkPassword,
  checkResidentId,
  type IdentifierCheck,
} from '@anguan/standards';
import type { Validator } from './field.svelte';

const fromCheck =
  (check: (value: string) => IdentifierCheck): Validator =>
  (value) => {
    const result = check(value);
    return result.ok ? null : result.message;
  };

export const creditCode = fromCheck(checkCreditCode);
export const residentId = fromCheck((value) => checkResidentId(value));
export const mobile = fromCheck(checkMobile);
export const filingNumber = fromCheck(checkFilingNumber);

export const password: Validator = (value) => {
  const result = checkPassword(value);
  return result.ok ? null : result.message;
};

/** A non-blank value of at most `maxLength` characters (the server's limit for that field). */
export const required =
  (label: string, maxLength = 200): Validator =>
  (value) => {
    const trimmed = value.trim();
    if (trimmed === '') return `请填写${label}`;
    return trimmed.length > maxLength ? `${label}不能超过${maxLength}个字` : null;
  };

/** The repeated password must equal the first one. */
export const sameAs =
  (other: () => string): Validator =>
  (value) => {
    if (value === '') return '请再次输入密码';
    return value === other() ? null : '两次输入的密码不一致';
  };

/** Upper-cases letters as they are typed (credit codes and 身份证 X are printed in upper case). */
export const upperCase = (value: string) => value.toUpperCase();
