/**
 * State of a statistics drill-down: the records behind one figure (`/api/stats/records` with the figure's and the
 * page's filters from the URL), page by page, cached on the device like every list.
 *
 * @module
 */
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import type { RecordsAnswer } from '../stats-types';
import { sortedQuery } from '../stats-filter';

export const KIND_TITLES: Record<string, string> = {
  inspections: '检查记录',
  projects: '项目',
  rectifications: '整改记录',
  works: '超危大工程',
  alerts: '预警',
};

export class RecordsPage {
  readonly list = new CachedResource<RecordsAnswer>('加载记录失败');

  /** Loads the records for the URL's query (the figure's parameters and the page's filters). */
  load(search: URLSearchParams): Promise<void> {
    return this.list.load(`/stats/records?${sortedQuery(search)}`);
  }
}
