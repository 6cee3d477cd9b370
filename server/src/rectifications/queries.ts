import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { inspections, projects, rectifications } from '../db/schema/index.js';

export type RectificationRow = typeof rectifications.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;

/** The row of one rectification, whether or not its inspection is deleted. */
export async function findRectificationRow(
  db: Db,
  inspectionId: string,
): Promise<RectificationRow | undefined> {
  const [row] = await db.select().from(rectifications).where(eq(rectifications.inspectionId, inspectionId));
  return row;
}

/** Inserts or replaces the row of one rectification (the materializer and the seal path both write it whole). */
export async function upsertRectification(db: Db, row: typeof rectifications.$inferInsert): Promise<void> {
  const { inspectionId: _key, ...update } = row;
  await db
    .insert(rectifications)
    .values(row)
    .onConflictDoUpdate({ target: rectifications.inspectionId, set: update });
}

/**
 * Rows whose inspection is not soft-deleted, with their project. Inspection rows are written by the inspection
 * materializer and may be missing (not materialized yet); a missing row is not a deleted one, hence the left join.
 */
function visibleRows(db: Db, where: SQL | undefined) {
  return db
    .select({ rectification: rectifications, project: projects })
    .from(rectifications)
    .innerJoin(projects, eq(projects.id, rectifications.projectId))
    .leftJoin(inspections, eq(inspections.id, rectifications.inspectionId))
    .where(and(isNull(inspections.deletedAt), where));
}

/** One visible rectification with its project. */
export async function findRectification(
  db: Db,
  inspectionId: string,
): Promise<{ rectification: RectificationRow; project: ProjectRow } | undefined> {
  const rows = await visibleRows(db, eq(rectifications.inspectionId, inspectionId));
  return rows[0];
}

/** The filters a list query takes; the caller's scope is already narrowed to `projectIds` and `origins`. */
export interface RectificationScope {
  projectIds?: readonly string[];
  enterpriseId?: string;
  origins?: ReadonlyArray<RectificationRow['origin']>;
}

/** Visible rectifications within a scope (projects of an enterprise, listed projects, origins). */
export async function listRectificationRows(
  db: Db,
  scope: RectificationScope,
): Promise<Array<{ rectification: RectificationRow; project: ProjectRow }>> {
  const conditions: SQL[] = [];
  if (scope.projectIds) conditions.push(inArray(rectifications.projectId, [...scope.projectIds]));
  if (scope.enterpriseId) conditions.push(eq(projects.enterpriseId, scope.enterpriseId));
  if (scope.origins) conditions.push(inArray(rectifications.origin, [...scope.origins]));
  return visibleRows(db, and(...conditions));
}
