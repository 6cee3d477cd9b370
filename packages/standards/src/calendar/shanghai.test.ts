import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { shanghaiDate, shanghaiMonth } from './shanghai.js';

describe('shanghaiDate', () => {
  it('returns the same day when the UTC instant is before 16:00', () => {
    expect(shanghaiDate(new Date('2024-03-31T15:59:59.999Z'))).toBe('2024-03-31');
  });

  it('rolls over to the next day at 16:00 UTC, which is midnight in Shanghai', () => {
    expect(shanghaiDate(new Date('2024-03-31T16:00:00Z'))).toBe('2024-04-01');
  });

  it('handles the leap day and the new year', () => {
    expect(shanghaiDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    expect(shanghaiDate(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01');
  });

  it('rejects an invalid Date with a typed error', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(InvalidInputError);
  });
});

describe('shanghaiMonth', () => {
  it('returns the Shanghai month when the UTC month has not yet changed', () => {
    expect(shanghaiMonth(new Date('2024-01-31T16:00:00Z'))).toBe('2024-02');
    expect(shanghaiMonth(new Date('2024-01-31T15:59:59Z'))).toBe('2024-01');
  });

  it('rejects an invalid Date with a typed error', () => {
    expect(() => shanghaiMonth(new Date(Number.NaN))).toThrow(InvalidInputError);
  });
});
