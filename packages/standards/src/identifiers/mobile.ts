/**
 * Mainland China mobile number check.
 *
 * @module
 */
import { fail, type IdentifierCheck } from './check.js';

/**
 * Checks a mainland mobile number: 11 digits, leading 1, second digit 3-9 (工信部 numbering plan). Segment lists
 * change over time, so no segment is hard-coded.
 *
 * Normalization: spaces and hyphens are removed, then a leading `+86`, `0086`, or a bare `86` before 11 further
 * digits is stripped.
 *
 * @param input - Raw user input.
 * @returns `{ ok: true, value }` with the 11 digits, or a zh-CN failure with code `empty`, `charset`, `length`
 *   or `format`.
 * @example checkMobile('+86 138-1234-5678') // { ok: true, value: '13812345678' }
 */
export function checkMobile(input: string): IdentifierCheck {
  const compact = input.replace(/[\s-]/g, '');
  if (compact === '') return fail('empty', '请输入手机号码');
  const number = compact.replace(/^(\+86|0086)/, '').replace(/^86(?=\d{11}$)/, '');
  if (!/^\d+$/.test(number)) return fail('charset', '手机号码只能包含数字');
  if (number.length !== 11) return fail('length', '手机号码应为11位');
  if (!/^1[3-9]/.test(number)) return fail('format', '手机号码格式不正确');
  return { ok: true, value: number };
}
