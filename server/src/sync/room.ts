import type { Connection } from './connection.js';
import type { DocState } from './doc-state.js';
import { DocTooLargeError, ReadOnlyWriteError, SealedWriteError } from './errors.js';
import { awarenessMessage, syncStep1Message, updateMessage } from './messages.js';
import { Presence } from './presence.js';

/** What a room needs from the service that owns it. */
export interface RoomHooks {
  readonly now: () => Date;
  readonly maxDocBytes: number;
  /** After an update was stored and broadcast (the materializer's trigger). */
  afterUpdate(room: Room): void;
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
   * Otherwise the update is applied, stored, then broadcast to the other connections.
   */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    if (this.sealed || connection.readOnly) {
      if (this.state.contains(update)) return;
      throw this.sealed ? new SealedWriteError() : new ReadOnlyWriteError();
    }
    this.checkSize(update);
    const { produced, error } = this.state.apply(update, connection);
    for (const change of produced) this.broadcast(updateMessage(change), connection);
    if (produced.length > 0) this.hooks.afterUpdate(this);
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

  /** Sends one encoded message to every connection except `except`. */
  broadcast(message: Uint8Array, except?: Connection): void {
    for (const connection of this.connections) if (connection !== except) connection.send(message);
  }

  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  private checkSize(update: Uint8Array): void {
    const limit = this.hooks.maxDocBytes;
    if (this.state.storedBytes + update.length <= limit) return;
    this.state.compact(this.hooks.now());
    const bytes = this.state.storedBytes + update.length;
    if (bytes > limit) throw new DocTooLargeError(bytes, limit);
  }
}
