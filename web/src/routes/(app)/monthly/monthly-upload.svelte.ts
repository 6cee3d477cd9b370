/**
 * State of the project department's 标准化月评 page: the form (scans + optional self-score), the uploads made on
 * this device and their sync state, and the server's history of the project's evaluations.
 *
 * @module
 */
import { inspectionDocName } from '@anguan/model';
import { ApiError, request, type ProjectOverview, type User } from '$lib/api';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { networkManager } from '$lib/managers/network-manager.svelte';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { DocSession } from '$lib/sync/doc-session';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import { todayInShanghai } from '$lib/utils/date';
import { handleError } from '$lib/utils/handle-error';
import { syncServerUrl } from '../inspections/[inspectionId=uuid]/inspection-page.svelte';
import { createEvaluationOnDevice } from './create-evaluation';
import { readLocalUploads, writeLocalUploads, type LocalUpload } from './local-uploads';
import { parseSelfScore } from './self-score';

export class MonthlyUpload {
  files = $state<File[]>([]);
  selfScore = $state('');
  submitting = $state(false);
  error = $state<string | null>(null);
  uploads = $state<LocalUpload[]>([]);
  readonly history = new CachedResource<ProjectOverview>('加载月评记录失败');
  readonly month = todayInShanghai().slice(0, 7);
  /** Open sessions of this device's uploads (not state: nothing renders them). */
  readonly #sessions: DocSession[] = [];

  constructor(private readonly user: User & { project: NonNullable<User['project']> }) {
    this.uploads = readLocalUploads(localStorage).filter((u) => u.projectId === user.project.id);
    for (const upload of this.uploads) if (upload.syncedAt === null) this.#keepSyncing(upload);
  }

  loadHistory(): Promise<void> {
    return this.history.load(`/projects/${encodeURIComponent(this.user.project.filingNumber)}/overview`);
  }

  /** Whether this month already has an evaluation (on the server or from this device). */
  get doneThisMonth(): boolean {
    const server = this.history.data?.monthlyEvaluations.some((e) => e.month === this.month) ?? false;
    return server || this.uploads.some((u) => u.month === this.month);
  }

  async submit(): Promise<void> {
    const parsed = parseSelfScore(this.selfScore);
    if (this.files.length === 0) return void (this.error = '请选择本月月评表的扫描件或照片');
    if ('error' in parsed) return void (this.error = parsed.error);
    this.submitting = true;
    this.error = null;
    try {
      const date = todayInShanghai();
      const id = await createEvaluationOnDevice(this.user, {
        projectId: this.user.project.id,
        date,
        selfScore: parsed.score,
        files: this.files,
      });
      const upload: LocalUpload = {
        docName: inspectionDocName(id),
        inspectionId: id,
        projectId: this.user.project.id,
        month: date.slice(0, 7),
        date,
        selfScore: parsed.score,
        fileCount: this.files.length,
        createdAt: Date.now(),
        syncedAt: null,
      };
      this.#save([upload, ...this.uploads]);
      this.#keepSyncing(upload);
      this.files = [];
      this.selfScore = '';
      toastManager.success(networkManager.online ? '月评已提交，正在上传' : '已保存到本机，联网后自动上传');
    } catch (error) {
      this.error = handleError(error, '提交月评失败') ?? null;
    } finally {
      this.submitting = false;
    }
  }

  destroy(): void {
    for (const session of this.#sessions.splice(0)) void session.destroy();
  }

  /**
   * Opens the document's session so its content goes up once registered. It stays open while the page does:
   * closing right after the handshake could drop the reply that carries the content.
   */
  #keepSyncing(upload: LocalUpload): void {
    const session = new DocSession({
      docName: upload.docName,
      serverUrl: syncServerUrl(window.location),
      connect: false,
    });
    this.#sessions.push(session);
    const unsubscribe = session.subscribe((status) => {
      if (!status.serverSynced || status.unsyncedChanges) return;
      unsubscribe();
      void this.#seal(upload);
    });
    void outboxManager.whenRegistered(upload.docName).then(() => session.connect());
  }

  /**
   * Seals the synced evaluation: only a sealed 月评 counts for the month (the server then accepts no change to it,
   * and a later upload replaces it while this one stays in the history). A seal that fails (network) is tried
   * again the next time the page opens, since the upload stays unmarked.
   */
  async #seal(upload: LocalUpload): Promise<void> {
    try {
      await request('POST', `/documents/${encodeURIComponent(upload.docName)}/seal`, {});
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'already_sealed')) {
        handleError(error, `${upload.month} 月评上传后确认失败，下次打开本页时重试`);
        return;
      }
    }
    this.#save(this.uploads.map((u) => (u.docName === upload.docName ? { ...u, syncedAt: Date.now() } : u)));
    toastManager.success(`${upload.month} 月评已上传到服务器`);
    void this.loadHistory();
  }

  #save(uploads: LocalUpload[]): void {
    this.uploads = uploads;
    const others = readLocalUploads(localStorage).filter((u) => u.projectId !== this.user.project.id);
    writeLocalUploads(localStorage, [...uploads, ...others]);
  }
}
