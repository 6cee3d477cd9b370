import type { WebSocket } from 'ws';
import { CLOSE_CODES, presenceUser } from '@anguan/model';
import type { PresenceOwner } from './presence.js';

/** Bytes queued to one client beyond which it is dropped (it resyncs on reconnect). */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** Who is on a sync connection and what they may do, decided before the upgrade (see `upgrade.ts`). */
export interface ConnectionContext {
  readonly userId: string;
  /** The user's display name, written into every awareness state this connection publishes. */
  readonly userName: string;
  /** The session the upgrade was authorized with; re-checked while connected (closed with 4401 once it ends). */
  readonly sessionId: string;
  readonly docName: string;
  /** True when the user may only read this document: any new content is refused (close 4409). */
  readonly readOnly: boolean;
  /**
   * rectify (issue 9): when set, the only root types this connection may write entries of (a rectification's
   * `replies` for the project department, `reviews` for the inspecting side); other writes close it (4409).
   */
  readonly writableRoots?: readonly string[];
}

/** One websocket on one document. Sends never throw; a broken socket just stops receiving. */
export class Connection {
  private closed = false;
  /** Who this connection publishes presence as (see `presence.ts`). */
  readonly presenceOwner: PresenceOwner;

  constructor(
    readonly ws: WebSocket,
    readonly context: ConnectionContext,
  ) {
    this.presenceOwner = {
      connection: this,
      userId: context.userId,
      user: presenceUser(context.userId, context.userName),
    };
  }

  get readOnly(): boolean {
    return this.context.readOnly;
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    // A client that stopped reading (a phone that lost its network without closing) must not make us buffer
    // unboundedly: drop it; it resyncs when it reconnects.
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CLOSE_CODES.tryAgainLater, 'too slow');
    // No per-send callback: a failed write makes ws close the socket, and 'close' cleans up (hot path).
    this.ws.send(message);
  }

  /** Closes with a code from `@anguan/model`'s `CLOSE_CODES` (reason ≤ 123 bytes, as RFC 6455 allows). */
  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
    } catch {
      this.ws.terminate();
    }
  }
}
