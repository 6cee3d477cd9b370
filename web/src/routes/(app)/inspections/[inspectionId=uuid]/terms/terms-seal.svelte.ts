/**
 * 保存检查 → 立即生成 of a terms inspection: the checks the page can make itself (the model's own seal rules),
 * then the server's seal, with its refusals in zh-CN. The server sealing the synced state is what counts.
 *
 * @module
 */
import * as Y from 'yjs';
import { checkInspectionReadyToSeal, inspectionToJSON, setStatus } from '@anguan/model';
import { ApiError, request } from '$lib/api';
import { describeRefusal } from '../sheets/seal-flow.svelte';
import { rememberSealed } from '../sheets/document-access';
import type { TermsPage } from './terms-page.svelte';

/** How long to wait for this device's last edits to reach the server before sealing. */
const SYNC_WAIT_MS = 10_000;

export class TermsSeal {
  sealedAt = $state<string | null>(null);
  sealing = $state(false);
  /** Why the last 保存检查 / 立即生成 was refused, one zh-CN line each. */
  problems = $state<string[]>([]);
  /** 保存检查 passed the local checks: the confirmation asks for 立即生成. */
  confirming = $state(false);

  constructor(private readonly page: TermsPage) {}

  /** The same rules the server applies when sealing (`checkInspectionReadyToSeal`). */
  localProblems(): string[] {
    return checkInspectionReadyToSeal(inspectionToJSON(this.page.doc)).map((issue) => issue.message);
  }

  /** 保存检查: everything is already saved on the device; this checks it is complete and asks to confirm. */
  review(): boolean {
    this.problems = this.localProblems();
    this.confirming = this.problems.length === 0;
    return this.confirming;
  }

  /** 立即生成: seals the inspection; true when the 检查单 exists. */
  async generate(): Promise<boolean> {
    const page = this.page;
    if (!navigator.onLine || page.inspection.live.status.connection !== 'connected') {
      this.problems = ['当前离线：检查已保存在本机，联网同步后再生成检查单'];
      this.confirming = false;
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
      this.problems = describeRefusal(error).map((line) => line.replace('保存汇总', '生成检查单'));
      return false;
    } finally {
      this.sealing = false;
      this.confirming = false;
    }
  }

  private waitUntilSynced(): Promise<void> {
    const live = this.page.inspection.live;
    const done = () => live.session.status.serverSynced && !live.session.status.unsyncedChanges;
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new ApiError(409, 'not_synced', '本机还有未同步的修改，请联网同步后再生成检查单'));
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

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}
