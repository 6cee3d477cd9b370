/**
 * 统一社会信用代码 check, GB 32100-2015 法人和其他组织统一社会信用代码编码规则.
 *
 * @module
 */
import { fail, type IdentifierCheck } from './check.js';

/** GB 32100-2015 §4.3 character set: digits and upper-case letters except I, O, Z, S, V; value = index (0..30). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const MODULUS = 31;
const LENGTH = 18;
/** W_i = 3^(i-1) mod 31, i = 1..17 (GB 32100-2015 §5). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** @internal The check character for the first 17 characters (all assumed to be in the character set). */
export function creditCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += CHARSET.indexOf(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  // C18 = 31 − (Σ mod 31); a result of 31 is written as 0.
  const value = (MODULUS - (sum % MODULUS)) % MODULUS;
  return CHARSET.charAt(value);
}

/**
 * Checks a 统一社会信用代码 (18 characters, GB 32100-2015 check character).
 *
 * Surrounding whitespace is trimmed. Letters are NOT upper-cased: the code is printed in upper case and the
 * reference vectors treat lower case as invalid, so a lower-case letter fails with `charset`.
 * The optional GB 11714 inner check of positions 9-17 is deliberately not applied (the reference says it must
 * never block a code that passes GB 32100).
 *
 * @param input - Raw user input.
 * @returns `{ ok: true, value }` with the trimmed code, or a zh-CN failure with code `empty`, `length`, `charset`,
 *   `format` (positions 3-8 are not six digits) or `checksum`.
 * @example checkCreditCode(' 91350100M000100Y43 ') // { ok: true, value: '91350100M000100Y43' }
 */
export function checkCreditCode(input: string): IdentifierCheck {
  const code = input.trim();
  if (code === '') return fail('empty', '请输入统一社会信用代码');
  if (code.length !== LENGTH) return fail('length', '统一社会信用代码应为18位');
  for (const char of code) {
    if (!CHARSET.includes(char)) {
      return fail('charset', '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）');
    }
  }
  // Positions 3-8 are the GB/T 2260 administrative-division code: six digits.
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return fail('format', '统一社会信用代码第3至8位应为行政区划代码（6位数字）');
  }
  if (creditCodeCheckChar(code) !== code.charAt(17)) return fail('checksum', '统一社会信用代码校验位不正确');
  return { ok: true, value: code };
}
