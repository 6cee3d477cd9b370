import { and, desc, eq, gte, inArray, isNull, like, lte, type SQL } from 'drizzle-orm';
import type { InspectionMethod, InspectionOrigin } from '@anguan/model';
import type { Db } from '../db/client.js';
import { inspections, projects, rectifications } from '../db/schema/index.js';

export type InspectionRow = typeof inspections.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type RectificationRow = typeof rectifications.$inferSelect;

/** Which projects a caller sees, already narrowed by role (the service derives it from the session). */
export interface ListScope {
  projectIds?: readonly string[];
  enterpriseId?: string;
  /** A supervisor's region: the significant digits every covered 行政区划码 starts with. */
  regionPrefix?: string;
}

/** The filters the list endpoint takes (all optional; dates inclusive, YYYY-MM-DD). */
export interface ListFilter {
  origin?: InspectionOrigin;
  method?: InspectionMethod;
  status?: 'draft' | 'completed';
  from?: string;
  to?: string;
}

export interface ListedRow {
  inspection: InspectionRow;
  project: ProjectRow;
  rectification: RectificationRow | null;
}

/**
 * Visible (not soft-deleted) inspection rows in a scope, newest first (检查日期, then creation), each with its
 * project and its rectification row when one was opened.
 */
export async function listInspectionRows(db: Db, scope: ListScope, filter: ListFilter): Promise<ListedRow[]> {
  const conditions: Array<SQL | undefined> = [
    isNull(inspections.deletedAt),
    scope.projectIds ? inArray(inspections.projectId, [...scope.projectIds]) : undefined,
    scope.enterpriseId !== undefined ? eq(projects.enterpriseId, scope.enterpriseId) : undefined,
    scope.regionPrefix !== undefined ? like(projects.regionCode, `${scope.regionPrefix}%`) : undefined,
    filter.origin ? eq(inspections.origin, filter.origin) : undefined,
    filter.method ? eq(inspections.method, filter.method) : undefined,
    filter.status ? eq(inspections.status, filter.status) : undefined,
    filter.from ? gte(inspections.date, filter.from) : undefined,
    filter.to ? lte(inspections.date, filter.to) : undefined,
  ];
  return db
    .select({ inspection: inspections, project: projects, rectification: rectifications })
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .leftJoin(rectifications, eq(rectifications.inspectionId, inspections.id))
    .where(and(...conditions))
    .orderBy(desc(inspections.date), desc(inspections.createdAt), desc(inspections.id));
}
