/**
 * 公民身份号码 check, GB 11643-1999, and masking for display.
 *
 * @module
 */
import { shanghaiDate } from '../calendar/shanghai.js';
import { fail, type IdentifierCheck } from './check.js';

/** W_i = 2^(18-i) mod 11, i = 1..17 (GB 11643-1999 §8.2, ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by Σ(a_i·W_i) mod 11. */
const CHECK_CHARS = '10X98765432';

/** @internal The check character for the first 17 digits. */
export function residentIdCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += Number(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/** Whether `YYYYMMDD` is a real Gregorian date. */
function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkBirthDate(yyyymmdd: string, today: Date): IdentifierCheck | null {
  // The reference's pre-filter allows birth years 18xx-20xx only (GB 11643 example 440524188001010014 is 1880).
  if (!/^(18|19|20)\d{2}/.test(yyyymmdd) || !isRealDate(yyyymmdd)) {
    return fail('date', '身份证号码中的出生日期无效');
  }
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (iso > shanghaiDate(today)) return fail('date', '身份证号码中的出生日期晚于今天');
  return null;
}

/**
 * Checks an 18-digit 公民身份号码: shape, a real birth date not after `today` (Asia/Shanghai calendar day) and
 * the MOD 11-2 check character.
 *
 * Whitespace is trimmed and a lower-case `x` check character is accepted and upper-cased (people type it that
 * way; the reference vectors allow this when done explicitly, as here). 15-digit first-generation numbers are
 * rejected with `length`.
 *
 * @param input - Raw user input.
 * @param today - The instant that counts as now; default `new Date()`.
 * @returns `{ ok: true, value }` with the upper-cased number, or a zh-CN failure with code `empty`, `length`,
 *   `format` (not 17 digits + digit/X, or address code starting with 0), `date` or `checksum`.
 * @example checkResidentId('32058319921130472x') // { ok: true, value: '32058319921130472X' }
 */
export function checkResidentId(input: string, today: Date = new Date()): IdentifierCheck {
  const id = input.trim().toUpperCase();
  if (id === '') return fail('empty', '请输入身份证号码');
  if (id.length !== 18) return fail('length', '身份证号码应为18位');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('charset', '身份证号码应为17位数字加1位数字或X');
  // GB/T 2260 address codes start with 1-9.
  if (id.startsWith('0')) return fail('format', '身份证号码地址码不正确');
  const dateFailure = checkBirthDate(id.slice(6, 14), today);
  if (dateFailure) return dateFailure;
  if (residentIdCheckChar(id) !== id.charAt(17)) return fail('checksum', '身份证号码校验位不正确');
  return { ok: true, value: id };
}

/**
 * Masks a 公民身份号码 for display: keeps the first 4 and last 4 characters and replaces each character between
 * with `*`, so the length is preserved. Input shorter than 9 characters is fully masked, since showing 8 of
 * fewer characters would reveal most of it.
 *
 * @param id - A resident id (normally already checked).
 * @returns The masked string.
 * @example maskResidentId('320102198506120034') // '3201**********0034'
 */
export function maskResidentId(id: string): string {
  const value = id.trim();
  if (value.length < 9) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}
