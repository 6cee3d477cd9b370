/**
 * State of the 新建检查 page: the projects in construction (searched in ProjectPicker), the method, the date, and for an
 * enterprise account the inspectors chosen from its members.
 *
 * @module
 */
import { INSPECTION_METHODS, type InspectionMethod } from '@anguan/model';
import type { Member, User } from '$lib/api';
import { listMembers } from '$lib/api/members';
import { handleError } from '$lib/utils/handle-error';
import { loadProjects, type ProjectSummary } from '../projects-source';
import { todayInShanghai } from './create-inspection';
import { orderProjects } from './project-filter';

export class NewInspectionState {
  projects = $state<ProjectSummary[] | null>(null);
  fromCache = $state(false);
  loadError = $state<string | null>(null);
  projectId = $state('');
  method = $state<InspectionMethod>('terms');
  date = $state(todayInShanghai());
  members = $state<Member[]>([]);
  inspectorIds = $state<string[]>([]);
  creating = $state(false);

  /** What may be inspected, in the picker's order (projects-source's cache keeps this working offline). */
  readonly inConstruction = $derived(orderProjects((this.projects ?? []).filter((p) => p.status === 'in_construction')));

  /** `wanted`: the method the entry link asked for (`?method=jgj59` from 按JGJ59检查), if any. */
  constructor(
    private readonly user: User | null,
    wanted: string | null,
  ) {
    if (INSPECTION_METHODS.includes(wanted as never)) this.method = wanted as InspectionMethod;
  }

  async load(): Promise<void> {
    try {
      const result = await loadProjects();
      this.projects = result.projects;
      this.fromCache = result.fromCache;
      const only = this.inConstruction.length === 1 ? this.inConstruction[0] : undefined;
      if (only) this.projectId = only.id;
    } catch (error) {
      this.loadError = handleError(error, '加载项目列表失败') ?? '加载项目列表失败';
    }
    if (this.user?.role === 'enterprise') {
      // Only the enterprise account lists its members; inspectors add themselves by scoring.
      const { members } = await listMembers().catch(() => ({ members: [] as Member[] }));
      this.members = members.filter((m) => m.role === 'inspector' && !m.disabled);
    }
  }

  chosenInspectors(): { userId: string; name: string }[] {
    return this.members
      .filter((m) => this.inspectorIds.includes(m.id))
      .map((m) => ({ userId: m.id, name: m.displayName }));
  }
}
