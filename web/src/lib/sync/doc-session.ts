/**
 * One open document: a Y.Doc kept on the device (y-indexeddb) and synced with the server (y-websocket), with
 * a small explicit {@link SyncStatus}. Framework-free; `doc-session.svelte.ts` adapts it to runes.
 *
 * @module
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { isLocalOrigin } from '@anguan/model';
import { closeReason, INITIAL_SYNC_STATUS, type ConnectionState, type SyncStatus } from './sync-status';

/** How often to re-check that queued local edits left the socket. */
const FLUSH_CHECK_MS = 100;
/** Cap on reconnect backoff: a phone regaining signal should not wait long. */
const MAX_RECONNECT_BACKOFF_MS = 5000;
/** y-indexeddb custom key remembering, across app restarts, that the device holds edits the server lacks. */
export const UNSYNCED_KEY = 'anguan:unsynced';

export interface DocSessionOptions {
  /** `inspection:<uuid>` etc. (built with `@anguan/model`'s doc-name helpers). */
  docName: string;
  /** `ws(s)://<host>/sync`. */
  serverUrl: string;
  /** Keep the doc in IndexedDB (default true; Node tests have no IndexedDB). */
  persist?: boolean;
  /** Open the websocket now (default true). False while the doc's registration waits in the outbox. */
  connect?: boolean;
  /** WebSocket implementation (Node tests pass `ws`). */
  WebSocketPolyfill?: typeof WebSocket;
}

export class DocSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Resolves once the device copy is loaded (at once when not persisting). */
  readonly whenLocalLoaded: Promise<void>;
  private readonly persistence: IndexeddbPersistence | null;
  private state: SyncStatus = INITIAL_SYNC_STATUS;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(readonly options: DocSessionOptions) {
    this.persistence = options.persist === false ? null : new IndexeddbPersistence(options.docName, this.doc);
    this.whenLocalLoaded = this.loadLocal();
    this.provider = new WebsocketProvider(options.serverUrl, options.docName, this.doc, {
      connect: false,
      maxBackoffTime: MAX_RECONNECT_BACKOFF_MS,
      // Another tab's edits arrive through IndexedDB and the server; BroadcastChannel would bypass authorization.
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    this.watchProvider();
    this.watchLocalEdits();
    this.watchNetwork();
    if (options.connect !== false) this.connect();
  }

  get status(): SyncStatus {
    return this.state;
  }

  /** Calls `listener` on every status change; returns the unsubscribe. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts (or resumes) syncing, e.g. once the outbox has registered the doc. */
  connect(): void {
    if (this.state.lastError) this.set({ lastError: null });
    if (typeof navigator === 'undefined' || navigator.onLine) this.provider.connect();
  }

  /** Stops syncing and releases the doc; the device copy stays in IndexedDB. */
  async destroy(): Promise<void> {
    for (const cleanup of this.cleanups) cleanup();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.provider.destroy();
    await this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private async loadLocal(): Promise<void> {
    if (!this.persistence) return this.set({ localLoaded: true });
    await this.persistence.whenSynced;
    const unsynced = (await this.persistence.get(UNSYNCED_KEY)) === 1;
    // Edits from an earlier run that never reached the server still count until a handshake carries them.
    this.set({ localLoaded: true, unsyncedChanges: this.state.unsyncedChanges || unsynced });
  }

  private markUnsynced(unsynced: boolean): void {
    if (this.state.unsyncedChanges === unsynced) return;
    this.set({ unsyncedChanges: unsynced });
    const write = unsynced ? this.persistence?.set(UNSYNCED_KEY, 1) : this.persistence?.del(UNSYNCED_KEY);
    write?.catch((error: unknown) => console.error('[sync] could not record the unsynced flag', error));
  }

  private set(patch: Partial<SyncStatus>): void {
    const next = { ...this.state, ...patch };
    if (Object.entries(patch).every(([k, v]) => this.state[k as keyof SyncStatus] === v)) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }

  private watchProvider(): void {
    const onStatus = ({ status }: { status: string }) => {
      const connection: ConnectionState =
        status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline';
      this.set({ connection, serverSynced: connection === 'connected' ? this.provider.synced : false });
    };
    const onSync = (synced: boolean) => {
      this.set({ serverSynced: synced });
      // The handshake sent the server everything it lacked (its sync step 1 → our step 2).
      if (synced) this.checkFlushed();
    };
    const onClosed = ({ code }: { code: number; reason: string }) => {
      this.set({ lastError: closeReason(code), readOnly: code === 4409 || code === 4423 });
    };
    this.provider.on('status', onStatus);
    this.provider.on('sync', onSync);
    this.provider.on('closed', onClosed);
    this.cleanups.push(() => {
      this.provider.off('status', onStatus);
      this.provider.off('sync', onSync);
      this.provider.off('closed', onClosed);
    });
  }

  /** An edit is "unsynced" until it has left the socket on a synced connection. */
  private watchLocalEdits(): void {
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.persistence || !isLocalOrigin(origin)) return;
      this.markUnsynced(true);
      this.checkFlushed();
    };
    this.doc.on('update', onUpdate);
    this.cleanups.push(() => this.doc.off('update', onUpdate));
  }

  private checkFlushed(): void {
    if (this.flushTimer) return;
    const ws = this.provider.ws;
    if (this.provider.wsconnected && this.provider.synced && ws && ws.bufferedAmount === 0) {
      this.markUnsynced(false);
      return;
    }
    // Not yet handed to the network: look again shortly; a reconnect's handshake also clears it.
    if (this.provider.wsconnected) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        this.checkFlushed();
      }, FLUSH_CHECK_MS);
    }
  }

  /**
   * A browser going offline does not close an open websocket (STACK.md gotcha 7): drop it ourselves so the
   * badge tells the truth, and reconnect at once when the network returns.
   */
  private watchNetwork(): void {
    if (typeof window === 'undefined') return;
    const offline = () => this.provider.disconnect();
    const online = () => {
      if (!this.state.lastError) this.provider.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.cleanups.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
  }
}
