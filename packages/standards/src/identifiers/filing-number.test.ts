import { describe, expect, it } from 'vitest';
import { checkFilingNumber } from './filing-number.js';

describe('checkFilingNumber', () => {
  it('accepts letters, digits and hyphens and returns the trimmed value with its case kept', () => {
    expect(checkFilingNumber(' JS-2024-0012 ')).toEqual({ ok: true, value: 'JS-2024-0012' });
    expect(checkFilingNumber('nj3201a')).toEqual({ ok: true, value: 'nj3201a' });
  });

  it('accepts exactly 6 and exactly 32 characters and rejects 5 and 33', () => {
    expect(checkFilingNumber('123456')).toMatchObject({ ok: true });
    expect(checkFilingNumber('A'.repeat(32))).toMatchObject({ ok: true });
    expect(checkFilingNumber('12345')).toMatchObject({ ok: false, code: 'length' });
    expect(checkFilingNumber('A'.repeat(33))).toMatchObject({ ok: false, code: 'length' });
  });

  it('rejects Chinese characters, spaces inside and other punctuation', () => {
    expect(checkFilingNumber('苏建备2024001')).toMatchObject({ ok: false, code: 'charset' });
    expect(checkFilingNumber('JS 2024 001')).toMatchObject({ ok: false, code: 'charset' });
    expect(checkFilingNumber('JS/2024/001')).toMatchObject({ ok: false, code: 'charset' });
  });

  it('reports an empty input as empty', () => {
    expect(checkFilingNumber('   ')).toMatchObject({ ok: false, code: 'empty', message: '请输入监督备案号' });
  });
});
