import type * as Y from 'yjs';
import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES } from '@anguan/model';
import { CommitQueue } from './commit-queue.js';
import { Connection, type ConnectionContext } from './connection.js';
import { DocState } from './doc-state.js';
import { StorageError, SyncError, TextFrameError } from './errors.js';
import { handleMessage } from './message-handlers.js';
import { defaultSyncOptions, type SyncOptions } from './options.js';
import { Room, type RoomHooks } from './room.js';
import type { UpdateLog } from './update-log.js';

/** Sessions that just ended: one (logout) or all of a user's (password change or reset, account disabled). */
export type SessionRevocation = { readonly sessionId: string } | { readonly userId: string };

/** Counts for tests and the benchmark. */
export interface SyncStats {
  readonly rooms: number;
  readonly liveRooms: number;
  readonly connections: number;
  /** Bytes of updates waiting for missing dependencies, over all rooms. */
  readonly pendingBytes: number;
  /** Awareness entries held, over all rooms. */
  readonly presenceEntries: number;
}

/**
 * The y-websocket server: rooms (one per loaded document), their connections, persistence through an
 * {@link UpdateLog}, compaction and unloading. It trusts the {@link ConnectionContext} it is given: authentication
 * and authorization happen before the upgrade (`upgrade.ts`). Updates are applied as they arrive and stored in
 * one transaction per event-loop turn (`commit-queue.ts`), and only then broadcast: no client ever sees an
 * update the log does not hold.
 */
export class SyncService {
  private readonly rooms = new Map<string, Room>();
  private readonly connectionsPerUser = new Map<string, number>();
  private readonly changeListeners = new Set<(docName: string) => void>();
  private readonly options: SyncOptions;
  private readonly hooks: RoomHooks;
  private readonly sweepTimer: ReturnType<typeof setInterval>;
  private readonly commits: CommitQueue;
  private closed = false;

  constructor(
    private readonly updateLog: UpdateLog,
    private readonly now: () => Date,
    options: Partial<SyncOptions> = {},
  ) {
    this.options = { ...defaultSyncOptions, ...options };
    this.commits = new CommitQueue(updateLog, {
      afterCommit: (room, updates, senders) => {
        room.broadcastStored(updates, senders);
        this.afterUpdate(room);
      },
      afterFailure: (rooms, error) => rooms.forEach((room) => this.fail(room, error)),
    });
    this.hooks = {
      now,
      maxDocBytes: this.options.maxDocBytes,
      maxPendingBytes: this.options.maxPendingBytes,
      maxPendingAgeMs: this.options.maxPendingAgeMs,
      store: (room, updates, sender) => this.commits.add(room, updates, sender),
      flush: () => this.commits.flush(),
      afterLastLeave: (room) => this.scheduleUnload(room),
    };
    this.sweepTimer = setInterval(() => this.sweepPresence(), this.options.presenceSweepMs);
    this.sweepTimer.unref();
  }

  /** Writes one operator log line (the configured `log`). */
  logLine(line: string): void {
    this.options.log(line);
  }

