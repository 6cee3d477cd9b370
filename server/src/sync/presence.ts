import {
  MAX_AWARENESS_ENTRIES_PER_CONNECTION,
  MAX_AWARENESS_ENTRIES_PER_DOC,
  MAX_AWARENESS_STATE_BYTES,
} from '@anguan/model';
import { AwarenessRefusedError } from './errors.js';
import { decodeAwarenessUpdate, encodeEntries, type AwarenessEntry } from './presence-codec.js';

/** A client's presence is dropped when not renewed for this long (y-protocols' `outdatedTimeout`). */
export const PRESENCE_TIMEOUT_MS = 30_000;

/** Who publishes an awareness update: the connection, its user, and the `user` field the server writes. */
export interface PresenceOwner {
  readonly connection: object;
  readonly userId: string;
  /** Replaces whatever `user` the client sent: the name and colour come from the session, never the client. */
  readonly user: {
    readonly id: string;
    readonly userId: string;
    readonly name: string;
    readonly color: string;
  };
}

export interface PresenceLimits {
  readonly maxEntriesPerConnection: number;
  readonly maxEntriesPerDoc: number;
  readonly maxStateBytes: number;
}

export const defaultPresenceLimits: PresenceLimits = Object.freeze({
  maxEntriesPerConnection: MAX_AWARENESS_ENTRIES_PER_CONNECTION,
  maxEntriesPerDoc: MAX_AWARENESS_ENTRIES_PER_DOC,
  maxStateBytes: MAX_AWARENESS_STATE_BYTES,
});

interface Entry {
  clock: number;
  /** The state as forwarded (JSON text with the server's `user`), or null once removed. */
  state: string | null;
  lastUpdated: number;
  /** The connection that published the present state (null once removed). */
  connection: object | null;
  /** The user who first announced this client id here; only they may publish it until the entry is swept. */
  userId: string;
}

/**
 * The awareness states of one document, kept as JSON text: encoding the states for a newcomer re-emits the stored
 * text. Same rules as y-protocols' `Awareness` (higher clock wins; a removal at the same clock wins) without a
 * `Y.Doc` or a timer per document, plus what a shared server needs: a client id belongs to the user who announced
 * it first (another user reusing it is refused), entries and bytes are bounded per connection and per document,
 * and the `user` of every state is the session's.
 */
export class Presence {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly limits: PresenceLimits = defaultPresenceLimits) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Applies an awareness update from `owner`. Returns the update to forward (the changed entries, re-encoded with
   * the server's `user`), or null when nothing changed. Entries for client ids that belong to another user, or to
   * another live connection, are ignored: y-websocket clients echo every state they receive (and their own
   * timeouts' removals) back to the server, so such entries are normal traffic, never to be applied. Throws
   * without applying anything on malformed input ({@link MalformedMessageError}) or past a bound
   * ({@link AwarenessRefusedError}).
   */
  apply(update: Uint8Array, owner: PresenceOwner, now: number): Uint8Array | null {
    const { maxEntriesPerConnection, maxEntriesPerDoc, maxStateBytes } = this.limits;
    // An echo lists at most every entry of the document: more than that is refused before decoding.
    const decoded = decodeAwarenessUpdate(update, { maxEntries: maxEntriesPerDoc, maxStateBytes });
    const accepted = decoded.filter(({ clientId }) => this.mayPublish(clientId, owner));
    const owned = new Set<number>();
    for (const [clientId, e] of this.entries) if (e.connection === owner.connection) owned.add(clientId);
    let added = 0;
    for (const { clientId, state } of accepted) {
      if (!this.entries.has(clientId)) added++;
      if (state === null) owned.delete(clientId);
      else owned.add(clientId);
    }
    if (owned.size > maxEntriesPerConnection) {
      throw new AwarenessRefusedError(`${owned.size} awareness entries on one connection`);
    }
    if (this.entries.size + added > maxEntriesPerDoc) {
      throw new AwarenessRefusedError(`document holds ${this.entries.size} awareness entries`);
    }
    const texts = accepted.map(({ state }) =>
      state === null ? null : JSON.stringify({ ...state, user: owner.user }),
    );
    // Bounded as forwarded, so that an echo of it stays within the bound too.
    if (
      texts.some(
        (text) => text !== null && text.length * 3 > maxStateBytes && byteLength(text) > maxStateBytes,
      )
    ) {
      throw new AwarenessRefusedError(`awareness state over ${maxStateBytes} bytes`);
    }
    const changed: AwarenessEntry[] = [];
    accepted.forEach(({ clientId, clock, state }, i) => {
      const entry = this.entries.get(clientId);
      const current = entry?.clock ?? 0;
      if (current < clock || (current === clock && state === null && entry?.state != null)) {
        const text = texts[i] ?? null;
        const connection = state === null ? null : owner.connection;
        this.entries.set(clientId, {
          clock,
          state: text,
          lastUpdated: now,
          connection,
          userId: owner.userId,
        });
        changed.push({ clientId, clock, state: text });
      }
    });
    return changed.length > 0 ? encodeEntries(changed) : null;
  }

  /** A client id is the first announcer's user's, and while a connection holds it, that connection's. */
  private mayPublish(clientId: number, owner: PresenceOwner): boolean {
    const entry = this.entries.get(clientId);
    if (!entry) return true;
    return (
      entry.userId === owner.userId && (entry.connection === null || entry.connection === owner.connection)
    );
  }

  /** Every present state, encoded as one awareness update; null when nobody is present. */
  encodeAll(): Uint8Array | null {
    const present: AwarenessEntry[] = [];
    for (const [clientId, e] of this.entries) {
      if (e.state !== null) present.push({ clientId, clock: e.clock, state: e.state });
    }
    return present.length > 0 ? encodeEntries(present) : null;
  }

  /** Removes the states a connection announced (it closed); returns the removal to broadcast, or null. */
  removeOwnedBy(connection: object, now: number): Uint8Array | null {
    return this.removeWhere((e) => e.connection === connection, now);
  }

  /** Removes states not renewed within {@link PRESENCE_TIMEOUT_MS}; returns the removal to broadcast, or null. */
  sweep(now: number): Uint8Array | null {
    for (const [clientId, e] of this.entries) {
      if (e.state === null && now - e.lastUpdated >= PRESENCE_TIMEOUT_MS) this.entries.delete(clientId);
    }
    return this.removeWhere((e) => now - e.lastUpdated >= PRESENCE_TIMEOUT_MS, now);
  }

  private removeWhere(predicate: (e: Entry) => boolean, now: number): Uint8Array | null {
    const removed: AwarenessEntry[] = [];
    for (const [clientId, e] of this.entries) {
      if (e.state === null || !predicate(e)) continue;
      e.clock += 1;
      e.state = null;
      e.connection = null;
      e.lastUpdated = now;
      removed.push({ clientId, clock: e.clock, state: null });
    }
    return removed.length > 0 ? encodeEntries(removed) : null;
  }
}

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');
