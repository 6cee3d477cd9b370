import { describe, expect, it } from 'vitest';
import { dangerousWorkGaps, superDangerousCategoryName, type WorkSteps } from './gaps.js';

const rec = (date: string | null, conclusion: string | null = null) => ({ date, conclusion });
const codes = (steps: WorkSteps, today: string) => dangerousWorkGaps(steps, today).map((g) => g.code);

/** Every step in time for a start on 2026-03-10. */
const complete: WorkSteps = {
  plan: rec('2026-02-01'),
  expertReview: rec('2026-02-20', '通过'),
  briefing: rec('2026-03-05'),
  acceptance: rec('2026-03-09', '合格'),
  implementation: rec('2026-03-10'),
};

describe('超危大 work gaps', () => {
  it('flags only a missing plan before the work starts', () => {
    expect(codes({}, '2026-03-01')).toEqual(['plan_missing']);
    expect(codes({ plan: rec('2026-02-01'), implementation: rec('2026-03-10') }, '2026-03-09')).toEqual([]);
  });

  it('counts the start day itself as started', () => {
    const steps = { plan: rec('2026-02-01'), implementation: rec('2026-03-10') };
    expect(codes(steps, '2026-03-10')).toEqual([
      'expert_review_missing',
      'briefing_missing',
      'acceptance_missing',
    ]);
  });

  it('has no gap when every step is in time', () => {
    expect(dangerousWorkGaps(complete, '2026-11-30')).toEqual([]);
  });

  it('accepts a step dated on the start day and flags one dated the day after', () => {
    for (const step of ['plan', 'expertReview', 'briefing', 'acceptance'] as const) {
      const sameDay = { ...complete, [step]: { ...complete[step], date: '2026-03-10' } };
      expect(codes(sameDay, '2026-11-30')).toEqual([]);
      const dayAfter = { ...complete, [step]: { ...complete[step], date: '2026-03-11' } };
      const late = {
        plan: 'plan_late',
        expertReview: 'expert_review_late',
        briefing: 'briefing_late',
        acceptance: 'acceptance_late',
      };
      expect(codes(dayAfter, '2026-11-30')).toEqual([late[step]]);
    }
  });

  it('flags a failed expert review or acceptance', () => {
    expect(codes({ ...complete, expertReview: rec('2026-02-20', '不通过') }, '2026-11-30')).toEqual([
      'expert_review_failed',
    ]);
    expect(codes({ ...complete, acceptance: rec('2026-03-09', '不合格') }, '2026-11-30')).toEqual([
      'acceptance_failed',
    ]);
  });

  it('wants the plan revised after a 修改后通过 review, at the latest on the start day', () => {
    const revised = { ...complete, expertReview: rec('2026-02-20', '修改后通过') };
    expect(codes(revised, '2026-11-30')).toEqual(['revision_not_rereviewed']);
    expect(codes({ ...revised, plan: rec('2026-02-20') }, '2026-11-30')).toEqual(['revision_not_rereviewed']);
    expect(codes({ ...revised, plan: rec('2026-02-21') }, '2026-11-30')).toEqual([]);
    expect(codes({ ...revised, plan: rec('2026-03-11') }, '2026-11-30')).toEqual(['plan_late']);
  });

  it('names the 附件2 categories and nothing else', () => {
    expect(superDangerousCategoryName('foundation_pit')).toBe('深基坑工程');
    expect(superDangerousCategoryName('deep_excavation')).toBeNull();
  });
});
