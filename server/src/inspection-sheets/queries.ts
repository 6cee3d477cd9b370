import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { documents, inspectionFileDeletions, inspections } from '../db/schema/index.js';

/**
 * Query helpers that honour soft deletion (issue 9): every list of inspections goes through
 * {@link visibleInspectionsWhere}, and sheets leave out {@link deletedFileHashes}.
 */

export type InspectionRow = typeof inspections.$inferSelect;

/** The condition every list of inspection rows adds: not soft-deleted. */
export const notDeleted = () => isNull(inspections.deletedAt);

/** Visible (not soft-deleted) inspection rows of a project, newest first by date. */
export async function listVisibleInspections(db: Db, projectId: string): Promise<InspectionRow[]> {
  const rows = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.projectId, projectId), notDeleted()));
  return rows.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** The materialized row of an inspection, deleted or not. */
export async function findInspectionRow(db: Db, id: string): Promise<InspectionRow | undefined> {
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
  return row;
}

/** Marks an inspection row soft-deleted; false when it was already deleted or not materialized. */
export async function softDeleteInspection(db: Db, id: string, by: string, at: Date): Promise<boolean> {
  const result = await db
    .update(inspections)
    .set({ deletedAt: at, deletedByUserId: by })
    .where(and(eq(inspections.id, id), notDeleted()));
  return result.changes > 0;
}

/** Hashes of the soft-deleted files of a sealed inspection. */
export async function deletedFileHashes(db: Db, inspectionId: string): Promise<Set<string>> {
  const rows = await db
    .select({ sha256: inspectionFileDeletions.sha256 })
    .from(inspectionFileDeletions)
    .where(eq(inspectionFileDeletions.inspectionId, inspectionId));
  return new Set(rows.map((row) => row.sha256));
}

/** Records a file's soft deletion; false when it was already deleted. */
export async function softDeleteFile(
  db: Db,
  deletion: typeof inspectionFileDeletions.$inferInsert,
): Promise<boolean> {
  const result = await db.insert(inspectionFileDeletions).values(deletion).onConflictDoNothing();
  return result.changes > 0;
}

/** The query behind {@link findSealedByHash} (its plan is tested: it must use `documents_sealed_hash_idx`). */
export function sealedByHashQuery(db: Db, sealedHash: string) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.kind, 'inspection'), eq(documents.sealedHash, sealedHash)));
}

/** The sealed inspection documents with this state hash (normally one). */
export async function findSealedByHash(db: Db, sealedHash: string) {
  return sealedByHashQuery(db, sealedHash);
}
