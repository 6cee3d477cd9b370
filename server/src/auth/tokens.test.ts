import { describe, expect, it } from 'vitest';
import { generateToken, tokenId } from './tokens.js';

describe('session tokens', () => {
  it('are 32 base32 characters carrying 160 random bits', () => {
    const token = generateToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('never repeat across many draws', () => {
    const seen = new Set(Array.from({ length: 1000 }, generateToken));
    expect(seen.size).toBe(1000);
  });

  it('are stored as the hex SHA-256 of the token, not the token itself', () => {
    // sha256("abc") from FIPS 180-2, appendix B.1.
    expect(tokenId('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = generateToken();
    expect(tokenId(token)).not.toContain(token);
    expect(tokenId(token)).toHaveLength(64);
  });
});
