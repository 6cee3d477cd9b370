/**
 * State of the 终止监督 / 安标考评 section of a project overview: the server's termination record (through the
 * device cache, so it shows offline with its age) and the project department's submission form. The materials go
 * through the blob outbox (kept on the device first); the submission itself is a server action, sent once they
 * are uploaded.
 *
 * @module
 */
import { ApiError, terminationsApi, type ProjectDetail } from '$lib/api';
import type { Termination } from '$lib/api/terminations';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { networkManager } from '$lib/managers/network-manager.svelte';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import { todayInShanghai } from '$lib/utils/date';
import { handleError } from '$lib/utils/handle-error';

export class TerminationPanel {
  readonly resource = new CachedResource<{ termination: Termination }>('加载终止监督信息失败', {
    quietOffline: true,
  });
  applicationDate = $state(todayInShanghai());
  note = $state('');
  files = $state<File[]>([]);
  submitting = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly project: Pick<ProjectDetail, 'id' | 'filingNumber'>) {}

  load(): Promise<void> {
    return this.resource.load(terminationsApi.terminationPath(this.project.filingNumber));
  }

  get termination(): Termination | null {
    return this.resource.data?.termination ?? null;
  }

  /** Keeps the materials on the device, uploads them, then submits; true when the server accepted it. */
  async submit(): Promise<boolean> {
    if (!this.applicationDate) return this.#fail('请选择申请日期');
    if (this.applicationDate > todayInShanghai()) return this.#fail('申请日期不能晚于今天');
    if (this.files.length === 0) return this.#fail('请选择安标考评材料（扫描件或照片）');
    this.submitting = true;
    this.error = null;
    try {
      const kept = [];
      for (const file of this.files) {
        const { hash } = await outboxManager.addFile(file, `termination:${this.project.id}`);
        kept.push({ sha256: hash, name: file.name });
      }
      if (!networkManager.online) {
        return this.#fail('当前离线：材料已保存到本机，联网后将自动上传，届时请再次点击提交');
      }
      await outboxManager.flush();
      const { termination } = await terminationsApi.submit(this.project.filingNumber, {
        applicationDate: this.applicationDate,
        note: this.note.trim(),
        files: kept,
      });
      this.resource.data = { termination };
      this.files = [];
      this.note = '';
      toastManager.success('终止监督申请已提交，等待安监站评定');
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.isNetwork || error.code === 'files_not_uploaded')) {
        return this.#fail('材料尚未上传完成（已保存到本机，联网后自动上传），请稍后再次提交');
      }
      if (error instanceof Error && !(error instanceof ApiError)) return this.#fail(error.message);
      this.error = handleError(error, '提交终止监督申请失败') ?? null;
      return false;
    } finally {
      this.submitting = false;
    }
  }

  #fail(message: string): false {
    this.error = message;
    return false;
  }
}
