/**
 * State of the 企业检查计划 section of a project overview: the project's recurring plans with their next due date
 * and missed periods, and the enterprise account's form to add or remove one.
 *
 * @module
 */
import { terminationsApi } from '$lib/api';
import type { PlanFrequency, PlanList } from '$lib/api/terminations';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { todayInShanghai } from '$lib/utils/date';
import { handleError } from '$lib/utils/handle-error';

export class InspectionPlans {
  readonly resource = new CachedResource<PlanList>('加载企业检查计划失败', { quietOffline: true });
  inspectorUserId = $state('');
  inspectorName = $state('');
  frequency = $state<PlanFrequency>('monthly');
  startDate = $state(todayInShanghai());
  saving = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly project: { id: string; filingNumber: string }) {}

  load(): Promise<void> {
    return this.resource.load(terminationsApi.plansPath(this.project.filingNumber));
  }

  async add(): Promise<void> {
    if (!this.inspectorUserId && !this.inspectorName.trim()) return void (this.error = '请选择或填写检查人');
    if (!this.startDate) return void (this.error = '请选择开始日期');
    this.saving = true;
    this.error = null;
    try {
      await terminationsApi.createPlan({
        projectId: this.project.id,
        inspectorUserId: this.inspectorUserId || null,
        inspectorName: this.inspectorName.trim(),
        frequency: this.frequency,
        startDate: this.startDate,
      });
      this.inspectorName = '';
      toastManager.success('检查计划已保存');
      await this.load();
    } catch (error) {
      this.error = handleError(error, '保存检查计划失败') ?? null;
    } finally {
      this.saving = false;
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await terminationsApi.deletePlan(id);
      toastManager.success('检查计划已删除');
      await this.load();
    } catch (error) {
      handleError(error, '删除检查计划失败');
    }
  }
}
