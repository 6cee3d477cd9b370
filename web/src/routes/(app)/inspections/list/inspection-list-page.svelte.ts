/**
 * State of an inspection list (企业检查, 项目自查, 安监抽查): the filters the URL holds, the form being edited, and
 * the list read through the device cache, so it opens offline with the last answer and its age.
 *
 * @module
 */
import type { InspectionOrigin } from '@anguan/model';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { loadProjects, type ProjectSummary } from '../projects-source';
import {
  apiPath,
  EMPTY_FILTERS,
  filtersFromUrl,
  filtersToSearch,
  isNarrowed,
  rangeProblem,
  type ListFilters,
} from './list-filters';
import { withoutDeleted } from './deleted-records';
import type { InspectionListAnswer } from './list-types';

export class InspectionListPage {
  /** What the list shows (from the URL). */
  applied = $state<ListFilters>({ ...EMPTY_FILTERS });
  /** What the filter form shows until 查询. */
  draft = $state<ListFilters>({ ...EMPTY_FILTERS });
  projects = $state<ProjectSummary[]>([]);
  readonly list = new CachedResource<InspectionListAnswer>('加载检查记录失败');
  readonly rangeError = $derived(rangeProblem(this.draft));

  /** `fixedOrigin`: 项目自查 (`self`) and 安监抽查 (`spot`) list one origin; 企业检查 lets the user choose. */
  constructor(readonly fixedOrigin: InspectionOrigin | null) {}

  /** Takes the filters from the page's URL (on every navigation, including back/forward). */
  readUrl(params: URLSearchParams): void {
    const filters = filtersFromUrl(params, this.fixedOrigin);
    this.applied = filters;
    this.draft = { ...filters };
  }

  /** The answer on screen, less what this device deleted (its cached copies cannot know). */
  get shown(): InspectionListAnswer | null {
    const data = this.list.data;
    return data ? withoutDeleted(data) : null;
  }

  get narrowed(): boolean {
    return isNarrowed(this.applied, this.fixedOrigin);
  }

  get apiPath(): string {
    return apiPath(this.applied);
  }

  load(): Promise<void> {
    return this.list.load(this.apiPath);
  }

  async loadProjects(): Promise<void> {
    try {
      this.projects = (await loadProjects()).projects;
    } catch {
      // The project filter then offers 全部项目 alone; the list itself says what went wrong.
      this.projects = [];
    }
  }

  /** The URL search for the form's filters, or null while the form is invalid. */
  searchForDraft(): string | null {
    if (this.rangeError) return null;
    return filtersToSearch({ ...this.draft, inspector: this.draft.inspector.trim() }, this.fixedOrigin);
  }

  /** The URL search that clears every filter. */
  get clearedSearch(): string {
    return filtersToSearch({ ...EMPTY_FILTERS, origin: this.fixedOrigin ?? '' }, this.fixedOrigin);
  }
}
