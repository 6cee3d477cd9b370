import { describe, expect, it } from 'vitest';
import { checkPassword } from './password.js';

describe('checkPassword', () => {
  it('accepts eight characters with a letter and a digit', () => {
    expect(checkPassword('abcdefg1')).toEqual({ ok: true });
  });

  it('rejects seven characters as too short', () => {
    expect(checkPassword('abcdef1')).toMatchObject({ ok: false, code: 'too_short' });
  });

  it('accepts 128 characters and rejects 129 as too long', () => {
    expect(checkPassword('a1'.repeat(64))).toEqual({ ok: true });
    expect(checkPassword(`${'a1'.repeat(64)}b`)).toMatchObject({ ok: false, code: 'too_long' });
  });

  it('requires both a letter and a digit', () => {
    expect(checkPassword('abcdefgh')).toMatchObject({ ok: false, code: 'needs_letter_and_digit' });
    expect(checkPassword('12345678')).toMatchObject({ ok: false, code: 'needs_letter_and_digit' });
    expect(checkPassword('安全管理安全管理1')).toMatchObject({ ok: false, code: 'needs_letter_and_digit' });
  });

  it('counts Unicode code points, so each Chinese character counts once', () => {
    expect(checkPassword('安全a1安全')).toMatchObject({ ok: false, code: 'too_short' });
    expect(checkPassword('安全a1安全管理')).toEqual({ ok: true });
  });

  it('gives a zh-CN message', () => {
    expect(checkPassword('short1')).toMatchObject({ message: '密码至少8位' });
  });
});
