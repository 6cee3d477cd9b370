/**
 * State of 超危大工程清单 (enterprise, inspector, supervisor): every super-dangerous work across the user's
 * projects, filtered by category, project and gap, paged by the server, read through the device cache.
 *
 * @module
 */
import { withQuery, type DangerousWorksPage, type ProjectListItem } from '$lib/api';
import { CachedResource } from '$lib/cache/cached-resource.svelte';

export const PAGE_SIZE = 20;

export class WorksListPage {
  category = $state('');
  projectId = $state('');
  gap = $state<'' | 'any' | 'none'>('');
  page = $state(1);
  readonly list = new CachedResource<DangerousWorksPage>('加载超危大工程清单失败');
  /** Projects offered in the project filter (the first 100 in construction). */
  readonly projects = new CachedResource<{ projects: ProjectListItem[] }>('加载项目列表失败');

  get path(): string {
    return withQuery('/dangerous-works', {
      category: this.category,
      projectId: this.projectId,
      gap: this.gap,
      page: this.page,
      pageSize: PAGE_SIZE,
    });
  }

  load(): Promise<void> {
    return this.list.load(this.path);
  }

  loadProjects(): Promise<void> {
    return this.projects.load(withQuery('/projects', { pageSize: 100, status: 'in_construction' }));
  }

  setFilter(change: () => void): void {
    change();
    this.page = 1;
  }
}
