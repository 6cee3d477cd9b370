import { describe, expect, it } from 'vitest';
import type { RectificationCounts } from '$lib/api/rectifications';
import { filtersOf, tabsFor } from './tabs';

const counts: RectificationCounts = {
  pending: 2,
  replied: 3,
  passed: 4,
  returned: 1,
  overdue: 1,
  toReply: 3,
  toReview: 3,
};

describe('the rectification list tabs', () => {
  it('put 逾期 first for the project department and 待复查 first for the inspecting side', () => {
    expect(tabsFor('project').map((t) => [t.label, t.count(counts)])).toEqual([
      ['全部', 10],
      ['逾期', 1],
      ['待整改', 2],
      ['已退回', 1],
      ['已回复', 3],
      ['已通过', 4],
    ]);
    expect(tabsFor('enterprise').map((t) => t.label)).toEqual([
      '全部',
      '待复查',
      '逾期',
      '待整改',
      '已退回',
      '已通过',
    ]);
  });

  it('turn a tab into the server filters, keeping the project filter', () => {
    expect(filtersOf('all', null)).toEqual({});
    expect(filtersOf('overdue', 'p1')).toEqual({ project: 'p1', overdue: true });
    expect(filtersOf('returned', null)).toEqual({ state: 'returned' });
  });
});
