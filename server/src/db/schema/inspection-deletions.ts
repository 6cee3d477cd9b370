import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.js';

/**
 * Soft-deleted files of sealed internal-standard inspections (issue 9). A sealed document accepts no update, so a
 * file deleted from a record in 历史检查 cannot get the model's `deletedAt`; the deletion is kept here instead, the
 * sealed state (and its hash) stays intact, and every list, sheet and statistic leaves the file out. Before
 * sealing, files are removed in the document itself (`removeFile`).
 */
export const inspectionFileDeletions = sqliteTable(
  'inspection_file_deletions',
  {
    inspectionId: text('inspection_id').notNull(),
    sha256: text('sha256').notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }).notNull(),
    deletedByUserId: text('deleted_by_user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.sha256] })],
);
