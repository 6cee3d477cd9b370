/**
 * State of 历史检查: a project's internal-standard records with their files (from the device cache when offline),
 * and the soft deletions of a record or of one file, which the server audits.
 *
 * @module
 */
import { ApiError, request } from '$lib/api';
import { withQuery } from '$lib/api/query';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { loadProjects, type ProjectSummary } from '../projects-source';
import { rememberDeletedFile, rememberDeletedRecord, withoutDeleted } from '../list/deleted-records';
import type { InspectionListAnswer, InspectionListItem, ListedFile } from '../list/list-types';

/** What a 删除 asks to confirm: a whole record or one of its files. */
export type DeleteTarget =
  | { kind: 'record'; record: InspectionListItem }
  | { kind: 'file'; record: InspectionListItem; file: ListedFile };

export class HistoryPage {
  projects = $state<ProjectSummary[] | null>(null);
  projectsError = $state<string | null>(null);
  projectId = $state('');
  readonly list = new CachedResource<InspectionListAnswer>('加载历史检查失败');
  /** Bumped on each deletion: what the device deleted leaves the (possibly cached) answer on screen at once. */
  #deletions = $state(0);
  deleting = $state(false);

  get path(): string {
    return withQuery('/inspections', { project: this.projectId, method: 'internal', files: 'true' });
  }

  get records(): InspectionListItem[] {
    void this.#deletions;
    const data = this.list.data;
    return data ? withoutDeleted(data).inspections : [];
  }

  get project(): ProjectSummary | null {
    return this.projects?.find((p) => p.id === this.projectId) ?? null;
  }

  /** Loads the projects; `wanted` (the URL's `?project=`) is chosen when it is one of them. */
  async loadProjects(wanted: string | null): Promise<void> {
    try {
      const { projects } = await loadProjects();
      this.projects = projects.toSorted(
        (a, b) => Number(b.status === 'in_construction') - Number(a.status === 'in_construction'),
      );
      this.projectId = projects.find((p) => p.id === wanted)?.id ?? this.projects[0]?.id ?? '';
    } catch (error) {
      this.projects = [];
      this.projectsError = error instanceof ApiError ? error.message : '加载项目列表失败';
    }
  }

  load(): Promise<void> {
    return this.list.load(this.path);
  }

  /** Soft-deletes the target on the server; throws the server's refusal (zh-CN) for the page to show. */
  async remove(target: DeleteTarget): Promise<void> {
    this.deleting = true;
    try {
      const id = target.record.id;
      if (target.kind === 'record') {
        await request('DELETE', `/inspections/${id}`);
        rememberDeletedRecord(id);
      } else {
        await request('DELETE', `/inspections/${id}/files/${target.file.sha256}`);
        rememberDeletedFile(id, target.file.sha256);
      }
      this.#deletions++;
      await this.load();
    } finally {
      this.deleting = false;
    }
  }
}

/** What a deletion takes away, said before the user confirms it. */
export function describeLoss(target: DeleteTarget): string {
  const record = target.record;
  const files = record.files ?? [];
  if (target.kind === 'file') {
    return `将删除 ${record.date} 检查记录中的文件“${target.file.name}”。删除后所有人都看不到该文件，检查记录的其余内容保留；删除操作会记入安全审计（删除人和时间）。`;
  }
  const rect = record.rectification ? '，以及它的整改要求和整改记录' : '';
  return `将删除 ${record.date} 的${record.originLabel}记录（${files.length} 个文件${rect}）。删除后该记录从所有列表和统计中消失；删除操作会记入安全审计（删除人和时间）。`;
}
