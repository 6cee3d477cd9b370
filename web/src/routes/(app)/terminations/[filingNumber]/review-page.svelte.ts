/**
 * State of the supervisor's review of one 终止监督 submission: the record and what feeds the grade (read through
 * the device cache), and the two decisions — grade (优良/合格/不合格 with reasons, revoking any automatic 不合格
 * with its own reason when grading above it) or 退回 with a reason.
 *
 * @module
 */
import { ApiError, terminationsApi } from '$lib/api';
import type { EvaluationGrade, GradeFigures, Termination } from '$lib/api/terminations';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { handleError } from '$lib/utils/handle-error';

export class ReviewPage {
  readonly review = new CachedResource<{ termination: Termination; figures: GradeFigures }>(
    '加载终止监督申请失败',
  );
  grade = $state<EvaluationGrade | ''>('');
  reason = $state('');
  /** Reason per standing automatic failure, by its evaluation id. */
  revocations = $state<Record<string, string>>({});
  returnReason = $state('');
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(readonly filingNumber: string) {}

  load(): Promise<void> {
    return this.review.load(terminationsApi.reviewPath(this.filingNumber));
  }

  /** Automatic 不合格 decisions still standing: they cap the grade unless revoked with a reason. */
  get standingFailures() {
    return (this.review.data?.figures.automaticFailures ?? []).filter((f) => f.revokedAt === null);
  }

  get needsRevocation(): boolean {
    return this.grade !== '' && this.grade !== '不合格' && this.standingFailures.length > 0;
  }

  async submitGrade(): Promise<void> {
    if (!this.grade) return void (this.error = '请选择考评结果');
    if (!this.reason.trim()) return void (this.error = '请填写评定理由');
    const revocations = this.needsRevocation
      ? this.standingFailures.map((f) => ({
          evaluationId: f.id,
          reason: (this.revocations[f.id] ?? '').trim(),
        }))
      : [];
    if (revocations.some((r) => !r.reason)) {
      return void (this.error = '评为合格或优良须逐条填写撤销自动不合格的理由');
    }
    await this.#act(async () => {
      const grade = this.grade as EvaluationGrade;
      const { termination } = await terminationsApi.grade(this.filingNumber, {
        grade,
        reason: this.reason.trim(),
        revocations,
      });
      toastManager.success(`已评定为${termination.grade}，项目已终止监督`);
    }, '评定失败');
  }

  async sendBack(): Promise<void> {
    if (!this.returnReason.trim()) return void (this.error = '请填写退回理由');
    await this.#act(async () => {
      await terminationsApi.sendBack(this.filingNumber, this.returnReason.trim());
      toastManager.success('已退回项目部，等待重新提交');
    }, '退回失败');
  }

  async #act(action: () => Promise<void>, failure: string): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await action();
      await this.load();
    } catch (error) {
      this.error = handleError(error, failure) ?? null;
      if (error instanceof ApiError && error.code === 'automatic_failure_stands') await this.load();
    } finally {
      this.busy = false;
    }
  }
}
