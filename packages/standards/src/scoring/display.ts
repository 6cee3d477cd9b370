/**
 * Exact scores in results, and the separate display rounding.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import { parseFraction, rational, toFractionString, toNumber, type Rational } from './rational.js';

/**
 * A score as an exact fraction plus its nearest double. JSON-safe. Use `exact` to store or compare, `value` for
 * charts, {@link formatScore} to display.
 */
export interface ExactScore {
  /** Reduced fraction in points: `'85'`, `'175/2'` (87.5), `'3085/36'` (85.69444…). */
  readonly exact: string;
  /** Nearest floating-point value, in points. */
  readonly value: number;
}

/** @internal Wraps a rational as an {@link ExactScore}. */
export function toExactScore(r: Rational): ExactScore {
  return { exact: toFractionString(r), value: toNumber(r) };
}

/**
 * Rounds a score for display, half away from zero, computed exactly on the fraction (so 80.125 → `'80.13'`,
 * never `'80.12'` from a binary double). The standard gives no rounding rule; the engine never rounds before
 * comparing with thresholds, so use this only for display.
 *
 * @param score - An {@link ExactScore} or its `exact` string.
 * @param decimals - Digits after the decimal point, 0–10; default 2.
 * @returns The fixed-point string, e.g. `'85.69'`.
 * @throws {@link InvalidInputError} for a malformed fraction or decimals.
 * @example formatScore({ exact: '3085/36', value: 85.694 }) // '85.69'
 */
export function formatScore(score: ExactScore | string, decimals = 2): string {
  const text = typeof score === 'string' ? score : score.exact;
  const r = parseFraction(text);
  if (r === null) throw new InvalidInputError('score', `Malformed exact score "${text}"`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new InvalidInputError('decimals', 'Expected an integer from 0 to 10');
  }
  return roundToString(r, decimals);
}

function roundToString(r: Rational, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const negative = r.n < 0n;
  const magnitude = rational(negative ? -r.n : r.n, r.d);
  // Half away from zero: floor(|x| × scale + 1/2).
  const scaled = (2n * magnitude.n * scale + magnitude.d) / (2n * magnitude.d);
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(-decimals)}` : '';
  return `${negative && scaled !== 0n ? '-' : ''}${whole}${fraction}`;
}
