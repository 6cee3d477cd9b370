/**
 * State of the rectification list (整改回复 for the project department, 整改跟踪 for the inspecting side): the
 * chosen tab, read through the device cache (offline it shows the device's copy with its age).
 *
 * @module
 */
import { listPath, type RectificationList } from '$lib/api/rectifications';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { filtersOf, type RectificationTab } from './tabs';

export class RectificationsPage {
  tab = $state<RectificationTab>('all');
  readonly list = new CachedResource<RectificationList>('加载整改记录失败');

  constructor(readonly project: string | null = null) {}

  get path(): string {
    return listPath(filtersOf(this.tab, this.project));
  }

  load(): Promise<void> {
    return this.list.load(this.path);
  }
}
