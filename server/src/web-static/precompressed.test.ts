import { describe, expect, it } from 'vitest';
import { acceptedEncodings } from './precompressed.js';

describe('Accept-Encoding negotiation', () => {
  it('accepts what a browser lists', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual(['br', 'gzip']);
  });

  it('drops an encoding refused with q=0 and honours weights above it', () => {
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
  });

  it('lets a wildcard stand for both unless one is refused', () => {
    expect([...acceptedEncodings('*, br;q=0')]).toEqual(['gzip']);
  });

  it('accepts nothing without the header', () => {
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});
