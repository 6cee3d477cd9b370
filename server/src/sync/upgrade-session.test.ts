import { describe, expect, it } from 'vitest';
import { generateToken, tokenId } from '../auth/tokens.js';
import { upgradeTokenId } from './upgrade-session.js';

describe('upgradeTokenId', () => {
  it('is the session id the API stores for a token', () => {
    for (let i = 0; i < 20; i++) {
      const token = generateToken();
      expect(upgradeTokenId(token)).toBe(tokenId(token));
    }
    expect(upgradeTokenId('非ASCII-令牌')).toBe(tokenId('非ASCII-令牌'));
  });
});
