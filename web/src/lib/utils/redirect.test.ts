import { describe, expect, it } from 'vitest';
import { HOME_PATH, loginUrl, safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it('keeps a path on this origin', () => {
    expect(safeRedirect('/members?x=1')).toBe('/members?x=1');
  });

  it('refuses other hosts and schemes, falling back to the home page', () => {
    for (const target of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '',
    ]) {
      expect(safeRedirect(target)).toBe(HOME_PATH);
    }
    expect(safeRedirect(null)).toBe(HOME_PATH);
  });
});

describe('loginUrl', () => {
  it('remembers where the user was going, except for the home page', () => {
    expect(loginUrl('/members')).toBe('/login?redirect=%2Fmembers');
    expect(loginUrl(HOME_PATH)).toBe('/login');
  });
});
