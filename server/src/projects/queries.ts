import { and, asc, eq, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects, regions } from '../db/schema/index.js';
import type { SessionUser } from '../auth/sessions.js';
import { regionPrefix } from './regions.js';

export type ProjectRow = typeof projects.$inferSelect;

/** The SQL condition for "projects this user may read" (DESIGN "Roles"); null when it may read none. */
export function readableProjectsWhere(user: SessionUser): SQL | null {
  switch (user.role) {
    case 'enterprise':
    case 'inspector':
      return user.enterpriseId ? eq(projects.enterpriseId, user.enterpriseId) : null;
    case 'project':
      return user.projectId ? eq(projects.id, user.projectId) : null;
    case 'supervisor': {
      const prefix = regionPrefix(user.regionCode);
      return prefix ? like(projects.regionCode, `${prefix}%`) : null;
    }
  }
}

export function listReadableProjects(db: Db, user: SessionUser, filter: { status?: ProjectRow['status'] } = {}) {
  const readable = readableProjectsWhere(user);
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
  const readable = readableProjectsWhere(user);
  if (!readable) return undefined;
  return db
    .select({ project: projects, regionName: regions.name })
    .from(projects)
    .leftJoin(regions, eq(projects.regionCode, regions.code))
    .where(and(readable, or(eq(projects.id, idOrFilingNumber), eq(projects.filingNumber, idOrFilingNumber))))
    .get();
}
