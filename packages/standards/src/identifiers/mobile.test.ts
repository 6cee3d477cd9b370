import { describe, expect, it } from 'vitest';
import { identifierVectors } from '../../test/reference.js';
import { checkMobile } from './mobile.js';

const vectors = identifierVectors().mobile;

const expectedCodes: Record<string, string> = {
  '12812345678': 'format',
  '10012345678': 'format',
  '1381234567': 'length',
  '138123456789': 'length',
  '23812345678': 'format',
  '1381234567a': 'charset',
  // The reference says to strip the prefix before validating; checkMobile does that itself.
  '+8613812345678': 'accepted-stripped',
};

describe('checkMobile', () => {
  it.each(vectors.valid)('accepts the valid reference number %s', (value) => {
    expect(checkMobile(value)).toEqual({ ok: true, value });
  });

  it.each(vectors.invalid)(
    'handles the invalid reference number $value as specified ($reason)',
    ({ value }) => {
      const expected = expectedCodes[value];
      if (expected === 'accepted-stripped') {
        expect(checkMobile(value)).toEqual({ ok: true, value: value.slice(3) });
      } else {
        expect(checkMobile(value)).toMatchObject({ ok: false, code: expected });
      }
    },
  );

  it('covers every invalid reference vector with an expected outcome', () => {
    expect(Object.keys(expectedCodes).sort()).toEqual(vectors.invalid.map((v) => v.value).sort());
  });

  it('strips +86, 0086, a bare 86 prefix, spaces and hyphens', () => {
    for (const raw of ['+86 138 1234 5678', '0086-138-1234-5678', '8613812345678', ' 138-1234-5678 ']) {
      expect(checkMobile(raw)).toEqual({ ok: true, value: '13812345678' });
    }
  });

  it('does not strip 86 when it is part of an 11-digit number', () => {
    expect(checkMobile('86123456789')).toMatchObject({ ok: false, code: 'format' });
  });

  it('reports an empty input as empty', () => {
    expect(checkMobile(' - ')).toMatchObject({ ok: false, code: 'empty', message: '请输入手机号码' });
  });
});
