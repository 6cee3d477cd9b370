import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors.js';
import { formatScore, toExactScore } from './display.js';
import {
  add,
  compare,
  div,
  mean,
  mul,
  parseFraction,
  rational,
  toFractionString,
  toNumber,
} from './rational.js';

describe('formatScore', () => {
  it('rounds 3085/36 (85.69444…) to 85.69', () => {
    expect(formatScore({ exact: '3085/36', value: 85.69444 })).toBe('85.69');
  });

  it('rounds half away from zero on the exact value: 80.125 → 80.13 and 80.115 → 80.12', () => {
    expect(formatScore('641/8')).toBe('80.13');
    expect(formatScore('16023/200')).toBe('80.12');
  });

  it('pads whole numbers and honours the decimals argument', () => {
    expect(formatScore('80')).toBe('80.00');
    expect(formatScore('175/2', 0)).toBe('88');
    expect(formatScore('3085/36', 4)).toBe('85.6944');
    expect(formatScore('1/3', 3)).toBe('0.333');
  });

  it('handles negative fractions symmetrically', () => {
    expect(formatScore('-641/8')).toBe('-80.13');
    expect(formatScore('-1/1000')).toBe('0.00');
  });

  it('rejects a malformed fraction and bad decimals', () => {
    expect(() => formatScore('85.5')).toThrow(InvalidInputError);
    expect(() => formatScore('1/0')).toThrow(InvalidInputError);
    expect(() => formatScore('1', 11)).toThrow(InvalidInputError);
  });

  it('agrees with toFixed on values a double represents exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (tenthousandths) => {
        // k/16 is exact in binary, so toFixed has no representation error to round on.
        const r = rational(BigInt(tenthousandths), 16n);
        expect(formatScore(toExactScore(r))).toBe((tenthousandths / 16).toFixed(2));
      }),
    );
  });
});

describe('rational arithmetic', () => {
  it('reduces and normalizes the sign', () => {
    expect(rational(10n, -4n)).toEqual({ n: -5n, d: 2n });
    expect(toFractionString(rational(0n, 7n))).toBe('0');
  });

  it('adds, multiplies, divides, averages and compares exactly', () => {
    const third = rational(1n, 3n);
    expect(toFractionString(add(third, third))).toBe('2/3');
    expect(toFractionString(mul(third, rational(3n)))).toBe('1');
    expect(toFractionString(div(rational(617n, 8n), rational(90n)))).toBe('617/720');
    expect(toFractionString(mean([rational(80n), rational(90n), rational(171n, 2n)]))).toBe('511/6');
    expect(compare(rational(1n, 3n), rational(333n, 1000n))).toBe(1);
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });

  it('parses what it prints', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        (n, d) => {
          const r = rational(n, d);
          expect(parseFraction(toFractionString(r))).toEqual(r);
        },
      ),
    );
  });

  it('converts to the nearest double, also beyond the safe-integer range', () => {
    expect(toNumber(rational(3085n, 36n))).toBe(3085 / 36);
    expect(toNumber(rational(10n ** 20n + 1n, 10n ** 18n))).toBeCloseTo(100, 10);
  });
});
