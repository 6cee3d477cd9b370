/**
 * 安全监督备案号 (supervision filing number) check.
 *
 * @module
 */
import { fail, type IdentifierCheck } from './check.js';

/** Minimum length, in characters. */
export const FILING_NUMBER_MIN_LENGTH = 6;
/** Maximum length, in characters. */
export const FILING_NUMBER_MAX_LENGTH = 32;

/**
 * Checks a 安全监督备案号.
 *
 * No official format was found: DGJ32/TJ 218-2017 defines the identifier but its code format could not be read
 * (see `shared/standards/README.md`), and local supervision stations issue their own numbers. This check is
 * therefore deliberately permissive and anguan's own: trimmed, 6-32 characters of `[0-9A-Za-z-]`, case kept.
 * Replace it when the official format is known.
 *
 * @param input - Raw user input.
 * @returns `{ ok: true, value }` with the trimmed number, or a zh-CN failure with code `empty`, `length` or
 *   `charset`.
 * @example checkFilingNumber(' JS-2024-0012 ') // { ok: true, value: 'JS-2024-0012' }
 */
export function checkFilingNumber(input: string): IdentifierCheck {
  const value = input.trim();
  if (value === '') return fail('empty', '请输入监督备案号');
  if (value.length < FILING_NUMBER_MIN_LENGTH || value.length > FILING_NUMBER_MAX_LENGTH) {
    return fail('length', `监督备案号应为${FILING_NUMBER_MIN_LENGTH}至${FILING_NUMBER_MAX_LENGTH}位`);
  }
  if (!/^[0-9A-Za-z-]+$/.test(value)) return fail('charset', '监督备案号只能包含字母、数字和连字符');
  return { ok: true, value };
}
