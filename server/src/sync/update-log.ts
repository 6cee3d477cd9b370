import type Database from 'better-sqlite3';

/** What is stored for one document: its compacted state (if any) and the updates appended after it. */
export interface StoredDoc {
  /** `Y.encodeStateAsUpdate` at the last compaction, or null if never compacted. */
  readonly snapshot: Uint8Array | null;
  /** `Y.encodeStateVector` of `snapshot` (null with it). */
  readonly stateVector: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[];
  /** `seq` of the last stored update (or of the snapshot's last one); 0 when nothing is stored. */
  readonly lastSeq: number;
}

/** One document's share of a batch append (see {@link UpdateLog.append}). */
export interface AppendEntry {
  readonly docName: string;
  readonly afterSeq: number;
  readonly updates: readonly Uint8Array[];
}

/**
 * The durable store of Yjs documents (STYLE.md rule 5): a small *synchronous* interface, so an update is committed
 * before the caller broadcasts it and nothing can interleave between the two. Async implementations are refused by
 * the type (a Promise is not a number). The SQLite implementation below is the only one; a PostgreSQL one would
 * keep the same shape behind a synchronous queue.
 */
export interface UpdateLog {
  load(docName: string): StoredDoc;
  /**
   * Appends updates in one transaction, numbered `afterSeq + 1`, `afterSeq + 2`, …; returns the `seq` of the last.
   * `afterSeq` is the document's `lastSeq` (from {@link load}, then from each append): the caller, the document's
   * only writer, numbers its updates. A `seq` already taken throws (and stores nothing). Committed when it returns.
   */
  append(docName: string, afterSeq: number, updates: readonly Uint8Array[]): number;
  /** Appends the updates of several documents in one transaction; returns each entry's last `seq`. */
  appendBatch(batch: readonly AppendEntry[]): number[];
  /**
   * Replaces everything stored up to `throughSeq` with `state` (which must contain it all) in one transaction.
   * Updates appended after `throughSeq` stay.
   */
  compact(
    docName: string,
    snapshot: { state: Uint8Array; stateVector: Uint8Array; throughSeq: number },
    now: Date,
  ): void;
}

/** {@link UpdateLog} over the `doc_updates` and `doc_snapshots` tables, with prepared statements (hot path). */
export class SqliteUpdateLog implements UpdateLog {
  private readonly selectSnapshot;
  private readonly selectUpdates;
  private readonly insertUpdate;
  private readonly upsertSnapshot;
  private readonly deleteUpdates;
  private readonly appendMany;
  private readonly appendBatchTx;
  private readonly compactTx;

  constructor(sqlite: Database.Database) {
    this.selectSnapshot = sqlite.prepare<
      [string],
      { state: Buffer; state_vector: Buffer; through_seq: number }
    >('SELECT state, state_vector, through_seq FROM doc_snapshots WHERE doc_name = ?');
    this.selectUpdates = sqlite.prepare<[string, number], { seq: number; update: Buffer }>(
      'SELECT seq, "update" FROM doc_updates WHERE doc_name = ? AND seq > ? ORDER BY seq',
    );
    this.insertUpdate = sqlite.prepare<[string, number, Uint8Array]>(
      'INSERT INTO doc_updates (doc_name, seq, "update") VALUES (?, ?, ?)',
    );
    this.upsertSnapshot = sqlite.prepare<[string, Uint8Array, Uint8Array, number, number]>(
      `INSERT INTO doc_snapshots (doc_name, state, state_vector, through_seq, compacted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (doc_name) DO UPDATE SET state = excluded.state, state_vector = excluded.state_vector,
         through_seq = excluded.through_seq, compacted_at = excluded.compacted_at`,
    );
    this.deleteUpdates = sqlite.prepare<[string, number]>(
      'DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?',
    );
    this.appendMany = sqlite.transaction((entry: AppendEntry) => this.insertAll(entry));
    this.appendBatchTx = sqlite.transaction((batch: readonly AppendEntry[]) =>
      batch.map((entry) => this.insertAll(entry)),
    );
    this.compactTx = sqlite.transaction(
      (docName: string, state: Uint8Array, stateVector: Uint8Array, throughSeq: number, at: number) => {
        this.upsertSnapshot.run(docName, state, stateVector, throughSeq, at);
        this.deleteUpdates.run(docName, throughSeq);
      },
    );
  }

  load(docName: string): StoredDoc {
    const snapshot = this.selectSnapshot.get(docName);
    const throughSeq = snapshot?.through_seq ?? 0;
    const rows = this.selectUpdates.all(docName, throughSeq);
    return {
      // better-sqlite3 hands out fresh Buffers (Uint8Arrays): no second copy of a whole document.
      snapshot: snapshot?.state ?? null,
      stateVector: snapshot?.state_vector ?? null,
      updates: rows.map((row) => row.update),
      lastSeq: rows.at(-1)?.seq ?? throughSeq,
    };
  }

  append(docName: string, afterSeq: number, updates: readonly Uint8Array[]): number {
    // One INSERT is its own (autocommit) transaction; skip BEGIN/COMMIT round trips on the hot path.
    if (updates.length === 1) return this.insertAll({ docName, afterSeq, updates });
    return this.appendMany({ docName, afterSeq, updates });
  }

  appendBatch(batch: readonly AppendEntry[]): number[] {
    const [only] = batch;
    if (batch.length === 1 && only) return [this.append(only.docName, only.afterSeq, only.updates)];
    return this.appendBatchTx(batch);
  }

  private insertAll({ docName, afterSeq, updates }: AppendEntry): number {
    let seq = afterSeq;
    for (const update of updates) this.insertUpdate.run(docName, ++seq, update);
    return seq;
  }

  compact(
    docName: string,
    snapshot: { state: Uint8Array; stateVector: Uint8Array; throughSeq: number },
    now: Date,
  ) {
    this.compactTx(docName, snapshot.state, snapshot.stateVector, snapshot.throughSeq, now.getTime());
  }
}
