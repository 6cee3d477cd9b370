/**
 * State of 项目信息: filters, search and paging as one query the server answers page by page, read through the
 * device cache so the list opens offline with the last answer this device saw.
 *
 * @module
 */
import { request, withQuery, type ProjectListItem, type ProjectStatus, type RegionRef } from '$lib/api';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { answerStore } from '$lib/cache/idb-answer-store';
import { authManager } from '$lib/managers/auth-manager.svelte';
import { prefetchOverviews } from './overview-prefetch';
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
  /** How many of the shown page's overviews are kept on the device for offline use (null until known). */
  offlineReady = $state<number | null>(null);

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

  /** Every region the user has projects in, from the device cache when offline. */
  readonly regionChoices = new CachedResource<{ regions: ProjectListItem['region'][] }>('加载地区列表失败');

  async load(): Promise<void> {
    await this.list.load(this.path);
    this.addRegions(this.list.data?.projects ?? []);
  }

  /**
   * Keeps the overviews of the first page's projects on the device in the background (not for a device copy of
   * the list, nor for later pages: those are what the user is already looking at, or may never open).
   */
  async prefetchOverviews(signal: AbortSignal): Promise<void> {
    this.offlineReady = null;
    const answer = this.list.data;
    const userId = authManager.user?.id;
    if (!answer || this.list.stale || answer.page !== 1 || !userId) return;
    const result = await prefetchOverviews(
      answer.projects.map((p) => p.filingNumber),
      {
        userId,
        store: answerStore,
        fetchJson: (path, s) => request('GET', path, undefined, { signal: s }),
        signal,
        idle: whenIdle,
      },
    );
    if (result.complete && !signal.aborted) this.offlineReady = result.stored;
  }

  /** The region filter's full choice list (once per page visit); the pages' own regions stand in until then. */
  async loadRegions(): Promise<void> {
    await this.regionChoices.load('/projects/regions');
    this.addRegions((this.regionChoices.data?.regions ?? []).map((region) => ({ region })));
  }

  private addRegions(from: readonly Pick<ProjectListItem, 'region'>[]): void {
    const merged = mergeRegions(this.regions, from);
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

/** Resolves when the browser has time to spare (or soon, where it cannot tell). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 50);
  });
}
