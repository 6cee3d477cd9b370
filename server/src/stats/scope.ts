/**
 * Whose figures a statistics request covers: a director (enterprise account) sees its own enterprise, a supervisor
 * its own region across enterprises; the request's region and project filters narrow that, never widen it.
 *
 * @module
 */
import { and, eq, gte, lt, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions.js';
import { projects } from '../db/schema/index.js';
import { forbidden } from '../http/errors.js';
import { readableProjectsWhere, regionUnder } from '../projects/queries.js';
import { regionPrefix } from '../projects/regions.js';
import type { StatsFilter } from './periods.js';
import { LEVELS } from './rollup-levels.js';

/** An enterprise, or the region codes in [from, to) (a prefix range); `none` matches nothing. */
export type CellScope =
  { kind: 'enterprise'; id: string } | { kind: 'region'; from: string; to: string } | { kind: 'none' };

export interface StatsScope {
  role: 'enterprise' | 'supervisor';
  /** Condition on `projects` for every figure. */
  projects: SQL;
  /** The user's whole own scope (its enterprise or region), whatever the filters. */
  owner: CellScope;
  /**
   * What the pre-aggregated scope cells (`r:<district>` / `e:<enterprise>`) answer exactly for this request; null
   * when the request must read the base rows (a project filter, or a director's region filter).
   */
  cells: CellScope | null;
}

/** `column` (a `scope` column holding `r:<district>` / `e:<enterprise>`) inside `cells`. */
export function cellScopeWhere(column: SQLWrapper, cells: CellScope): SQL {
  if (cells.kind === 'none') return sql`1 = 0`;
  if (cells.kind === 'enterprise') return eq(column, `e:${cells.id}`);
  // A province or city has its own cells, summed from its districts' (`rollup-levels.ts`).
  if (LEVELS.includes(cells.from.length as 2 | 4)) return eq(column, `p:${cells.from}`);
  return and(gte(column, `r:${cells.from}`), lt(column, `r:${cells.to}`))!;
}

/** Rows of a rollup table (its `scope` and `month` columns) in `cells` and the months from `fromMonth` to `toMonth`. */
export function cellMonthsWhere(
  t: { scope: SQLWrapper; month: SQLWrapper },
  cells: CellScope,
  months: Pick<StatsFilter, 'fromMonth' | 'toMonth'>,
): SQL {
  return and(cellScopeWhere(t.scope, cells), gte(t.month, months.fromMonth), lte(t.month, months.toMonth))!;
}

/** A row's own region and enterprise columns inside `cells`. */
export function ownerWhere(region: SQLWrapper, enterprise: SQLWrapper, cells: CellScope): SQL {
  if (cells.kind === 'none') return sql`1 = 0`;
  if (cells.kind === 'enterprise') return eq(enterprise, cells.id);
  return and(gte(region, cells.from), lt(region, cells.to))!;
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
  const own = user.role === 'supervisor' ? regionPrefix(user.regionCode)! : null;
  const owner: CellScope = own
    ? { kind: 'region', from: own, to: rangeOf(own) }
    : { kind: 'enterprise', id: user.enterpriseId! };
  let cells: CellScope | null = null;
  if (!filter.projectId) {
    if (user.role === 'enterprise' && !regionFilter) cells = owner;
    else if (own) {
      // The narrower of the supervisor's region and the filter (a filter outside the region matches nothing).
      const prefix = regionFilter && regionFilter.startsWith(own) ? regionFilter : own;
      cells =
        regionFilter && !regionFilter.startsWith(own) && !own.startsWith(regionFilter)
          ? { kind: 'none' }
          : { kind: 'region', from: prefix, to: rangeOf(prefix) };
    }
  }
  return { role: user.role, projects: where, owner, cells };
}
