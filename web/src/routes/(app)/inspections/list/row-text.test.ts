import { describe, expect, it } from 'vitest';
import { progressText, rectificationText } from './row-text';

const base = {
  status: 'completed' as const,
  findingCount: 0,
  total: null,
  grade: null,
  selfScore: null,
  rectification: null,
};

describe('an inspection row', () => {
  it('shows the score and grade of a scored inspection, the self score of a 月评, or its progress', () => {
    expect(progressText({ ...base, total: '86.50', grade: '优良' })).toBe('86.50 分 · 优良');
    expect(progressText({ ...base, selfScore: '92.0' })).toBe('自评 92.0 分');
    expect(progressText(base)).toBe('已完成');
    expect(progressText({ ...base, status: 'draft', findingCount: 3 })).toBe('填写中 · 已记录 3 项');
    expect(progressText({ ...base, status: 'draft' })).toBe('填写中');
  });

  it('says whether rectification is needed and, once opened, its state and deadline', () => {
    expect(rectificationText(base)).toBe('无需整改');
    const requested = { deadline: '2026-03-22', state: null, stateLabel: null, overdue: false };
    expect(rectificationText({ ...base, rectification: requested })).toBe('需整改（期限 2026-03-22）');
    const open = { ...requested, state: 'returned' as const, stateLabel: '已退回' };
    expect(rectificationText({ ...base, rectification: open })).toBe('已退回 · 期限 2026-03-22');
  });
});