  /** Calls `listener(docName)` after each stored change (the materializer's trigger). Returns the unsubscribe. */
  onDocumentChanged(listener: (docName: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Open connections of a user, across documents (checked before the upgrade against the per-user limit). */
  connectionCount(userId: string): number {
    return this.connectionsPerUser.get(userId) ?? 0;
  }

  get maxConnectionsPerUser(): number {
    return this.options.maxConnectionsPerUser;
  }

  get sessionRecheckMs(): number {
    return this.options.sessionRecheckMs;
  }

  /** Closes every open connection for which `verdict` returns a close code; returns how many closed. */
  closeWhere(verdict: (context: ConnectionContext) => number | null): number {
    let closed = 0;
    for (const room of this.rooms.values()) {
      for (const connection of [...room.connections]) {
        const code = verdict(connection.context);
        if (code === null) continue;
        this.options.log(
          `[sync] ${connection.context.docName} user=${connection.context.userId}: closing ${code}`,
        );
        connection.close(code, 'access ended');
        closed++;
      }
    }
    return closed;
  }

  /**
   * Closes at once (4401) every connection opened with a revoked session. Called right after the sessions are
   * deleted, in the same tick: frames still queued from those sockets are dropped unread (a closed connection
   * receives nothing), so nothing sent after the revocation is stored. The periodic recheck stays as a backstop.
   */
  closeRevoked(revoked: SessionRevocation): number {
    const matches =
      'sessionId' in revoked
        ? (context: ConnectionContext) => context.sessionId === revoked.sessionId
        : (context: ConnectionContext) => context.userId === revoked.userId;
    return this.closeWhere((context) => (matches(context) ? CLOSE_CODES.unauthorized : null));
  }

  /** Takes over an upgraded websocket for an authorized document. */
  handleConnection(ws: WebSocket, context: ConnectionContext & { sealed: boolean }): void {
    // First of all: an 'error' without a listener would throw and take the process down.
    ws.on('error', (error) =>
      this.options.log(`[sync] ${context.docName} user=${context.userId}: ${error.message}`),
    );
    const connection = new Connection(ws, context);
    if (this.closed) return connection.close(1001, 'server shutting down');
    let room: Room;
    try {
      room = this.acquire(context.docName, context.sealed);
    } catch (error) {
      this.options.log(`[sync] ${context.docName}: load failed: ${(error as Error).message}`);
      return connection.close(CLOSE_CODES.internalError, 'load failed');
    }
    this.countConnection(context.userId, +1);
    ws.on('message', (data, isBinary) => this.receive(room, connection, data, isBinary));
    ws.once('close', () => {
      this.countConnection(context.userId, -1);
      room.leave(connection);
    });
    room.join(connection);
  }

  /** Runs `read` on a document, loaded or not (from storage into a temporary copy). `read` must not write. */
  withDoc<T>(docName: string, read: (doc: Y.Doc) => T): T {
    this.commits.flush();
    const room = this.rooms.get(docName);
    if (room) return room.state.read(read);
    const state = DocState.load(docName, this.updateLog, this.now());
    try {
      return state.read(read);
    } finally {
      state.destroy();
    }
  }

  /**
   * First half of sealing: runs `check` on the final document (it may throw to refuse), compacts, and returns the
   * stored state whose hash is recorded. Call {@link markSealed} in the same tick, after recording it.
   */
  prepareSeal(docName: string, check: (doc: Y.Doc) => void = () => {}): Uint8Array {
    this.commits.flush();
    const room = this.rooms.get(docName);
    const state = room?.state ?? DocState.load(docName, this.updateLog, this.now());
    try {
      state.read(check);
      state.compact(this.now());
      return state.fullState();
    } finally {
      if (!room) state.destroy();
    }
  }

  /**
   * rectify (issue 9): stores `update` as the first content of a document nobody has written or loaded yet — one
   * the server itself opens (a rectification on sealing its inspection). Returns false, storing nothing, when the
   * document already has content or is loaded: a client got there first, and its content stands.
   */
  seedNewDoc(docName: string, update: Uint8Array): boolean {
    this.commits.flush();
    if (this.rooms.has(docName) || this.updateLog.load(docName).lastSeq !== 0) return false;
    this.updateLog.append(docName, 0, [update]);
    return true;
  }

  /** From now on the loaded room (if any) refuses every update with 4423. */
  markSealed(docName: string): void {
    const room = this.rooms.get(docName);
    if (room) room.sealed = true;
  }

  stats(): SyncStats {
    let liveRooms = 0;
    let connections = 0;
    let pendingBytes = 0;
    let presenceEntries = 0;
    for (const room of this.rooms.values()) {
      if (room.state.isLive) liveRooms++;
      connections += room.connections.size;
      pendingBytes += room.state.pendingBytes;
      presenceEntries += room.presence.size;
    }
    return { rooms: this.rooms.size, liveRooms, connections, pendingBytes, presenceEntries };
  }

  /** Whether a document is loaded (tests wait for unloading). */
  isLoaded(docName: string): boolean {
    return this.rooms.has(docName);
  }

  /** Closes every connection (1001), compacts and unloads every room. */
  close(): void {
    this.closed = true;
    clearInterval(this.sweepTimer);
    this.commits.flush();
    for (const room of [...this.rooms.values()]) {
      room.closeAll(1001, 'server shutting down');
      this.unload(room, true);
    }
  }

  private receive(room: Room, connection: Connection, data: RawData, isBinary: boolean): void {
    if (!connection.isOpen) return;
    const { docName, userId } = connection.context;
    try {
      if (!isBinary) throw new TextFrameError();
      handleMessage(room, connection, toBytes(data));
    } catch (error) {
      if (error instanceof StorageError) return this.fail(room, error);
      const code = error instanceof SyncError ? error.closeCode : CLOSE_CODES.internalError;
      this.options.log(`[sync] ${docName} user=${userId}: closing ${code}: ${(error as Error).message}`);
      connection.close(code, (error as Error).message);
    }
  }

  private acquire(docName: string, sealed: boolean): Room {
    let room = this.rooms.get(docName);
    if (!room) {
      room = new Room(DocState.load(docName, this.updateLog, this.now()), sealed, this.hooks);
      this.rooms.set(docName, room);
    }
    if (sealed) room.sealed = true;
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.unloadTimer = null;
    return room;
  }

  private afterUpdate(room: Room): void {
    for (const listener of this.changeListeners) {
      try {
        listener(room.name);
      } catch (error) {
        this.options.log(`[sync] change listener failed for ${room.name}: ${(error as Error).message}`);
      }
    }
    // Lazy debounce: one timer per quiet period, not one per update (hot path).
    room.lastUpdateAt = Date.now();
    if (room.idlePhase !== 'compact') this.armIdle(room, 'compact');
  }

  /** Runs the idle phase once the room has been quiet (no update) for that phase's time. */
  private armIdle(room: Room, phase: 'compact' | 'hibernate'): void {
    if (room.idleTimer) clearTimeout(room.idleTimer);
    const quietMs = phase === 'compact' ? this.options.compactIdleMs : this.options.hibernateIdleMs;
    const wait = () => {
      const remaining = room.lastUpdateAt + quietMs - Date.now();
      if (remaining > 0) {
        room.idleTimer = setTimeout(wait, remaining);
        room.idleTimer.unref();
        return;
      }
      room.idleTimer = null;
      room.idlePhase = null;
      if (phase === 'compact') this.idleCompact(room);
      else this.hibernate(room);
    };
    room.idlePhase = phase;
    wait();
  }

  /** Quiet for a while: compact when the tail is past a size; then wait for the longer quiet to hibernate. */
  private idleCompact(room: Room): void {
    this.commits.flush();
    const { state } = room;
    const { compactMinUpdates, compactMinBytes } = this.options;
    this.guard(room, () => {
      if (state.tailCount >= compactMinUpdates || state.tailBytes >= compactMinBytes) {
        state.compact(this.now());
      }
    });
    this.armIdle(room, 'hibernate');
  }

  /** Quiet for long: compact fully and keep only the snapshot bytes in memory. */
  private hibernate(room: Room): void {
    this.commits.flush();
    this.guard(room, () => {
      room.state.compact(this.now());
      room.state.hibernate();
    });
  }

  private scheduleUnload(room: Room): void {
    if (this.rooms.get(room.name) !== room) return;
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => this.unload(room, false), this.options.unloadGraceMs);
  }

  private unload(room: Room, force: boolean): void {
    if (!force && room.connections.size > 0) return;
    this.commits.flush();
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.unloadTimer = room.idleTimer = null;
    room.idlePhase = null;
    this.guard(room, () => room.state.compact(this.now()));
    room.state.destroy();
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
  }

  /** Storage failed: memory may be ahead of storage, so drop the room; clients resend on reconnect. */
  private fail(room: Room, error: Error): void {
    this.options.log(`[sync] ${room.name}: ${error.message}; closing its connections`);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.closeAll(CLOSE_CODES.internalError, 'storage error');
    room.state.destroy();
  }

  private guard(room: Room, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.options.log(`[sync] ${room.name}: compaction failed: ${(error as Error).message}`);
    }
  }

  /** One timer for all rooms: stale presence, and updates that waited too long for missing dependencies. */
  private sweepPresence(): void {
    const now = Date.now();
    for (const room of this.rooms.values()) {
      if (room.presence.size > 0) room.sweepPresence(now);
      const sender = room.sweepPending(now);
      if (sender) {
        this.options.log(`[sync] ${room.name} user=${sender.context.userId}: closing 4412 (pending)`);
      }
    }
  }

  private countConnection(userId: string, delta: number): void {
    const count = (this.connectionsPerUser.get(userId) ?? 0) + delta;
    if (count > 0) this.connectionsPerUser.set(userId, count);
    else this.connectionsPerUser.delete(userId);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
