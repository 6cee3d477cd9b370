/**
 * State of 统计分析: the filters (from the URL) and one cached answer per section, so the page opens offline with
 * the last figures this device saw and their age.
 *
 * @module
 */
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import type { SectionAnswer } from './stats-types';
import { withFilter, type StatsFilter } from './stats-filter';

export interface SectionInfo {
  id: string;
  title: string;
  supervisorOnly?: boolean;
}

export const SECTIONS: SectionInfo[] = [
  { id: 'ranking', title: '企业排名', supervisorOnly: true },
  { id: 'projects', title: '项目概况' },
  { id: 'inspections', title: '检查次数、进度与评分' },
  { id: 'findings', title: '隐患与扣分' },
  { id: 'rectifications', title: '整改' },
  { id: 'dangerous-works', title: '超危大工程' },
  { id: 'alerts', title: '预警' },
];

export class StatsPage {
  readonly sections: (SectionInfo & { resource: CachedResource<SectionAnswer> })[];

  constructor(supervisor: boolean) {
    this.sections = SECTIONS.filter((s) => supervisor || !s.supervisorOnly).map((s) => ({
      ...s,
      resource: new CachedResource<SectionAnswer>(`加载“${s.title}”统计失败`),
    }));
  }

  /** Loads every section for `filter` (each independently: one failing leaves the others on screen). */
  async load(filter: StatsFilter): Promise<void> {
    await Promise.all(this.sections.map((s) => s.resource.load(withFilter(`/stats/${s.id}`, filter))));
  }
}
