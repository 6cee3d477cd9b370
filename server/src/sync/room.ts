import type { Connection } from './connection.js';
import type { DocState } from './doc-state.js';
import type * as Y from 'yjs';
import { CLOSE_CODES, tryParseDocName } from '@anguan/model';
import { checkUpdateSchema } from './schema-check.js';
import { writesOnlyRoots } from './root-guard.js';
import {
  DocTooLargeError,
  MalformedMessageError,
  ReadOnlyWriteError,
  SchemaViolationError,
  SealedWriteError,
  UnresolvedUpdatesError,
  type SyncError,
} from './errors.js';
import { awarenessMessage, syncStep1Message, updateMessage } from './messages.js';
import { Presence } from './presence.js';

/** What a room needs from the service that owns it. */
export interface RoomHooks {
  readonly now: () => Date;
  readonly maxDocBytes: number;
  readonly maxPendingBytes: number;
  readonly maxPendingAgeMs: number;
  /** Queues produced updates for storage; the service broadcasts them once stored. */
  store(room: Room, updates: readonly Uint8Array[], sender: Connection): void;
  /** Stores everything queued now (before state is shown to a client, compacted or sealed). */
  flush(): void;
  /** After the last connection left. */
  afterLastLeave(room: Room): void;
}

/** The connections of one loaded document and the fan-out between them (transport only: STYLE.md rule 5). */
export class Room {
  readonly connections = new Set<Connection>();
  readonly presence = new Presence();
  /** Set when the document is sealed (from the registry at load, or by the seal API while loaded). */
  sealed: boolean;
  /** Pending unload after the last connection left; owned by the service. */
  unloadTimer: ReturnType<typeof setTimeout> | null = null;
  /** Pending idle compaction / hibernation; owned by the service. */
  idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** What the idle timer will do: compact past a size, or compact fully and hibernate. */
  idlePhase: 'compact' | 'hibernate' | null = null;
  /** `Date.now()` of the last stored update (the idle timer re-arms itself lazily from it). */
  lastUpdateAt = 0;
  /** `Date.now()` since when updates wait for missing dependencies (0: none wait), and who sent the first. */
  private pendingSince = 0;
  private pendingSender: Connection | null = null;
  /** Refuses updates that break the schema of the document's kind (null for a name of no known kind). */
  private readonly schemaCheck: ((doc: Y.Doc, update: Uint8Array) => void) | null;

  constructor(
    readonly state: DocState,
    sealed: boolean,
    private readonly hooks: RoomHooks,
  ) {
    this.sealed = sealed;
    const kind = tryParseDocName(state.name)?.kind;
    this.schemaCheck = kind ? (doc, update) => checkUpdateSchema(kind, doc, update) : null;
  }

  get name(): string {
    return this.state.name;
  }

