import { describe, expect, it } from 'vitest';
import { inspectionsPerYear, notBefore, optionalAmount, requiredDate } from './registry-validators';

describe('registry validators', () => {
  it('accepts an empty or non-negative amount and refuses text or too many decimals', () => {
    const area = optionalAmount('建筑面积');
    expect(area('')).toBeNull();
    expect(area('12500.5')).toBeNull();
    expect(area('-3')).toContain('建筑面积');
    expect(area('1.234')).toContain('最多 2 位小数');
  });

  it('takes 1 to 12 inspections a year', () => {
    expect(inspectionsPerYear('3')).toBeNull();
    expect(inspectionsPerYear('0')).not.toBeNull();
    expect(inspectionsPerYear('13')).not.toBeNull();
    expect(inspectionsPerYear('2.5')).not.toBeNull();
  });

  it('refuses an expected completion before the start, and allows the same day', () => {
    const completion = notBefore(() => '2026-03-01', '计划竣工日期', '开工日期');
    expect(completion('2026-02-28')).toBe('计划竣工日期不能早于开工日期');
    expect(completion('2026-03-01')).toBeNull();
    expect(completion('')).toBeNull();
  });

  it('requires a date when the field is mandatory', () => {
    expect(requiredDate('竣工备案日期')('')).toBe('请选择竣工备案日期');
    expect(requiredDate('竣工备案日期')('2026-11-30')).toBeNull();
  });
});
