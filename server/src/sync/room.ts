import type { Connection } from './connection.js';
import type { DocState } from './doc-state.js';
import { DocTooLargeError, MalformedMessageError, ReadOnlyWriteError, SealedWriteError } from './errors.js';
import { writesOnlyRoots } from './root-guard.js';
import { awarenessMessage, syncStep1Message, updateMessage } from './messages.js';
import { Presence } from './presence.js';

/** What a room needs from the service that owns it. */
export interface RoomHooks {
  readonly now: () => Date;
  readonly maxDocBytes: number;
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

  constructor(
    readonly state: DocState,
    sealed: boolean,
    private readonly hooks: RoomHooks,
  ) {
    this.sealed = sealed;
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
   * Otherwise the update is applied and queued; it is broadcast to the other connections once stored.
   */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    if (this.sealed || connection.readOnly) {
      if (this.state.contains(update)) return;
      throw this.sealed ? new SealedWriteError() : new ReadOnlyWriteError();
    }
    this.checkSize(update);
    this.checkRoots(connection, update); // rectify (issue 9)
    const { produced, error } = this.state.apply(update, connection);
    if (produced.length > 0) this.hooks.store(this, produced, connection);
    if (error) throw error;
  }

  receiveAwareness(connection: Connection, update: Uint8Array): void {
    if (this.presence.apply(update, connection, Date.now())) {
      this.broadcast(awarenessMessage(update), connection);
    }
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

  private checkSize(update: Uint8Array): void {
    const limit = this.hooks.maxDocBytes;
    if (this.state.storedBytes + update.length <= limit) return;
    this.hooks.flush();
    this.state.compact(this.hooks.now());
    const bytes = this.state.storedBytes + update.length;
    if (bytes > limit) throw new DocTooLargeError(bytes, limit);
  }
}
