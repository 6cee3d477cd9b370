/**
 * Whose figures a statistics request covers: a director (enterprise account) sees its own enterprise, a supervisor
 * its own region across enterprises; the request's region and project filters narrow that, never widen it.
 *
 * @module
 */
import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions.js';
import { projects, statsFindingCells } from '../db/schema/index.js';
import { forbidden } from '../http/errors.js';
import { readableProjectsWhere, regionUnder } from '../projects/queries.js';
import { regionPrefix } from '../projects/regions.js';
import type { StatsFilter } from './periods.js';

export interface StatsScope {
  role: 'enterprise' | 'supervisor';
  /** Condition on `projects` for every figure. */
  projects: SQL;
  /**
   * Condition on `stats_finding_cells.scope` when the pre-aggregated cells answer exactly this scope; null when
   * the request must read the base rows (a project filter, or a director's region filter).
   */
  findingCells: SQL | null;
}

const rangeOf = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** The scope of `user` under `filter`; 403 for roles without statistics (项目部, inspectors). */
export function statsScope(user: SessionUser, filter: StatsFilter): StatsScope {
  if (user.role !== 'enterprise' && user.role !== 'supervisor') {
    throw forbidden('统计分析仅对企业安全总监和安监站开放');
  }
  const readable = readableProjectsWhere(user);
  if (!readable) throw forbidden('账号未关联企业或地区');
  const regionFilter = filter.region ? regionPrefix(filter.region) : null;
  const projectFilter = filter.projectId
    ? or(eq(projects.id, filter.projectId), eq(projects.filingNumber, filter.projectId))
    : undefined;
  const where = and(readable, regionFilter ? regionUnder(regionFilter) : undefined, projectFilter)!;
  let findingCells: SQL | null = null;
  if (!filter.projectId) {
    if (user.role === 'enterprise' && !regionFilter) {
      findingCells = eq(statsFindingCells.scope, `e:${user.enterpriseId}`);
    } else if (user.role === 'supervisor') {
      const own = regionPrefix(user.regionCode)!;
      // The narrower of the supervisor's region and the filter (a filter outside the region matches nothing).
      const prefix = regionFilter && regionFilter.startsWith(own) ? regionFilter : own;
      findingCells =
        regionFilter && !regionFilter.startsWith(own) && !own.startsWith(regionFilter)
          ? sql`1 = 0`
          : and(
              gte(statsFindingCells.scope, `r:${prefix}`),
              lt(statsFindingCells.scope, `r:${rangeOf(prefix)}`),
            )!;
    }
  }
  return { role: user.role, projects: where, findingCells };
}
