/**
 * The per-project-month inspection figures of a scope, from the pre-aggregation (`stats_project_months`) or, for
 * the benchmark's baseline and for a single project, computed from the inspection rows in the same shape.
 *
 * @module
 */
import { and, eq, gte, lt, lte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { inspections, projects, statsProjectMonths } from '../db/schema/index.js';
import { monthRange, type StatsFilter } from './periods.js';
import { projectMonthColumns, SEALED } from './rollups.js';
import type { StatsScope } from './scope.js';

export type StatsSource = 'rollup' | 'base';

function baseProjectMonths(db: Db, scope: StatsScope, fromMonth: string, toMonth: string) {
  const range = monthRange(fromMonth, toMonth);
  const columns = projectMonthColumns();
  return db
    .select(columns)
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .where(
      and(SEALED, scope.projects, gte(inspections.date, range.from), lt(inspections.date, range.toExclusive)),
    )
    .groupBy(inspections.projectId, columns.month)
    .as('pm');
}

export type ProjectMonths = ReturnType<typeof baseProjectMonths>;

/** A subquery `pm` of (projectId, month, counts…) rows of the scope's projects in the months given. */
export function projectMonths(
  db: Db,
  scope: StatsScope,
  filter: Pick<StatsFilter, 'projectId'>,
  fromMonth: string,
  toMonth: string,
  source: StatsSource,
): ProjectMonths {
  if (source === 'base' || filter.projectId) return baseProjectMonths(db, scope, fromMonth, toMonth);
  const t = statsProjectMonths;
  return db
    .select({
      projectId: t.projectId,
      month: t.month,
      enterpriseCount: t.enterpriseCount,
      selfCount: t.selfCount,
      monthlyCount: t.monthlyCount,
      spotCount: t.spotCount,
      jgj59Count: t.jgj59Count,
      jgj59ScoreCenti: t.jgj59ScoreCenti,
      excellentCount: t.excellentCount,
      passCount: t.passCount,
      failCount: t.failCount,
      band0: t.band0,
      band1: t.band1,
      band2: t.band2,
      band3: t.band3,
      band4: t.band4,
      findingCount: t.findingCount,
    })
    .from(t)
    .innerJoin(projects, eq(projects.id, t.projectId))
    .where(and(scope.projects, gte(t.month, fromMonth), lte(t.month, toMonth)))
    .as('pm') as unknown as ProjectMonths;
}
