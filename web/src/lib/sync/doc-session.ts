/**
 * One open document: a Y.Doc kept on the device (y-indexeddb) and synced with the server (y-websocket), with
 * a small explicit {@link SyncStatus}. Framework-free; `doc-session.svelte.ts` adapts it to runes.
 *
 * @module
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES, isLocalOrigin } from '@anguan/model';
import { ACCESS_KEY, UNSYNCED_KEY } from './doc-keys';
import { queueRemoteStores } from './remote-store-queue';
import { isRefused, refusalMessage, type AccessAnswer, type DocumentAccess } from './document-access';
import {
  canWrite,
  closeReason,
  INITIAL_SYNC_STATUS,
  type ConnectionState,
  type SyncStatus,
} from './sync-status';

/** How often to re-check that queued local edits left the socket. */
const FLUSH_CHECK_MS = 100;
/** Cap on reconnect backoff: a phone regaining signal should not wait long. */
const MAX_RECONNECT_BACKOFF_MS = 5000;
export { ACCESS_KEY, UNSYNCED_KEY };
/** Failed socket attempts in a row after which the access is asked again (an upgrade refused with HTTP 403/401
 * reaches y-websocket only as close code 1006, which it retries forever: STACK.md gotcha 9). */
const RECHECK_AFTER_FAILURES = 3;
/** Waits between access checks that could not reach the server. */
const ACCESS_RETRY_MS = [1_000, 2_000, 5_000] as const;

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
  /**
   * Asks the server what this user may do with the doc before any socket opens (the app passes
   * `fetchDocumentAccess`); a refused doc never opens one. Without it the socket opens at once (Node tests).
   */
  checkAccess?: (docName: string, signal: AbortSignal) => Promise<AccessAnswer>;
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
  private readonly aborter = new AbortController();
  private checking: Promise<void> | null = null;
  private accessRetries = 0;
  private accessRetryTimer: ReturnType<typeof setTimeout> | null = null;

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
    this.deferReceivedStores();
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

  /** Whether editing controls may show (see {@link canWrite}). */
  get canWrite(): boolean {
    return canWrite(this.state);
  }

  /**
   * Starts (or resumes) syncing, e.g. once the outbox has registered the doc: asks the server for access first
   * (when `checkAccess` is given) and opens the socket only if the doc is readable.
   */
  connect(): void {
    if (isRefused(this.state.access)) return;
    if (this.state.lastError) this.set({ lastError: null });
    if (typeof navigator !== 'undefined' && !navigator.onLine) return;
    if (!this.options.checkAccess) {
      this.provider.connect();
      return;
    }
    this.checking ??= this.checkThenConnect().finally(() => (this.checking = null));
  }

  /**
   * Access known without asking, e.g. `write` for a doc this device created and has not registered yet; ignored
   * once the server has answered.
   */
  presumeAccess(access: 'read' | 'write'): void {
    if (this.state.access === 'unknown') this.set({ access });
  }

  /** Stops syncing and releases the doc; the device copy stays in IndexedDB. */
  async destroy(): Promise<void> {
    for (const cleanup of this.cleanups) cleanup();
    this.aborter.abort();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.accessRetryTimer) clearTimeout(this.accessRetryTimer);
    this.provider.destroy();
    await this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  /** Updates from the server reach IndexedDB after the frame that shows them (see remote-store-queue). */
  private deferReceivedStores(): void {
    const persistence = this.persistence;
    if (!persistence) return;
    this.doc.off('update', persistence._storeUpdate);
    const queue = queueRemoteStores(this.doc, persistence._storeUpdate, (origin) => origin === this.provider);
    this.cleanups.push(queue.stop);
    // A phone put away right after a received update still keeps it for the next offline open.
    if (typeof window === 'undefined') return;
    window.addEventListener('pagehide', queue.flush);
    this.cleanups.push(() => window.removeEventListener('pagehide', queue.flush));
  }

  private async loadLocal(): Promise<void> {
    if (!this.persistence) return this.set({ localLoaded: true });
    await this.persistence.whenSynced;
    const unsynced = (await this.persistence.get(UNSYNCED_KEY)) === 1;
    const cached: unknown = await this.persistence.get(ACCESS_KEY);
    // Edits from an earlier run that never reached the server still count until a handshake carries them.
    this.set({ localLoaded: true, unsyncedChanges: this.state.unsyncedChanges || unsynced });
    // The last answer stands in while the server cannot be asked (offline); a fresh answer always wins.
    if (this.state.access === 'unknown' && (cached === 'read' || cached === 'write')) {
      this.set({ access: cached });
    }
  }

  private async checkThenConnect(): Promise<void> {
    const check = this.options.checkAccess;
    if (!check) return;
    let answer: AccessAnswer;
    try {
      answer = await check(this.options.docName, this.aborter.signal);
    } catch {
      return; // aborted: the session was destroyed
    }
    if (this.aborter.signal.aborted) return;
    if (answer === 'unreachable') return this.retryAccessLater();
    this.accessRetries = 0;
    if (answer === 'signed-out') {
      this.set({ lastError: closeReason(CLOSE_CODES.unauthorized) });
      return;
    }
    await this.applyAccess(answer);
    if (!isRefused(answer) && !this.aborter.signal.aborted) this.provider.connect();
  }

  /**
   * Keeps the answer on the device before the socket opens: once the page says 已同步 the answer is stored, so a
   * phone closed right after syncing still opens the document for editing with no network.
   */
  private async applyAccess(access: Exclude<DocumentAccess, 'unknown'>): Promise<void> {
    if (isRefused(access)) {
      this.provider.disconnect();
      this.set({ access, lastError: refusalMessage(access) });
      return;
    }
    this.set({ access, readOnly: access === 'read' || this.state.readOnly });
    await this.persistence
      ?.set(ACCESS_KEY, access)
      .catch((error: unknown) => console.error('[sync] could not keep the access answer', error));
  }

  private retryAccessLater(): void {
    const delay = ACCESS_RETRY_MS[Math.min(this.accessRetries, ACCESS_RETRY_MS.length - 1)];
    this.accessRetries += 1;
    this.accessRetryTimer = setTimeout(() => {
      this.accessRetryTimer = null;
      this.connect();
    }, delay);
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
      if (code === CLOSE_CODES.forbidden) return void this.applyAccess('forbidden');
      this.set({
        lastError: closeReason(code),
        readOnly: this.state.readOnly || code === CLOSE_CODES.readOnly || code === CLOSE_CODES.sealed,
      });
    };
    // Refused upgrades look like network failures to the provider: after a few, ask the API why.
    const onConnectionClose = () => {
      if (!this.options.checkAccess || this.provider.wsUnsuccessfulReconnects < RECHECK_AFTER_FAILURES) {
        return;
      }
      if (!this.provider.shouldConnect) return;
      this.provider.disconnect();
      this.connect();
    };
    this.provider.on('status', onStatus);
    this.provider.on('sync', onSync);
    this.provider.on('closed', onClosed);
    this.provider.on('connection-close', onConnectionClose);
    this.cleanups.push(() => {
      this.provider.off('status', onStatus);
      this.provider.off('sync', onSync);
      this.provider.off('closed', onClosed);
      this.provider.off('connection-close', onConnectionClose);
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
      if (!this.state.lastError) this.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.cleanups.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
  }
}
