/**
 * The aggregations the statistics rollups are made of, as drizzle queries: per project and month from the
 * inspection rows, per scope and month from those, and finding cells from the findings. The rollup refresh
 * (`rollups.ts`) writes their results; the benchmark's baseline and the project filter run them directly.
 *
 * @module
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { inspectionFindings, inspections, projects, statsProjectMonths } from '../db/schema/index.js';

const num = (expr: SQL) => sql<number>`coalesce(${expr}, 0)`.mapWith(Number);
const countWhen = (cond: SQL) => num(sql`sum(case when ${cond} then 1 else 0 end)`);
export const MONTH = sql<string>`substr(${inspections.date}, 1, 7)`;
/** Only sealed, not deleted inspections count in any statistic. */
export const SEALED = and(eq(inspections.status, 'completed'), isNull(inspections.deletedAt))!;
const SCORED_JGJ59 = sql`${inspections.method} = 'jgj59' and ${inspections.total} is not null`;
const TOTAL = sql`cast(${inspections.total} as numeric)`;
const band = (lo: number | null, hi: number | null) =>
  countWhen(
    sql`${SCORED_JGJ59}${lo === null ? sql`` : sql` and ${TOTAL} >= ${lo}`}${hi === null ? sql`` : sql` and ${TOTAL} < ${hi}`}`,
  );

/** Aliased, so the columns can be read back from a subquery and inserted by position (INSERT … SELECT). */
function aliased<T extends Record<string, unknown>>(columns: T, keep: string[]): T {
  return Object.fromEntries(
    Object.entries(columns).map(([key, value]) => [
      key,
      keep.includes(key) ? value : (value as SQL<number>).as(key),
    ]),
  ) as T;
}

/**
 * Per-project-month figures of the inspections joined with `projects` (one row per project and month), in the
 * column order of `stats_project_months`.
 */
export function projectMonthColumns() {
  return aliased(
    {
      projectId: inspections.projectId,
      month: MONTH,
      regionCode: projects.regionCode,
      enterpriseId: projects.enterpriseId,
      creditCode: projects.constructorCreditCode,
      status: projects.status as unknown as SQL<string>,
      enterpriseCount: countWhen(sql`${inspections.origin} = 'enterprise'`),
      selfCount: countWhen(sql`${inspections.origin} = 'self'`),
      monthlyCount: countWhen(sql`${inspections.origin} = 'monthly'`),
      spotCount: countWhen(sql`${inspections.origin} = 'spot'`),
      jgj59Count: countWhen(SCORED_JGJ59),
      jgj59ScoreCenti: num(
        sql`sum(case when ${SCORED_JGJ59} then cast(round(${TOTAL} * 100) as integer) else 0 end)`,
      ),
      excellentCount: countWhen(sql`${SCORED_JGJ59} and ${inspections.grade} = '优良'`),
      passCount: countWhen(sql`${SCORED_JGJ59} and ${inspections.grade} = '合格'`),
      failCount: countWhen(sql`${SCORED_JGJ59} and ${inspections.grade} = '不合格'`),
      band0: band(null, 60),
      band1: band(60, 70),
      band2: band(70, 80),
      band3: band(80, 90),
      band4: band(90, null),
      findingCount: num(sql`sum(${inspections.findingCount})`),
    },
    ['projectId', 'regionCode', 'enterpriseId', 'creditCode', 'status'],
  );
}

/** The grouping of {@link projectMonthColumns} (every plain column, as PostgreSQL requires). */
export const PROJECT_MONTH_GROUP = [
  inspections.projectId,
  MONTH,
  projects.regionCode,
  projects.enterpriseId,
  projects.constructorCreditCode,
  projects.status,
] as const;

/** Per-project-month rows of the sealed inspections matching `where`. */
export function projectMonthQuery(db: Db, where: SQL | undefined) {
  return db
    .select(projectMonthColumns())
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .where(and(SEALED, where))
    .groupBy(...PROJECT_MONTH_GROUP);
}

