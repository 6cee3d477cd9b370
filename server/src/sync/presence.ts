import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './errors.js';

/** A client's presence is dropped when not renewed for this long (y-protocols' `outdatedTimeout`). */
export const PRESENCE_TIMEOUT_MS = 30_000;

interface Entry {
  clock: number;
  /** The state as the client encoded it (JSON text), or null once removed. Never parsed beyond validation. */
  state: string | null;
  lastUpdated: number;
  owner: object | null;
}

/**
 * The awareness states of one document, kept as the clients' own JSON text: applying an update only validates it,
 * and encoding the states for a newcomer re-emits the stored text. Same rules as y-protocols' `Awareness`
 * (higher clock wins; a removal at the same clock wins) without a `Y.Doc` or a timer per document.
 */
export class Presence {
  private readonly entries = new Map<number, Entry>();

  get size(): number {
    return this.entries.size;
  }

  /**
   * Applies an awareness update from `owner`'s connection. Returns whether any entry changed (then the frame is
   * worth forwarding). Throws {@link MalformedMessageError} on bad input without applying anything.
   */
  apply(update: Uint8Array, owner: object, now: number): boolean {
    const decoded = decodeAwarenessUpdate(update);
    let changed = false;
    for (const { clientId, clock, state } of decoded) {
      const entry = this.entries.get(clientId);
      const current = entry?.clock ?? 0;
      if (current < clock || (current === clock && state === null && entry?.state != null)) {
        this.entries.set(clientId, { clock, state, lastUpdated: now, owner: state === null ? null : owner });
        changed = true;
      }
    }
    return changed;
  }

  /** Every present state, encoded as one awareness update; null when nobody is present. */
  encodeAll(): Uint8Array | null {
    const present = [...this.entries].filter(([, e]) => e.state !== null);
    if (present.length === 0) return null;
    return encodeEntries(present.map(([clientId, e]) => ({ clientId, clock: e.clock, state: e.state })));
  }

  /** Removes the states a connection announced (it closed); returns the removal to broadcast, or null. */
  removeOwnedBy(owner: object, now: number): Uint8Array | null {
    return this.removeWhere((e) => e.owner === owner, now);
  }

  /** Removes states not renewed within {@link PRESENCE_TIMEOUT_MS}; returns the removal to broadcast, or null. */
  sweep(now: number): Uint8Array | null {
    for (const [clientId, e] of this.entries) {
      if (e.state === null && now - e.lastUpdated >= PRESENCE_TIMEOUT_MS) this.entries.delete(clientId);
    }
    return this.removeWhere((e) => now - e.lastUpdated >= PRESENCE_TIMEOUT_MS, now);
  }

  private removeWhere(predicate: (e: Entry) => boolean, now: number): Uint8Array | null {
    const removed: Array<{ clientId: number; clock: number; state: null }> = [];
    for (const [clientId, e] of this.entries) {
      if (e.state === null || !predicate(e)) continue;
      e.clock += 1;
      e.state = null;
      e.owner = null;
      e.lastUpdated = now;
      removed.push({ clientId, clock: e.clock, state: null });
    }
    return removed.length > 0 ? encodeEntries(removed) : null;
  }
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string | null;
}

function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const text = decoding.readVarString(decoder);
      // Clients JSON.parse what we forward: refuse anything that would throw there.
      const parsed: unknown = JSON.parse(text);
      entries.push({ clientId, clock, state: parsed === null ? null : text });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (error) {
    throw new MalformedMessageError(`bad awareness update: ${(error as Error).message}`);
  }
}

function encodeEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state ?? 'null');
  }
  return encoding.toUint8Array(encoder);
}