  /** Adds a connection and greets it: our sync step 1, then the present awareness states. */
  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(syncStep1Message(this.state.stateVector()));
    const states = this.presence.encodeAll();
    if (states) connection.send(awarenessMessage(states));
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const removal = this.presence.removeOwnedBy(connection, Date.now());
    if (removal) this.broadcast(awarenessMessage(removal), connection);
    if (this.connections.size === 0) this.hooks.afterLastLeave(this);
  }

  /**
   * Content from a client. Sealed documents and read-only connections accept only what the document already
   * contains (a reconnecting client's step 2); anything new closes the connection (4423 / 4409) unstored.
   * Otherwise the update is checked against the schema of the document's kind (4422, see `schema-check.ts`),
   * applied and queued; it is broadcast to the other connections once stored.
   */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    if (this.sealed || connection.readOnly) {
      if (this.state.contains(update)) return;
      throw this.sealed ? new SealedWriteError() : new ReadOnlyWriteError();
    }
    this.checkSize(update);
    this.checkRoots(connection, update);
    if (this.schemaCheck) this.checkSchema(update, this.schemaCheck);
    const { produced, error } = this.state.apply(update, connection);
    if (produced.length > 0) this.hooks.store(this, produced, connection);
    const refusal: SyncError | null = error ?? this.pendingRefusal(connection, Date.now());
    if (refusal) throw refusal;
  }

  /**
   * Drops updates that waited for missing dependencies longer than allowed and closes their sender (4412), which
   * sends them again with their dependencies when it reconnects. Returns the closed sender, if any.
   */
  sweepPending(now: number): Connection | null {
    if (this.pendingSince === 0 || now - this.pendingSince <= this.hooks.maxPendingAgeMs) return null;
    const sender = this.pendingSender;
    this.clearPending();
    sender?.close(CLOSE_CODES.unresolvedUpdates, 'updates waited too long for missing dependencies');
    return sender;
  }

  receiveAwareness(connection: Connection, update: Uint8Array): void {
    const forwarded = this.presence.apply(update, connection.presenceOwner, Date.now());
    if (forwarded) this.broadcast(awarenessMessage(forwarded), connection);
  }

  /** Drops presence that was not renewed; called by the service's single sweep timer. */
  sweepPresence(now: number): void {
    const removal = this.presence.sweep(now);
    if (removal) this.broadcast(awarenessMessage(removal));
  }

  /** What a client with `stateVector` lacks, once everything applied is stored (no unstored state leaks). */
  diffFor(stateVector: Uint8Array): Uint8Array {
    this.hooks.flush();
    return this.state.diff(stateVector);
  }

  /** Broadcasts stored updates, each to every connection but its sender. */
  broadcastStored(updates: readonly Uint8Array[], senders: readonly Connection[]): void {
    updates.forEach((update, i) => this.broadcast(updateMessage(update), senders[i]));
  }

  /** Sends one encoded message to every connection except `except`. */
  broadcast(message: Uint8Array, except?: Connection): void {
    for (const connection of this.connections) if (connection !== except) connection.send(message);
  }

  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  /** Refuses (4409, unapplied) an update that writes outside the connection's writable roots, if it has any. */
  private checkRoots(connection: Connection, update: Uint8Array): void {
    const roots = connection.context.writableRoots;
    if (!roots) return;
    let allowed: boolean;
    try {
      allowed = this.state.read((doc) => writesOnlyRoots(doc, update, roots));
    } catch (error) {
      throw new MalformedMessageError(`bad update: ${(error as Error).message}`);
    }
    if (!allowed) throw new ReadOnlyWriteError();
  }

  /**
   * Updates whose dependencies never arrived stay in memory, and Yjs retries all of them on every later update:
   * bound them in bytes (alone and with the stored document) and age, or one writer grows memory and CPU at will.
   */
  private pendingRefusal(connection: Connection, now: number): UnresolvedUpdatesError | null {
    const bytes = this.state.pendingBytes;
    if (bytes === 0) {
      this.pendingSince = 0;
      this.pendingSender = null;
      return null;
    }
    if (this.pendingSince === 0) {
      this.pendingSince = now;
      this.pendingSender = connection;
    }
    const { maxPendingBytes, maxDocBytes, maxPendingAgeMs } = this.hooks;
    let why: string | null = null;
    if (bytes > maxPendingBytes) {
      why = `${bytes} bytes wait for missing dependencies (limit ${maxPendingBytes})`;
    } else if (this.state.storedBytes + bytes > maxDocBytes) {
      why = 'waiting updates exceed the document limit';
    } else if (now - this.pendingSince > maxPendingAgeMs) {
      why = 'updates waited too long for missing dependencies';
    }
    if (why === null) return null;
    this.clearPending();
    return new UnresolvedUpdatesError(why);
  }

  private checkSchema(update: Uint8Array, check: (doc: Y.Doc, update: Uint8Array) => void): void {
    try {
      this.state.check(update, check);
    } catch (error) {
      // Waiting updates may be what broke the schema once integrated: they can never be accepted.
      if (error instanceof SchemaViolationError) this.clearPending();
      throw error;
    }
  }

  private clearPending(): void {
    this.state.dropPending();
    this.pendingSince = 0;
    this.pendingSender = null;
  }

  private checkSize(update: Uint8Array): void {
    const limit = this.hooks.maxDocBytes;
    const pending = this.state.pendingBytes;
    if (this.state.storedBytes + pending + update.length <= limit) return;
    this.hooks.flush();
    this.state.compact(this.hooks.now());
    const bytes = this.state.storedBytes + update.length;
    if (bytes > limit) throw new DocTooLargeError(bytes, limit);
    if (bytes + pending > limit) {
      this.clearPending();
      throw new UnresolvedUpdatesError('waiting updates exceed the document limit');
    }
  }
}
