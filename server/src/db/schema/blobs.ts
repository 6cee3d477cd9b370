import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.js';

/** Stored blobs (photos, scans): content-addressed by SHA-256, bytes under `DATA_DIR/blobs/ab/cd/<hash>`. */
export const blobs = sqliteTable('blobs', {
  /** Lower-case hex SHA-256 of the content. */
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  /** Sniffed from the content, never taken from the client. */
  mediaType: text('media_type').notNull(),
  uploaderUserId: text('uploader_user_id')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Every user who uploaded the bytes (they hold the content already, so they may read it back). `at` is the latest
 * upload: the daily upload quota and the unreferenced-blob grace period count from it.
 */
export const blobUploads = sqliteTable(
  'blob_uploads',
  {
    sha256: text('sha256').notNull(),
    userId: text('user_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sha256, t.userId] }),
    index('blob_uploads_user_at_idx').on(t.userId, t.at),
  ],
);

/**
 * Which documents reference which blobs (refreshed from the document JSON when it is materialized). A reference
 * is `granted` only when someone who may write the document uploaded the bytes, or the blob already belongs to a
 * document of the same project (issue 12 item 3): knowing a hash is not enough to read it through your document.
 */
export const blobRefs = sqliteTable(
  'blob_refs',
  {
    sha256: text('sha256').notNull(),
    docName: text('doc_name').notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.docName] }), index('blob_refs_doc_idx').on(t.docName)],
);
