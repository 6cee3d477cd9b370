import { sqliteTable, text, integer, blob, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './accounts.js';

/** Document kinds and inspection origins/methods, as in `@anguan/model`. */
export const DOC_KIND_VALUES = ['inspection', 'rectification', 'project'] as const;
export const INSPECTION_ORIGIN_VALUES = ['self', 'monthly', 'enterprise', 'spot'] as const;
export const INSPECTION_METHOD_VALUES = ['terms', 'internal', 'jgj59', 'dust'] as const;

/**
 * The registry of Yjs documents: `/sync` authorizes against these rows (DESIGN.md "Documents"). A client makes
 * the UUID and the Y.Doc offline and registers it here when online; only then does the document sync.
 */
export const documents = sqliteTable(
  'documents',
  {
    /** `<kind>:<id>` (see `@anguan/model` doc-names). */
    name: text('name').primaryKey(),
    kind: text('kind', { enum: DOC_KIND_VALUES }).notNull(),
    /** The id part of the name: inspection UUID or project id. */
    id: text('id').notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** Inspection method; null for other kinds. */
    method: text('method', { enum: INSPECTION_METHOD_VALUES }),
    /** Inspection origin; for a rectification, its inspection's origin (it decides who reviews); else null. */
    origin: text('origin', { enum: INSPECTION_ORIGIN_VALUES }),
    creatorUserId: text('creator_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set once the document is sealed (检查单 generated); it then accepts no update. */
    sealedAt: integer('sealed_at', { mode: 'timestamp_ms' }),
    /** Hex SHA-256 of the sealed state (the stored snapshot, `Y.encodeStateAsUpdate` of the final document). */
    sealedHash: text('sealed_hash'),
    sealedByUserId: text('sealed_by_user_id'),
  },
  (t) => [
    index('documents_project_idx').on(t.projectId, t.kind),
    // /api/verify/<hash> finds the sealed inspection by the hash printed on its 检查单.
    index('documents_sealed_hash_idx').on(t.sealedHash),
  ],
);

/**
 * The update log: every accepted Yjs update, appended (and committed) before it is broadcast. Compaction folds a
 * document's rows into `doc_snapshots` and deletes them.
 *
 * `seq` counts per document (the sync service, the only writer, hands out the next one) and never goes back: a
 * snapshot keeps the last `seq` it folded in. The table is `WITHOUT ROWID` (migration 0002; drizzle cannot say
 * so), so an append writes one B-tree, not a rowid table, its index and `sqlite_sequence`: a quarter less time per
 * commit, and commits are most of what storing costs.
 */
export const docUpdates = sqliteTable(
  'doc_updates',
  {
    docName: text('doc_name').notNull(),
    seq: integer('seq').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.docName, t.seq] })],
);

/** One compacted state per document: `Y.encodeStateAsUpdate` of everything up to the compaction. */
export const docSnapshots = sqliteTable('doc_snapshots', {
  docName: text('doc_name').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  /** `Y.encodeStateVector` of the same state, so a cold document answers sync step 1 without decoding it. */
  stateVector: blob('state_vector', { mode: 'buffer' }).notNull(),
  /** Highest `doc_updates.seq` folded into this state. */
  throughSeq: integer('through_seq').notNull(),
  compactedAt: integer('compacted_at', { mode: 'timestamp_ms' }).notNull(),
});
