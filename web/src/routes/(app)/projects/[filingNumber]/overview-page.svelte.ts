/**
 * State of one project overview (`/projects/<监督备案号>`): the server's overview, read through the device cache,
 * and the timeline filters (applied on the device, so they work offline too).
 *
 * @module
 */
import type { InspectionMethodCode, InspectionOriginCode, ProjectOverview, TimelineEntry } from '$lib/api';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { overviewPath } from '../overview-prefetch';
import { filterTimeline } from './overview-filter';

export class OverviewPage {
  readonly overview = new CachedResource<ProjectOverview>('加载项目概况失败');
  origin = $state<InspectionOriginCode | ''>('');
  method = $state<InspectionMethodCode | ''>('');
  from = $state('');
  to = $state('');

  constructor(readonly filingNumber: string) {}

  get path(): string {
    return overviewPath(this.filingNumber);
  }

  load(): Promise<void> {
    return this.overview.load(this.path);
  }

  /** The timeline after the filters, newest first as the server sends it. */
  get timeline(): TimelineEntry[] {
    return filterTimeline(this.overview.data?.timeline ?? [], this);
  }
}