const pm = statsProjectMonths;
const total = (expr: unknown) => num(sql`sum(${expr})`);

/** `stats_scope_months` rows summed from `stats_project_months` rows matching `where`, scope given by `scopeExpr`. */
export function scopeMonthQuery(db: Db, scopeExpr: SQL<string>, where: SQL | undefined) {
  return db
    .select({
      scope: scopeExpr.as('scope'),
      month: pm.month,
      status: pm.status,
      enterpriseCount: total(pm.enterpriseCount).as('enterprise_count'),
      selfCount: total(pm.selfCount).as('self_count'),
      monthlyCount: total(pm.monthlyCount).as('monthly_count'),
      spotCount: total(pm.spotCount).as('spot_count'),
      jgj59Count: total(pm.jgj59Count).as('jgj59_count'),
      jgj59ScoreCenti: total(pm.jgj59ScoreCenti).as('jgj59_score_centi'),
      excellentCount: total(pm.excellentCount).as('excellent_count'),
      passCount: total(pm.passCount).as('pass_count'),
      failCount: total(pm.failCount).as('fail_count'),
      band0: total(pm.band0).as('band_0'),
      band1: total(pm.band1).as('band_1'),
      band2: total(pm.band2).as('band_2'),
      band3: total(pm.band3).as('band_3'),
      band4: total(pm.band4).as('band_4'),
      findingCount: total(pm.findingCount).as('finding_count'),
      monthlyProjects: countWhen(sql`${pm.monthlyCount} > 0`).as('monthly_projects'),
    })
    .from(pm)
    .where(where)
    .groupBy(scopeExpr, pm.month, pm.status);
}

/** Enterprise inspections and JGJ59 figures per project and year, from `stats_project_months` rows matching `where`. */
export function projectYearQuery(db: Db, where: SQL | undefined) {
  const year = sql<string>`substr(${pm.month}, 1, 4)`;
  return db
    .select({
      projectId: pm.projectId,
      year: year.as('year'),
      enterpriseCount: total(pm.enterpriseCount).as('enterprise_count'),
      jgj59Count: total(pm.jgj59Count).as('jgj59_count'),
      jgj59ScoreCenti: total(pm.jgj59ScoreCenti).as('jgj59_score_centi'),
    })
    .from(pm)
    .where(where)
    .groupBy(pm.projectId, year);
}

/** `<table>|<item>` for sheet findings, the term id for inspection terms (see `statsFindingCells.item`). */
export const FINDING_ITEM = sql<string>`case when ${inspectionFindings.kind} = 'term' then coalesce(${inspectionFindings.termId}, '') else coalesce(${inspectionFindings.tableId}, '') || '|' || coalesce(${inspectionFindings.itemId}, '') end`;

/** Findings of the sealed inspections matching `where`, grouped by `scopeExpr`, month, kind, item and level. */
export function findingCellQuery(db: Db, scopeExpr: SQL<string>, where: SQL | undefined) {
  return db
    .select({
      scope: scopeExpr.as('scope'),
      month: MONTH.as('month'),
      kind: inspectionFindings.kind,
      item: FINDING_ITEM.as('item'),
      hazardLevel: sql<string>`coalesce(${inspectionFindings.hazardLevel}, '')`.as('hazard_level'),
      count: num(sql`count(*)`).as('count'),
      pointsCenti: num(
        sql`cast(round(sum(cast(${inspectionFindings.points} as numeric)) * 100) as integer)`,
      ).as('points_centi'),
    })
    .from(inspectionFindings)
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .where(and(SEALED, where))
    .groupBy(scopeExpr, MONTH, inspectionFindings.kind, FINDING_ITEM, inspectionFindings.hazardLevel);
}

export const REGION_SCOPE = sql<string>`'r:' || ${projects.regionCode}`;
export const ENTERPRISE_SCOPE = sql<string>`'e:' || ${projects.enterpriseId}`;
