/**
 * The inspection figures of a scope per month, and each in-construction project's enterprise inspections this
 * year: from the pre-aggregation (`stats_scope_months`, `stats_project_years`, `stats_project_months`) or, for the
 * benchmark's baseline and for a single project, computed from the inspection rows in the same shape.
 *
 * @module
 */
import { and, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  inspections,
  projects,
  statsProjectMonths,
  statsProjectYears,
  statsScopeMonths,
} from '../db/schema/index.js';
import { monthRange, type StatsFilter } from './periods.js';
import { PROJECT_MONTH_GROUP, projectMonthColumns, SEALED } from './rollup-queries.js';
import { cellMonthsWhere, type StatsScope } from './scope.js';

export type StatsSource = 'rollup' | 'base';

function baseProjectMonths(db: Db, scope: StatsScope, fromMonth: string, toMonth: string) {
  const range = monthRange(fromMonth, toMonth);
  return db
    .select(projectMonthColumns())
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .where(
      and(SEALED, scope.projects, gte(inspections.date, range.from), lt(inspections.date, range.toExclusive)),
    )
    .groupBy(...PROJECT_MONTH_GROUP)
    .as('pm');
}

export type ProjectMonths = ReturnType<typeof baseProjectMonths>;

/** A subquery `pm` of (projectId, month, owner, counts…) rows of the scope's projects in the months given. */
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
      regionCode: t.regionCode,
      enterpriseId: t.enterpriseId,
      creditCode: t.creditCode,
      status: t.status,
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

const total = (expr: unknown) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);

type Counted = Pick<
  typeof statsScopeMonths,
  | 'month'
  | 'status'
  | 'enterpriseCount'
  | 'selfCount'
  | 'monthlyCount'
  | 'spotCount'
  | 'findingCount'
  | 'jgj59Count'
  | 'jgj59ScoreCenti'
  | 'excellentCount'
  | 'passCount'
  | 'failCount'
  | 'band0'
  | 'band1'
  | 'band2'
  | 'band3'
  | 'band4'
>;

const monthColumns = (t: Counted, monthlyDone: ReturnType<typeof total>) => ({
  month: sql<string>`${t.month}`,
  enterprise: total(t.enterpriseCount),
  self: total(t.selfCount),
  monthly: total(t.monthlyCount),
  spot: total(t.spotCount),
  findings: total(t.findingCount),
  jgj59Count: total(t.jgj59Count),
  centi: total(t.jgj59ScoreCenti),
  excellent: total(t.excellentCount),
  pass: total(t.passCount),
  fail: total(t.failCount),
  b0: total(t.band0),
  b1: total(t.band1),
  b2: total(t.band2),
  b3: total(t.band3),
  b4: total(t.band4),
  /** In-construction projects with a sealed 标准化月评 that month. */
  monthlyDone,
});

export type MonthFigures = Awaited<ReturnType<typeof monthFigures>>[number];

/** The scope's inspection figures per month of the period (months without inspections absent). */
export async function monthFigures(db: Db, scope: StatsScope, filter: StatsFilter, source: StatsSource) {
  if (source === 'rollup' && scope.cells) {
    const c = statsScopeMonths;
    const done = total(sql`case when ${c.status} = 'in_construction' then ${c.monthlyProjects} else 0 end`);
    return db
      .select(monthColumns(c, done))
      .from(c)
      .where(cellMonthsWhere(c, scope.cells, filter))
      .groupBy(c.month);
  }
  const pm = projectMonths(db, scope, filter, filter.fromMonth, filter.toMonth, source);
  const done = total(
    sql`case when ${pm.status} = 'in_construction' and ${pm.monthlyCount} > 0 then 1 else 0 end`,
  );
  return db
    .select(monthColumns(pm as unknown as Counted, done))
    .from(pm)
    .groupBy(pm.month);
}

/**
 * The scope's in-construction projects, each with its enterprise inspections in `year` (`done`): only what the pace
 * rule and the ranking read, since a province has some ten thousand of them (names are read for the rows shown).
 */
export async function inConstructionWithDone(
  db: Db,
  scope: StatsScope,
  filter: StatsFilter,
  year: string,
  source: StatsSource,
) {
  const fields = {
    id: projects.id,
    filingNumber: projects.filingNumber,
    creditCode: projects.constructorCreditCode,
    startDate: projects.startDate,
    completionFilingDate: projects.completionFilingDate,
    required: projects.requiredInspectionsPerYear,
  };
  const where = and(scope.projects, eq(projects.status, 'in_construction'));
  if (source === 'rollup') {
    const y = statsProjectYears;
    return db
      .select({ ...fields, done: sql<number>`coalesce(${y.enterpriseCount}, 0)`.mapWith(Number) })
      .from(projects)
      .leftJoin(y, and(eq(y.projectId, projects.id), eq(y.year, year)))
      .where(where);
  }
  const pm = projectMonths(db, scope, filter, `${year}-01`, `${year}-12`, source);
  const [list, doneRows] = await Promise.all([
    db.select(fields).from(projects).where(where),
    db
      .select({ projectId: pm.projectId, done: total(pm.enterpriseCount) })
      .from(pm)
      .groupBy(pm.projectId),
  ]);
  const done = new Map(doneRows.map((r) => [r.projectId, r.done]));
  return list.map((p) => ({ ...p, done: done.get(p.id) ?? 0 }));
}
