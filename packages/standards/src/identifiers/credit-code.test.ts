import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identifierVectors } from '../../test/reference.js';
import { checkCreditCode, creditCodeCheckChar } from './credit-code.js';

const vectors = identifierVectors().uscc;

/** The reason each invalid reference vector must fail with. */
const expectedCodes: Record<string, string> = {
  '91320100MA1MXX0A02': 'checksum',
  '91320100MA2MXX0A01': 'checksum',
  '91320100M1AMXX0A01': 'checksum',
  '91320100MA1MXX0A0': 'length',
  '91320100MA1MXX0A010': 'length',
  '91320100MA1MXXOA01': 'charset',
  '91320100ma1mxx0a01': 'charset',
  '9132A100MA1MXX0A0W': 'format',
};

describe('checkCreditCode', () => {
  it.each(vectors.valid)('accepts the valid reference code $value', ({ value }) => {
    expect(checkCreditCode(value)).toEqual({ ok: true, value });
  });

  it.each(vectors.invalid)('rejects the invalid reference code $value ($reason)', ({ value }) => {
    const result = checkCreditCode(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(expectedCodes[value]);
      expect(result.message).toMatch(/统一社会信用代码/);
    }
  });

  it('covers every invalid reference vector with an expected code', () => {
    expect(Object.keys(expectedCodes).sort()).toEqual(vectors.invalid.map((v) => v.value).sort());
  });

  it('trims surrounding whitespace and returns the trimmed code', () => {
    expect(checkCreditCode('  91350100M000100Y43\n')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('reports an empty or blank input as empty', () => {
    expect(checkCreditCode('')).toMatchObject({ ok: false, code: 'empty' });
    expect(checkCreditCode('   ')).toMatchObject({ ok: false, code: 'empty' });
  });

  it('uses the checksum message the UI expects', () => {
    expect(checkCreditCode('91320100MA1MXX0A02')).toEqual({
      ok: false,
      code: 'checksum',
      message: '统一社会信用代码校验位不正确',
    });
  });

  it('uses weights equal to 3^(i-1) mod 31 as the reference states', () => {
    // 91350100M000100Y4 → 3 is the GB 32100 worked example; a different body gives a different check.
    expect(vectors.weights.map((w, i) => w === 3 ** i % 31)).not.toContain(false);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts every code whose last character is the computed check character', () => {
    const charset = vectors.charset.split('');
    const codeChar = fc.constantFrom(...charset);
    const body = fc
      .tuple(
        fc.array(codeChar, { minLength: 2, maxLength: 2 }),
        fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
        fc.array(codeChar, { minLength: 9, maxLength: 9 }),
      )
      .map(([a, b, c]) => [...a, ...b, ...c].join(''));
    fc.assert(
      fc.property(body, (b) => {
        const code = b + creditCodeCheckChar(b);
        expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
        // Any other last character must fail the checksum: the check character is unique.
        const wrong = charset.find((c) => c !== code.charAt(17)) ?? '0';
        expect(checkCreditCode(b + wrong)).toMatchObject({ ok: false, code: 'checksum' });
      }),
    );
  });
});
