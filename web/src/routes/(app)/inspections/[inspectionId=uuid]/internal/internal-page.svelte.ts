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
  type RectificationRequest,
} from '@anguan/model';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import type { InspectionPage } from '../inspection-page.svelte';
import { loadDocumentAccess } from '../sheets/document-access';
import { sealInspection } from '../seal-request';

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
    this.sealing = true;
    this.problems = [];
    try {
      const outcome = await sealInspection(this.inspection, '保存检查');
      if (outcome.problems) return ((this.problems = outcome.problems), false);
      this.sealedAt = outcome.sealedAt;
      return true;
    } finally {
      this.sealing = false;
    }
  }
}
