import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '@anguan/model';
import { closeReason, INITIAL_SYNC_STATUS, syncBadge, type SyncStatus } from './sync-status';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...INITIAL_SYNC_STATUS, localLoaded: true, ...patch });

describe('the sync badge', () => {
  it('says 已同步 only when connected, handshake done and nothing waiting', () => {
    expect(syncBadge(status({ connection: 'connected', serverSynced: true }))).toBe('已同步');
    expect(syncBadge(status({ connection: 'connected', serverSynced: true, unsyncedChanges: true }))).toBe('同步中');
    expect(syncBadge(status({ connection: 'connected', serverSynced: false }))).toBe('同步中');
  });

  it('says 已保存到本机 for edits kept on the device while the network is away', () => {
    expect(syncBadge(status({ connection: 'offline', unsyncedChanges: true }))).toBe('已保存到本机');
    expect(syncBadge(status({ connection: 'connecting', unsyncedChanges: true }))).toBe('已保存到本机');
  });

  it('says 离线 when there is no connection and nothing waiting, even while retrying', () => {
    expect(syncBadge(status({ connection: 'offline' }))).toBe('离线');
    expect(syncBadge(status({ connection: 'connecting' }))).toBe('离线');
  });
});

describe('terminal close reasons', () => {
  it('explain the server’s close codes in Chinese', () => {
    expect(closeReason(CLOSE_CODES.sealed)).toContain('检查单已生成');
    expect(closeReason(CLOSE_CODES.forbidden)).toContain('权限');
    expect(closeReason(4999)).toContain('4999');
  });
});
