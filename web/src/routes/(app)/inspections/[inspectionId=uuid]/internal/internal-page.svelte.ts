/**
 * State of 按企业内部标准检查: date, remarks, the scans of the paper checklist, the rectification request, and
 * 保存检查, which seals the record on the server. Edits go to the inspection's document (offline included, through
 * its DocSession); files wait in the upload queue until the network returns.
 *
 * @module
 */
import * as Y from 'yjs';
import {
  isIsoDate,
  readRectificationRequest,
  setDate,
  setRectificationRequest,
  setStatus,
  type RectificationRequest,
} from '@anguan/model';
import { ApiError, request } from '$lib/api';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import type { InspectionPage } from '../inspection-page.svelte';
import { loadDocumentAccess, rememberSealed } from '../sheets/document-access';
import { describeRefusal } from '../sheets/seal-flow.svelte';

/** How long to wait for this device's last edits to reach the server before sealing. */
const SYNC_WAIT_MS = 10_000;

export class InternalPage {
  access = $state<'read' | 'write' | 'unknown'>('unknown');
  sealedAt = $state<string | null>(null);
  sealing = $state(false);
  /** Why the last 保存检查 was refused, one zh-CN line each. */
  problems = $state<string[]>([]);

  constructor(readonly inspection: InspectionPage) {
    void this.loadAccess();
  }

  private async loadAccess(): Promise<void> {
    try {
      const answer = await loadDocumentAccess(this.inspection.docName);
      this.access = answer.sealedAt ? 'read' : answer.access;
      this.sealedAt = answer.sealedAt;
    } catch {
      this.access = 'read';
    }
  }

  get doc(): Y.Doc {
    return this.inspection.live.doc;
  }

  get rectification(): RectificationRequest {
    void this.inspection.meta; // subscribes to the document's changes
    return readRectificationRequest(this.doc);
  }

  get completed(): boolean {
    return this.sealedAt !== null || this.inspection.meta?.status === 'completed';
  }

  /** Saved (sealed), or the user only reads: no editing controls at all. */
  get readOnly(): boolean {
    return (
      this.access !== 'write' ||
      this.completed ||
      !this.inspection.canWrite ||
      this.inspection.live.status.readOnly
    );
  }

  editDate(date: string): void {
    if (!this.readOnly && isIsoDate(date)) setDate(this.doc, date);
  }

  editRectification(change: Parameters<typeof setRectificationRequest>[1]): void {
    if (!this.readOnly) setRectificationRequest(this.doc, change);
  }

  /** What the page itself can tell is missing (the server checks the same on the synced state). */
  localProblems(): string[] {
    const problems: string[] = [];
    if (this.inspection.inspectors.length === 0) problems.push('请填写检查人员');
    if (this.inspection.files.length === 0) problems.push('请至少上传一份检查表扫描件或照片');
    const r = this.rectification;
    if (r.required && (!r.requirement.trim() || !r.deadline || !r.rectifier?.name.trim())) {
      problems.push('需要整改时，请填写整改要求、整改期限和整改责任人');
    }
    if (outboxManager.blobs.pending > 0) {
      problems.push(`还有 ${outboxManager.blobs.pending} 个文件等待上传，请联网并稍候再保存`);
    }
    return problems;
  }

  /** 保存检查: the last edits reach the server, which checks and seals the record. */
  async seal(): Promise<boolean> {
    const local = this.localProblems();
    if (local.length > 0) return ((this.problems = local), false);
    if (!navigator.onLine || this.inspection.live.status.connection !== 'connected') {
      this.problems = ['当前离线：检查已保存在本机，联网同步后再保存检查'];
      return false;
    }
    this.sealing = true;
    this.problems = [];
    try {
      setStatus(this.doc, 'completed');
      await this.waitUntilSynced();
      const { document } = await request<{ document: { sealedAt: string } }>(
        'POST',
        `/documents/${encodeURIComponent(this.inspection.docName)}/seal`,
        { stateVector: toBase64(Y.encodeStateVector(this.doc)) },
      );
      this.sealedAt = document.sealedAt;
      rememberSealed(this.inspection.docName, document.sealedAt);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'already_sealed')) setStatus(this.doc, 'draft');
      this.problems = describeRefusal(error).map((line) => line.replace('保存汇总', '保存检查'));
      return false;
    } finally {
      this.sealing = false;
    }
  }

  private waitUntilSynced(): Promise<void> {
    const live = this.inspection.live;
    const done = () => live.session.status.serverSynced && !live.session.status.unsyncedChanges;
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new ApiError(409, 'not_synced', '本机还有未同步的修改，请联网同步后再保存检查'));
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
