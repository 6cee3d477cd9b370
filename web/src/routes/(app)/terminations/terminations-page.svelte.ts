/**
 * State of the supervisor's 终止监督评定 list: the region's terminations by state (待评定 first), paged on the
 * server and read through the device cache.
 *
 * @module
 */
import { terminationsApi } from '$lib/api';
import type { TerminationList, TerminationStatus } from '$lib/api/terminations';
import { CachedResource } from '$lib/cache/cached-resource.svelte';

export const STATUS_TABS: ReadonlyArray<{ status: TerminationStatus; label: string }> = [
  { status: 'submitted', label: '待评定' },
  { status: 'returned', label: '已退回' },
  { status: 'graded', label: '已评定' },
  { status: 'none', label: '已竣工未申请' },
];

export function parseStatus(value: string | null): TerminationStatus {
  return STATUS_TABS.some((t) => t.status === value) ? (value as TerminationStatus) : 'submitted';
}

export class TerminationsPage {
  readonly list = new CachedResource<TerminationList>('加载终止监督申请失败');

  constructor(
    readonly status: TerminationStatus,
    readonly page: number,
  ) {}

  load(): Promise<void> {
    return this.list.load(terminationsApi.listPath(this.status, this.page));
  }

  get pages(): number {
    const data = this.list.data;
    return data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  }
}
