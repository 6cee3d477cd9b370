/**
 * Registry changes the rollups must follow: `stats_project_scopes` holds each project's region, enterprise, 施工单位
 * and status as its rollup rows were written; a project whose registry row differs (or that is new) is "drifted"
 * and gets its rows and its old and new scopes' cells recomputed.
 *
 * @module
 */
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects, statsProjectScopes } from '../db/schema/index.js';
import { ownerWhere, type CellScope } from './scope.js';

const s = statsProjectScopes;

const DIFFERS = or(
  isNull(s.projectId),
  sql`coalesce(${s.regionCode}, '') <> coalesce(${projects.regionCode}, '')`,
  sql`coalesce(${s.enterpriseId}, '') <> coalesce(${projects.enterpriseId}, '')`,
  ne(s.creditCode, projects.constructorCreditCode),
  ne(s.status, projects.status),
)!;

/**
 * Drifted projects: among `owner`'s projects as the registry has them now (newcomers, changed members) and as the
 * snapshot has them (leavers), or among all projects without `owner`.
 */
export async function driftedProjects(db: Db, owner?: CellScope): Promise<string[]> {
  const now = await db
    .select({ id: projects.id })
    .from(projects)
    .leftJoin(s, eq(s.projectId, projects.id))
    .where(and(owner ? ownerWhere(projects.regionCode, projects.enterpriseId, owner) : undefined, DIFFERS));
  if (!owner) return now.map((r) => r.id);
  const before = await db
    .select({ id: s.projectId })
    .from(s)
    .innerJoin(projects, eq(projects.id, s.projectId))
    .where(and(ownerWhere(s.regionCode, s.enterpriseId, owner), DIFFERS));
  return [...new Set([...now, ...before].map((r) => r.id))];
}

/** The snapshot rows of the projects matching `where`, in the column order of `stats_project_scopes`. */
export function snapshotQuery(db: Db, where: SQL | undefined) {
  return db
    .select({
      projectId: projects.id,
      regionCode: projects.regionCode,
      enterpriseId: projects.enterpriseId,
      creditCode: projects.constructorCreditCode,
      status: projects.status,
    })
    .from(projects)
    .where(where);
}

/** The snapshot rows of `ids` (their scopes before this refresh). */
export async function snapshotOf(db: Db, ids: string[]) {
  return db.select().from(s).where(inArray(s.projectId, ids));
}
