import type { Connection } from './connection.js';
import { StorageError } from './errors.js';
import type { Room } from './room.js';
import type { UpdateLog } from './update-log.js';

interface Pending {
  readonly updates: Uint8Array[];
  readonly senders: Connection[];
}

/** What the queue reports back to the sync service. */
export interface CommitHooks {
  /** The updates are stored: now they may be broadcast (each to every connection but its sender). */
  afterCommit(room: Room, updates: readonly Uint8Array[], senders: readonly Connection[]): void;
  /** Storing failed: these rooms' memory is ahead of storage. */
  afterFailure(rooms: readonly Room[], error: StorageError): void;
}

/**
 * Group commit: the updates applied during one turn of the event loop are stored in one SQLite transaction
 * (per-commit overhead, not bytes, dominates SQLite's cost per update), then broadcast. Nothing is visible to
 * another client before it is stored: broadcasts wait for the commit, and anything that reads a document's state
 * for a client (sync step 2), compacts or seals calls {@link flush} first.
 */
export class CommitQueue {
  private pending = new Map<Room, Pending>();
  private scheduled = false;

  constructor(
    private readonly log: UpdateLog,
    private readonly hooks: CommitHooks,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Queues updates a client's message produced; they are stored at the end of this event-loop turn. */
  add(room: Room, updates: readonly Uint8Array[], sender: Connection): void {
    let entry = this.pending.get(room);
    if (!entry) {
      entry = { updates: [], senders: [] };
      this.pending.set(room, entry);
    }
    for (const update of updates) {
      entry.updates.push(update);
      entry.senders.push(sender);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Stores everything queued in one transaction, then reports it (synchronous). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rooms = [...batch.keys()];
    let lastSeqs: number[];
    try {
      lastSeqs = this.log.appendBatch(
        rooms.map((room) => ({
          docName: room.name,
          afterSeq: room.state.lastSeq,
          updates: batch.get(room)!.updates,
        })),
      );
    } catch (cause) {
      this.hooks.afterFailure(rooms, new StorageError(`storing updates failed: ${(cause as Error).message}`));
      return;
    }
    rooms.forEach((room, index) => {
      const { updates, senders } = batch.get(room)!;
      room.state.markStored(updates, lastSeqs[index]!);
      this.hooks.afterCommit(room, updates, senders);
    });
  }
}
