/**
 * State of 项目信息: filters, search and paging as one query the server answers page by page, read through the
 * device cache so the list opens offline with the last answer this device saw.
 *
 * @module
 */
import { withQuery, type ProjectListItem, type ProjectStatus, type RegionRef } from '$lib/api';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { mergeRegions } from './region-options';

export const PAGE_SIZE = 20;

export interface ProjectListAnswer {
  projects: ProjectListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type StatusFilter = ProjectStatus | 'all';
export type SpecialFilter = 'all' | 'true' | 'false';

export class ProjectsPage {
  status = $state<StatusFilter>('in_construction');
  region = $state('');
  special = $state<SpecialFilter>('all');
  /** The search the list shows (set on submit, not per keystroke). */
  query = $state('');
  page = $state(1);
  readonly list = new CachedResource<ProjectListAnswer>('加载项目列表失败');
  /** Every region seen in answers so far, for the region filter (cities and districts). */
  regions = $state<RegionRef[]>([]);

  /** `/projects?…` for the current filters (also the cache key). */
  get path(): string {
    return withQuery('/projects', {
      status: this.status === 'all' ? undefined : this.status,
      region: this.region,
      special: this.special === 'all' ? undefined : this.special,
      q: this.query.trim(),
      page: this.page,
      pageSize: PAGE_SIZE,
    });
  }

  async load(): Promise<void> {
    await this.list.load(this.path);
    const merged = mergeRegions(this.regions, this.list.data?.projects ?? []);
    if (merged.length !== this.regions.length) this.regions = merged;
  }

  /** True when a filter or search narrows the default list (in construction, everything), so an empty answer
   * means "nothing matches" rather than "nothing is being built". */
  get narrowed(): boolean {
    return (
      this.status !== 'in_construction' ||
      this.region !== '' ||
      this.special !== 'all' ||
      this.query.trim() !== ''
    );
  }

  /** Changes a filter and goes back to the first page. */
  setFilter(change: () => void): void {
    change();
    this.page = 1;
  }
}
