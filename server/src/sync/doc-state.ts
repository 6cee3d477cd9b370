import * as Y from 'yjs';
import { ORIGINS } from '@anguan/model';
import { MalformedMessageError } from './errors.js';
import type { UpdateLog } from './update-log.js';

/** `Y.encodeStateAsUpdate` of an empty document, and `Y.encodeStateVector` of one. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

const isEmptyUpdate = (u: Uint8Array) => u.length === 2 && u[0] === 0 && u[1] === 0;
const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === 0;

/** What applying an update did: the updates it produced (stored, to broadcast) and a decode error, if any. */
export interface ApplyResult {
  readonly produced: readonly Uint8Array[];
  readonly error: MalformedMessageError | null;
}

/**
 * One document's state on the server, in one of two modes:
 *
 * - **stored**: only the compacted snapshot bytes and their state vector (as read from SQLite). A fresh client is
 *   answered with the stored bytes as they are, so a cold load neither decodes nor re-encodes the document, and
 *   an idle document costs little memory.
 * - **live**: a `Y.Doc` that updates are applied to. Entered on the first update with content; left again
 *   ({@link hibernate}) after an idle compaction.
 *
 * Invariant: snapshot + stored tail + unstored (queued) updates = the live document, and nothing unstored is
 * shown to anyone; compaction runs only with nothing unstored, so it can always encode the live document.
 */
export class DocState {
  private doc: Y.Doc | null = null;
  private snapshot: Uint8Array | null;
  private stateVectorCache: Uint8Array | null;
  private fullStateCache: Uint8Array | null = null;
  private produced: Uint8Array[] = [];
  private lastSeqValue: number;
  private snapshotBytes: number;
  /** Updates applied in memory but not yet stored (waiting in the commit queue). */
  private unstored = 0;
  /** Updates stored after the snapshot. */
  tailCount = 0;
  tailBytes = 0;

  private constructor(
    readonly name: string,
    private readonly log: UpdateLog,
    stored: ReturnType<UpdateLog['load']>,
  ) {
    this.snapshot = stored.snapshot;
    this.stateVectorCache = stored.stateVector;
    this.snapshotBytes = stored.snapshot?.length ?? 0;
    this.lastSeqValue = stored.lastSeq;
    if (stored.updates.length > 0) {
      this.goLive(stored.updates);
      this.tailCount = stored.updates.length;
      this.tailBytes = stored.updates.reduce((sum, u) => sum + u.length, 0);
    }
  }

  /** Loads a document from the log; a stored tail is folded into a fresh snapshot at once (encode once). */
  static load(name: string, log: UpdateLog, now: Date): DocState {
    const state = new DocState(name, log, log.load(name));
    state.compact(now);
    return state;
  }

  /** `seq` of the last stored update: the next append is numbered after it (see `UpdateLog.append`). */
  get lastSeq(): number {
    return this.lastSeqValue;
  }

  /** Bytes the document occupies in storage (snapshot + tail). */
  get storedBytes(): number {
    return this.snapshotBytes + this.tailBytes;
  }

  get isLive(): boolean {
    return this.doc !== null;
  }

  stateVector(): Uint8Array {
    if (!this.stateVectorCache) {
      this.stateVectorCache = this.doc ? Y.encodeStateVector(this.doc) : EMPTY_STATE_VECTOR;
    }
    return this.stateVectorCache;
  }

  /** The whole integrated state as one update (cached until the next change); see {@link encode}. */
  fullState(): Uint8Array {
    if (!this.doc) return this.snapshot ?? EMPTY_UPDATE;
    this.fullStateCache ??= this.encode();
    return this.fullStateCache;
  }

