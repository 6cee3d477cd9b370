/**
 * Exact rational arithmetic on bigint, so totals such as 77.125 / 90 × 100 carry no floating-point drift and the
 * 80/70/40 thresholds are compared unrounded (reference interpretation `rounding`).
 *
 * @internal
 * @module
 */

/** A reduced fraction `n / d` with `d > 0`. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  // Scores stay small, so Euclid on doubles (exact below 2^53) avoids allocating a bigint per step.
  if (x <= SAFE && y <= SAFE) {
    let p = Number(x);
    let q = Number(y);
    while (q !== 0) [p, q] = [q, p % q];
    return BigInt(p);
  }
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds a reduced rational; `d` must not be 0. */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('Division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/** An integer as a rational. */
export function fromInt(value: number): Rational {
  return rational(BigInt(value));
}

/** a + b */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a × b */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** a ÷ b; b must not be 0. */
export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

/** Sign of a − b: −1, 0 or 1. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Arithmetic mean of a non-empty list. */
export function mean(values: readonly Rational[]): Rational {
  return div(values.reduce(add, rational(0n)), fromInt(values.length));
}

/** `'n'` or `'n/d'`. */
export function toFractionString(r: Rational): string {
  return r.d === 1n ? `${r.n}` : `${r.n}/${r.d}`;
}

/** Parses `'n'` or `'n/d'` (integers, optional leading minus on n); null when malformed. */
export function parseFraction(text: string): Rational | null {
  const match = /^(-?\d+)(?:\/(\d+))?$/.exec(text);
  if (!match?.[1]) return null;
  const d = BigInt(match[2] ?? '1');
  return d === 0n ? null : rational(BigInt(match[1]), d);
}

/** The nearest IEEE double (for charts and sorting only, never for thresholds). */
export function toNumber(r: Rational): number {
  // Both exactly representable: one IEEE division is correctly rounded.
  if (r.n <= SAFE && r.n >= -SAFE && r.d <= SAFE) return Number(r.n) / Number(r.d);
  const whole = r.n / r.d;
  return Number(whole) + Number(((r.n - whole * r.d) * 1_000_000_000_000_000n) / r.d) / 1e18;
}
