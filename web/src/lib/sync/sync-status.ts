import { CLOSE_CODES } from '@anguan/model';
import type { DocumentAccess } from './document-access';

/** Whether the doc's websocket is up (STYLE.md rule 9). */
export type ConnectionState = 'offline' | 'connecting' | 'connected';

/** The whole sync state of one open document; the badge and every warning render from this only. */
export interface SyncStatus {
  /** The device copy (IndexedDB) has been loaded: what is shown is at least what this phone last had. */
  readonly localLoaded: boolean;
  /** The websocket to /sync: down, trying, or up. */
  readonly connection: ConnectionState;
  /** The server has completed the sync handshake on the current connection. */
  readonly serverSynced: boolean;
  /** Edits made on this device that have not yet been handed to the server. */
  readonly unsyncedChanges: boolean;
  /** Why syncing stopped for good (zh-CN), e.g. no access or sealed; null while all is well. */
  readonly lastError: string | null;
  /** The server refuses writes on this connection (read-only access or a sealed inspection). */
  readonly readOnly: boolean;
  /** What the server says this user may do with the doc (or what it said last time, kept on the device). */
  readonly access: DocumentAccess;
}

export const INITIAL_SYNC_STATUS: SyncStatus = Object.freeze({
  localLoaded: false,
  connection: 'offline',
  serverSynced: false,
  unsyncedChanges: false,
  lastError: null,
  readOnly: false,
  access: 'unknown',
});

/**
 * Whether the page may offer editing controls: only when the server granted write access and has not since
 * refused a write (read-only connection, sealed). Unknown access shows none: the controls appear with the answer.
 */
export const canWrite = (status: SyncStatus): boolean => status.access === 'write' && !status.readOnly;

/** The four words of the badge shown on every document page. */
export type SyncBadge = '离线' | '同步中' | '已同步' | '已保存到本机';

/**
 * 已同步: the server has everything; 同步中: connected, exchanging; 已保存到本机: edits are safe on this device
 * and wait for a connection; 离线: no connection and nothing waiting. "Connecting" counts as not connected: a
 * server that cannot be reached must not look like progress.
 */
export function syncBadge(status: SyncStatus): SyncBadge {
  if (status.connection === 'connected') {
    return status.serverSynced && !status.unsyncedChanges ? '已同步' : '同步中';
  }
  return status.unsyncedChanges ? '已保存到本机' : '离线';
}

/** zh-CN explanation of a terminal close code from the server. */
export function closeReason(code: number): string {
  switch (code) {
    case CLOSE_CODES.unauthorized:
      return '登录已过期，请重新登录后继续同步';
    case CLOSE_CODES.forbidden:
      return '您没有访问此文档的权限';
    case CLOSE_CODES.readOnly:
      return '您对此文档只有查看权限，修改不会被保存';
    case CLOSE_CODES.sealed:
      return '检查单已生成，不能再修改';
    case CLOSE_CODES.docTooLarge:
      return '文档过大，服务器拒绝保存';
    case CLOSE_CODES.messageTooBig:
      return '单次修改过大，服务器拒绝接收';
    case CLOSE_CODES.malformed:
      return '同步数据无效，已断开';
    default:
      return `同步连接被服务器关闭（${code}）`;
  }
}
