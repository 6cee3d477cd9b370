import { describe, expect, it } from 'vitest';
import { identifierVectors } from '../../test/reference.js';
import { checkResidentId, maskResidentId, residentIdCheckChar } from './resident-id.js';

const vectors = identifierVectors().residentId;
/** A fixed "today" so the tests do not depend on the clock: 2024-06-01 12:00 in Shanghai. */
const TODAY = new Date('2024-06-01T04:00:00Z');

/** The reason each invalid reference vector must fail with, or `accepted-upper-cased` for the lower-case x. */
const expectedCodes: Record<string, string> = {
  '320102198506120033': 'checksum',
  '321002199902290086': 'date',
  '320102198513120032': 'date',
  '320102209901010039': 'date',
  '32010219850612003': 'length',
  '320102850612003': 'length',
  // The reference allows "explicitly upper-cased first"; anguan's contract is to accept x and store X.
  '32058319921130472x': 'accepted-upper-cased',
  '020102198506120033': 'format',
};

describe('checkResidentId', () => {
  it.each(vectors.valid)('accepts the valid reference number $value', ({ value }) => {
    expect(checkResidentId(value, TODAY)).toEqual({ ok: true, value });
  });

  it.each(vectors.invalid)(
    'handles the invalid reference number $value as specified ($reason)',
    ({ value }) => {
      const expected = expectedCodes[value];
      const result = checkResidentId(value, TODAY);
      if (expected === 'accepted-upper-cased') {
        expect(result).toEqual({ ok: true, value: value.toUpperCase() });
      } else {
        expect(result).toMatchObject({ ok: false, code: expected });
      }
    },
  );

  it('covers every invalid reference vector with an expected outcome', () => {
    expect(Object.keys(expectedCodes).sort()).toEqual(vectors.invalid.map((v) => v.value).sort());
  });

  it('rejects a birth date after today in Shanghai even when the UTC date is still the day before', () => {
    // 320102202406020000 + check: born 2024-06-02. At 2024-06-01T16:30Z it is already 06-02 00:30 in Shanghai.
    const body = '32010220240602000';
    const id = body + residentIdCheckChar(body);
    expect(checkResidentId(id, new Date('2024-06-01T15:59:00Z'))).toMatchObject({ ok: false, code: 'date' });
    expect(checkResidentId(id, new Date('2024-06-01T16:30:00Z'))).toEqual({ ok: true, value: id });
  });

  it('rejects a birth year outside 1800-2099 as a date error', () => {
    const body = '32010217990101000';
    expect(checkResidentId(body + residentIdCheckChar(body), TODAY)).toMatchObject({
      ok: false,
      code: 'date',
    });
  });

  it('rejects letters other than a final X as a charset error', () => {
    expect(checkResidentId('3201021985061200A4', TODAY)).toMatchObject({ ok: false, code: 'charset' });
  });

  it('reports an empty input as empty and uses the clock when today is omitted', () => {
    expect(checkResidentId('  ')).toMatchObject({ ok: false, code: 'empty' });
    expect(checkResidentId('320102198506120034')).toEqual({ ok: true, value: '320102198506120034' });
  });

  it('maps remainder 2 to X as in the GB 11643 example', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(vectors.weights.map((w, i) => w === 2 ** (17 - i) % 11)).not.toContain(false);
  });
});

describe('maskResidentId', () => {
  it('keeps the first four and last four characters', () => {
    expect(maskResidentId('320102198506120034')).toBe('3201**********0034');
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks a short value completely', () => {
    expect(maskResidentId('12345678')).toBe('********');
  });
});