  /**
   * Bytes of updates waiting in the live document for dependencies it never received (Yjs keeps them apart from
   * the content until those arrive). The room bounds them; they are never stored nor sent (see {@link encode}).
   */
  get pendingBytes(): number {
    const store = this.doc?.store;
    if (!store) return 0;
    return (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
  }

  /** Forgets the waiting updates (their sender still holds them and sends them again when it reconnects). */
  dropPending(): void {
    const store = this.doc?.store;
    if (!store) return;
    store.pendingStructs = null;
    store.pendingDs = null;
  }

  /** What a client with state vector `clientStateVector` is missing (sync step 2). Throws on a malformed vector. */
  diff(clientStateVector: Uint8Array): Uint8Array {
    if (isEmptyStateVector(clientStateVector)) return this.fullState();
    try {
      if (this.doc) return this.encode(clientStateVector);
      return this.snapshot ? Y.diffUpdate(this.snapshot, clientStateVector) : EMPTY_UPDATE;
    } catch (error) {
      throw new MalformedMessageError(`bad state vector: ${(error as Error).message}`);
    }
  }

  /** Whether `update` holds nothing the document lacks (what read-only and sealed connections may still send). */
  contains(update: Uint8Array): boolean {
    if (isEmptyUpdate(update)) return true;
    try {
      return Y.snapshotContainsUpdate(Y.snapshot(this.live()), update);
    } catch (error) {
      throw new MalformedMessageError(`bad update: ${(error as Error).message}`);
    }
  }

  /**
   * Applies a client's update to the document and returns what it integrated. Nothing is stored yet: the caller
   * must store `produced` ({@link UpdateLog.append}, then {@link markStored}) before anyone else sees it (see
   * `commit-queue.ts`). A decode error part-way still returns whatever was integrated, so memory and storage
   * never disagree.
   */
  apply(update: Uint8Array, origin: unknown): ApplyResult {
    if (isEmptyUpdate(update)) return { produced: [], error: null };
    const doc = this.live();
    let error: MalformedMessageError | null = null;
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (cause) {
      error = new MalformedMessageError(`bad update: ${(cause as Error).message}`);
    }
    const produced = this.produced;
    this.produced = [];
    this.unstored += produced.length;
    return { produced, error };
  }

  /** Runs `check` on the live document before `update` is applied; it throws to refuse the update. */
  check(update: Uint8Array, check: (doc: Y.Doc, update: Uint8Array) => void): void {
    if (!isEmptyUpdate(update)) check(this.live(), update);
  }

  /** Records that `updates` (from {@link apply}) are now in the log, the last with `lastSeq`. */
  markStored(updates: readonly Uint8Array[], lastSeq: number): void {
    this.lastSeqValue = lastSeq;
    this.unstored -= updates.length;
    this.tailCount += updates.length;
    for (const u of updates) this.tailBytes += u.length;
  }

  /**
   * Folds the stored tail into a new snapshot (content identical: it is the live document encoded). Only when
   * everything applied is stored (the caller flushes the commit queue first).
   */
  compact(now: Date): void {
    if (this.tailCount === 0 || this.unstored > 0) return;
    const state = this.fullState();
    const stateVector = this.stateVector();
    this.log.compact(this.name, { state, stateVector, throughSeq: this.lastSeqValue }, now);
    this.snapshotBytes = state.length;
    this.tailCount = 0;
    this.tailBytes = 0;
  }

  /**
   * Drops the live `Y.Doc` once everything is compacted, keeping only the snapshot bytes (stored mode). Refused
   * while updates wait for missing dependencies (they live only in the doc). Returns whether it hibernated.
   */
  hibernate(): boolean {
    const doc = this.doc;
    if (!doc || this.tailCount > 0 || doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      return false;
    }
    this.snapshot = this.fullState();
    this.fullStateCache = null;
    this.doc = null;
    doc.destroy();
    return true;
  }

  /**
   * Runs `read` on the document (e.g. to convert it to JSON). In stored mode it reads a temporary copy, so reading
   * never makes an idle document live. `read` must not write.
   */
  read<T>(read: (doc: Y.Doc) => T): T {
    if (this.doc) return read(this.doc);
    const copy = new Y.Doc();
    try {
      if (this.snapshot) Y.applyUpdate(copy, this.snapshot, ORIGINS.serverLoad);
      return read(copy);
    } finally {
      copy.destroy();
    }
  }

  destroy(): void {
    this.doc?.destroy();
    this.doc = null;
  }

  /**
   * `Y.encodeStateAsUpdate` of the integrated content only. Yjs appends the pending (unresolved) updates to its
   * encoding; they were never validated, counted or stored as updates, so they must reach neither a snapshot nor
   * another client.
   */
  private encode(stateVector?: Uint8Array): Uint8Array {
    const doc = this.live();
    const { pendingStructs, pendingDs } = doc.store;
    if (pendingStructs === null && pendingDs === null) return Y.encodeStateAsUpdate(doc, stateVector);
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
    try {
      return Y.encodeStateAsUpdate(doc, stateVector);
    } finally {
      doc.store.pendingStructs = pendingStructs;
      doc.store.pendingDs = pendingDs;
    }
  }

  private live(): Y.Doc {
    return this.doc ?? this.goLive([]);
  }

  private goLive(tail: readonly Uint8Array[]): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (this.snapshot) Y.applyUpdate(doc, this.snapshot, ORIGINS.serverLoad);
      for (const update of tail) Y.applyUpdate(doc, update, ORIGINS.serverLoad);
    }, ORIGINS.serverLoad);
    this.snapshot = null;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === ORIGINS.serverLoad) return;
      this.produced.push(update);
      this.fullStateCache = null;
      this.stateVectorCache = null;
    });
    this.doc = doc;
    return doc;
  }
}
