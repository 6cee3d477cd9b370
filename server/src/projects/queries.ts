import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects, regions } from '../db/schema/index.js';
import type { SessionUser } from '../auth/sessions.js';

export type ProjectRow = typeof projects.$inferSelect;

/**
 * The region codes a supervisor oversees: its own and the districts/county-level cities under it (one level:
 * 苏州市 320500 covers 昆山市 320583).
 */
export function supervisedRegionCodes(db: Db, regionCode: string): string[] {
  const children = db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, regionCode)).all();
  return [regionCode, ...children.map((r) => r.code)];
}

/** The SQL condition for "projects this user may read" (DESIGN "Roles"); null when it may read none. */
export function readableProjectsWhere(db: Db, user: SessionUser): SQL | null {
  switch (user.role) {
    case 'enterprise':
    case 'inspector':
      return user.enterpriseId ? eq(projects.enterpriseId, user.enterpriseId) : null;
    case 'project':
      return user.projectId ? eq(projects.id, user.projectId) : null;
    case 'supervisor':
      return user.regionCode ? inArray(projects.regionCode, supervisedRegionCodes(db, user.regionCode)) : null;
  }
}

export function listReadableProjects(db: Db, user: SessionUser, filter: { status?: ProjectRow['status'] } = {}) {
  const readable = readableProjectsWhere(db, user);
  if (!readable) return [];
  const conditions = [readable, filter.status ? eq(projects.status, filter.status) : undefined];
  return db
    .select({ project: projects, regionName: regions.name })
    .from(projects)
    .leftJoin(regions, eq(projects.regionCode, regions.code))
    .where(and(...conditions))
    .orderBy(asc(projects.filingNumber))
    .all();
}

export function findReadableProject(db: Db, user: SessionUser, idOrFilingNumber: string) {
  const readable = readableProjectsWhere(db, user);
  if (!readable) return undefined;
  return db
    .select({ project: projects, regionName: regions.name })
    .from(projects)
    .leftJoin(regions, eq(projects.regionCode, regions.code))
    .where(and(readable, or(eq(projects.id, idOrFilingNumber), eq(projects.filingNumber, idOrFilingNumber))))
    .get();
}
