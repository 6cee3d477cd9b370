/**
 * State of 标准化月评统计: which month, 未月评 (default, to chase) or 已月评, the page, read through the device cache.
 *
 * @module
 */
import { withQuery, type MonthlyStatsPage } from '$lib/api';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { todayInShanghai } from '$lib/utils/date';

export const PAGE_SIZE = 20;

export class MonthlyPage {
  year = $state(0);
  month = $state(0);
  status = $state<'pending' | 'done'>('pending');
  page = $state(1);
  readonly list = new CachedResource<MonthlyStatsPage>('加载月评统计失败');

  /** `today`: YYYY-MM-DD in Asia/Shanghai; the page opens on its month. */
  constructor(today: string = todayInShanghai()) {
    this.year = Number(today.slice(0, 4));
    this.month = Number(today.slice(5, 7));
  }

  get path(): string {
    return withQuery('/monthly-evaluations', {
      year: this.year,
      month: this.month,
      status: this.status,
      page: this.page,
      pageSize: PAGE_SIZE,
    });
  }

  load(): Promise<void> {
    return this.list.load(this.path);
  }

  /** Changes a filter and goes back to the first page. */
  setFilter(change: () => void): void {
    change();
    this.page = 1;
  }
}

/** The years offered: this one and the four before. */
export function recentYears(current: number): number[] {
  return [0, 1, 2, 3, 4].map((back) => current - back);
}
