/**
 * 保存汇总: the checks the page can make itself (评语, unsaved sub-tables, network), then the server's seal, with
 * its refusals in zh-CN. The server rescoring and sealing the synced state is what counts.
 *
 * @module
 */
import * as Y from 'yjs';
import { setStatus, sheetDisplayName } from '@anguan/model';
import { ApiError, request } from '$lib/api';
import { rememberSealed } from './document-access';
import type { SheetPage } from './sheet-page.svelte';

/** How long to wait for this device's last edits to reach the server before sealing. */
const SYNC_WAIT_MS = 10_000;

export class SealFlow {
  sealedAt = $state<string | null>(null);
  sealing = $state(false);
  /** Why the last 保存汇总 was refused, one zh-CN line each. */
  problems = $state<string[]>([]);

  constructor(private readonly page: SheetPage) {}

  /** What the page itself can tell is missing before asking the server. */
  localProblems(): string[] {
    const page = this.page;
    const problems: string[] = [];
    if (page.sheets.length === 0) problems.push('还没有检查任何分项检查评分表');
    // The same rule as the model's `unsavedSheets`, which the server applies when sealing.
    const unsaved = page.sheets.filter((s) => !s.done && !s.notApplicable);
    if (unsaved.length > 0) {
      const names = unsaved.map((sheet) => sheetDisplayName(sheet, page.catalog));
      problems.push(`以下分项检查表尚未保存：${names.join('、')}`);
    }
    if (page.comment.trim() === '') problems.push('请填写评语后再保存汇总');
    return problems;
  }

  async seal(): Promise<boolean> {
    const page = this.page;
    const local = this.localProblems();
    if (local.length > 0) return ((this.problems = local), false);
    if (!navigator.onLine || page.inspection.live.status.connection !== 'connected') {
      this.problems = ['当前离线：检查已保存在本机，联网同步后再保存汇总'];
      return false;
    }
    this.sealing = true;
    this.problems = [];
    try {
      setStatus(page.doc, 'completed');
      await this.waitUntilSynced();
      const stateVector = toBase64(Y.encodeStateVector(page.doc));
      const { document } = await request<{ document: { sealedAt: string } }>(
        'POST',
        `/documents/${encodeURIComponent(page.inspection.docName)}/seal`,
        { stateVector },
      );
      this.sealedAt = document.sealedAt;
      rememberSealed(page.inspection.docName, document.sealedAt);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'already_sealed')) setStatus(page.doc, 'draft');
      this.problems = describeRefusal(error);
      return false;
    } finally {
      this.sealing = false;
    }
  }

  private waitUntilSynced(): Promise<void> {
    const live = this.page.inspection.live;
    const done = () => live.session.status.serverSynced && !live.session.status.unsyncedChanges;
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new ApiError(409, 'not_synced', '本机还有未同步的修改，请联网同步后再保存汇总'));
      }, SYNC_WAIT_MS);
      const stop = live.session.subscribe(() => {
        if (!done()) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  }
}

/** The server's refusal as lines: its message, then each issue it lists (e.g. which sheets are unsaved). */
export function describeRefusal(error: unknown): string[] {
  if (!(error instanceof ApiError)) return ['保存汇总失败，请稍后重试'];
  const issues = error.details.issues;
  const lines = [error.message];
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const message = (issue as { message?: unknown }).message;
      if (typeof message === 'string' && !lines.includes(message)) lines.push(message);
    }
  }
  return lines;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}
