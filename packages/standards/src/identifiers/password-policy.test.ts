import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_COUNT, commonPasswords } from './common-passwords.js';
import { checkPasswordPolicy } from './password-policy.js';

describe('checkPasswordPolicy', () => {
  it('ships a few thousand common passwords, every one of which would pass the shape rules alone', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThan(2500);
    expect(commonPasswords().size).toBe(COMMON_PASSWORD_COUNT);
    for (const p of commonPasswords()) expect(p).toMatch(/^(?=.*[a-z])(?=.*\d)[\x21-\x7e]{8,}$/);
  });

  it.each(['password1', 'Password123', '1qaz2wsx', 'WOAINI1314', 'a123456789'])(
    'refuses the common %s',
    (p) => {
      expect(checkPasswordPolicy(p)).toEqual({
        ok: false,
        code: 'too_common',
        message: '该密码过于常见，容易被猜中，请换一个',
      });
    },
  );

  it('refuses a password containing the login, ignoring case and separators', () => {
    expect(checkPasswordPolicy('x13812345678y', { login: '13812345678' })).toMatchObject({
      code: 'contains_login',
    });
    expect(checkPasswordPolicy('ab91320100ma1mxx0a01', { login: '91320100MA1MXX0A01' })).toMatchObject({
      code: 'contains_login',
      message: '密码不能包含账号',
    });
    expect(checkPasswordPolicy('Anquan2026', { login: 'Anquan2026' })).toMatchObject({
      code: 'contains_login',
    });
  });

  it('accepts an uncommon password unrelated to the login, and still applies the shape rules first', () => {
    expect(checkPasswordPolicy('Anquan2026', { login: '13812345678' })).toEqual({ ok: true });
    expect(checkPasswordPolicy('Jx7#river2026')).toEqual({ ok: true });
    expect(checkPasswordPolicy('short1')).toMatchObject({ code: 'too_short' });
  });
});
