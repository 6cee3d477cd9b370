/**
 * The tabs of the rectification list and the server filters each stands for.
 *
 * @module
 */
import type { Role } from '$lib/api';
import type { RectificationCounts, RectificationFilters } from '$lib/api/rectifications';

export type RectificationTab = 'all' | 'overdue' | 'pending' | 'returned' | 'replied' | 'passed';

export interface TabInfo {
  id: RectificationTab;
  label: string;
  count: (counts: RectificationCounts) => number;
}

const ALL_TAB: TabInfo = {
  id: 'all',
  label: '全部',
  count: (c) => c.pending + c.replied + c.passed + c.returned,
};
const TABS: Record<Exclude<RectificationTab, 'all'>, TabInfo> = {
  overdue: { id: 'overdue', label: '逾期', count: (c) => c.overdue },
  pending: { id: 'pending', label: '待整改', count: (c) => c.pending },
  returned: { id: 'returned', label: '已退回', count: (c) => c.returned },
  replied: { id: 'replied', label: '已回复', count: (c) => c.replied },
  passed: { id: 'passed', label: '已通过', count: (c) => c.passed },
};

/**
 * The tabs in the order each side works them: the project department answers 待整改 and 已退回 (逾期 first); a
 * safety director reviews 已回复 (待复查) first, then chases 逾期 and the open ones.
 */
export function tabsFor(role: Role): TabInfo[] {
  const { overdue, pending, returned, replied, passed } = TABS;
  return role === 'project'
    ? [ALL_TAB, overdue, pending, returned, replied, passed]
    : [ALL_TAB, { ...replied, label: '待复查' }, overdue, pending, returned, passed];
}

/** The server filters of a tab. */
export function filtersOf(tab: RectificationTab, project: string | null): RectificationFilters {
  const base: RectificationFilters = project ? { project } : {};
  if (tab === 'all') return base;
  if (tab === 'overdue') return { ...base, overdue: true };
  return { ...base, state: tab };
}
