/**
 * Sealing an inspection from its page, one path for 保存汇总 (score sheets), 生成检查单 (inspection terms) and 保存检查
 * (enterprise standard): no attempt offline, status `completed` on the document, a wait until the server holds
 * every edit of this device, the seal request with the state vector the server must have seen, and its refusals
 * as zh-CN lines that name the page's own action. The server sealing the synced state is what counts.
 *
 * @module
 */
import * as Y from 'yjs';
import { setStatus } from '@anguan/model';
import { ApiError, request } from '$lib/api';
import type { InspectionPage } from './inspection-page.svelte';
import { rememberSealed } from './sheets/document-access';

/** How long to wait for this device's last edits to reach the server before sealing. */
const SYNC_WAIT_MS = 10_000;

export type SealOutcome =
  { sealedAt: string; problems?: undefined } | { sealedAt?: undefined; problems: string[] };

/** Seals `inspection` on the server; `action` is the button's wording (保存汇总, 生成检查单, 保存检查). */
export async function sealInspection(inspection: InspectionPage, action: string): Promise<SealOutcome> {
  const { live, docName } = inspection;
  if (!navigator.onLine || live.status.connection !== 'connected') {
    return { problems: [`当前离线：检查已保存在本机，联网同步后再${action}`] };
  }
  try {
    setStatus(live.doc, 'completed');
    await waitUntilSynced(inspection, action);
    const { document } = await request<{ document: { sealedAt: string } }>(
      'POST',
      `/documents/${encodeURIComponent(docName)}/seal`,
      { stateVector: toBase64(Y.encodeStateVector(live.doc)) },
    );
    rememberSealed(docName, document.sealedAt);
    return { sealedAt: document.sealedAt };
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'already_sealed')) setStatus(live.doc, 'draft');
    return { problems: describeRefusal(error, action) };
  }
}

/**
 * The server's refusal as lines: its message, then each issue it lists (e.g. which sheets are unsaved), worded
 * with the page's action where the server names the score sheets' 保存汇总.
 */
export function describeRefusal(error: unknown, action: string): string[] {
  if (!(error instanceof ApiError)) return [`${action}失败，请稍后重试`];
  const issues = error.details.issues;
  const lines = [error.message];
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const message = (issue as { message?: unknown }).message;
      if (typeof message === 'string' && !lines.includes(message)) lines.push(message);
    }
  }
  return lines.map((line) => line.replace('保存汇总', action));
}

function waitUntilSynced(inspection: InspectionPage, action: string): Promise<void> {
  const { session } = inspection.live;
  const done = () => session.status.serverSynced && !session.status.unsyncedChanges;
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new ApiError(409, 'not_synced', `本机还有未同步的修改，请联网同步后再${action}`));
    }, SYNC_WAIT_MS);
    const stop = session.subscribe(() => {
      if (!done()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}
