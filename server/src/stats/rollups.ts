/**
 * Keeps the statistics pre-aggregation (`stats_project_months`, `stats_finding_cells`) in step with the materialized
 * inspection rows: each refresh finds the inspections materialized or deleted since its watermark (indexed), and
 * recomputes only the cells they touch, from the base rows. The first refresh of a database builds everything.
 *
 * @module
 */
import { and, eq, gt, gte, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  inspectionFindings,
  inspections,
  projects,
  statsFindingCells,
  statsProjectMonths,
  statsRollupState,
} from '../db/schema/index.js';
import { chunks, monthRange } from './periods.js';

const num = (expr: SQL) => sql<number>`coalesce(${expr}, 0)`.mapWith(Number);
const countWhen = (cond: SQL) => num(sql`sum(case when ${cond} then 1 else 0 end)`);
const MONTH = sql<string>`substr(${inspections.date}, 1, 7)`;
/** Only sealed, not deleted inspections count in any statistic. */
export const SEALED = and(eq(inspections.status, 'completed'), isNull(inspections.deletedAt))!;
const SCORED_JGJ59 = sql`${inspections.method} = 'jgj59' and ${inspections.total} is not null`;
const TOTAL = sql`cast(${inspections.total} as numeric)`;
const band = (lo: number | null, hi: number | null) =>
  countWhen(
    sql`${SCORED_JGJ59}${lo === null ? sql`` : sql` and ${TOTAL} >= ${lo}`}${hi === null ? sql`` : sql` and ${TOTAL} < ${hi}`}`,
  );

/** The per-project-month figures of the inspections matching `where` (one row per project and month). */
export function projectMonthColumns() {
  const columns = {
    projectId: inspections.projectId,
    month: MONTH,
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
  };
  // Aliased, so the columns can be read back from a subquery (`project-months.ts`).
  return {
    ...columns,
    month: MONTH.as('month'),
    ...Object.fromEntries(
      Object.entries(columns)
        .filter(([key]) => key !== 'projectId' && key !== 'month')
        .map(([key, value]) => [key, (value as SQL<number>).as(key)]),
    ),
  } as unknown as typeof columns;
}

export type ProjectMonthRow = typeof statsProjectMonths.$inferSelect;

async function aggregateProjectMonths(db: Db, where: SQL): Promise<ProjectMonthRow[]> {
  return db
    .select(projectMonthColumns())
    .from(inspections)
    .where(and(SEALED, where))
    .groupBy(inspections.projectId, MONTH);
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

const REGION_SCOPE = sql<string>`'r:' || ${projects.regionCode}`;
const ENTERPRISE_SCOPE = sql<string>`'e:' || ${projects.enterpriseId}`;

type CellRow = Awaited<ReturnType<typeof findingCellQuery>>[number];
const toCell = (r: CellRow) => ({
  scope: r.scope,
  month: r.month,
  kind: r.kind,
  item: r.item,
  hazardLevel: r.hazardLevel,
  count: r.count,
  pointsCenti: r.pointsCenti,
});

async function readWatermarks(db: Db): Promise<{ materialized: number; deleted: number }> {
  const rows = await db.select().from(statsRollupState);
  const of = (name: string) => rows.find((r) => r.name === name)?.watermark ?? -1;
  return { materialized: of('materialized'), deleted: of('deleted') };
}

function writeWatermarks(tx: Db, materialized: number, deleted: number): void {
  for (const [name, watermark] of [
    ['materialized', materialized],
    ['deleted', deleted],
  ] as const) {
    tx.insert(statsRollupState)
      .values({ name, watermark })
      .onConflictDoUpdate({ target: statsRollupState.name, set: { watermark } })
      .run();
  }
}

export interface RefreshReport {
  full: boolean;
  projects: number;
  cells: number;
}

/**
 * Brings the rollups up to date with the materialized rows (those stamped after the watermark: a row stamped in the
 * very millisecond of the newest one already rolled up, but written after this read, waits for its next change). Cheap when nothing changed (two indexed lookups);
 * statistics call it before every read, so the figures are never older than the rows.
 */
export async function refreshStatsRollups(db: Db): Promise<RefreshReport> {
  const marks = await readWatermarks(db);
  if (marks.materialized < 0) return rebuildStatsRollups(db);
  const changed = await db
    .select({ projectId: inspections.projectId, date: inspections.date, at: inspections.materializedAt })
    .from(inspections)
    .where(gt(inspections.materializedAt, new Date(marks.materialized)));
  const deleted = await db
    .select({ projectId: inspections.projectId, date: inspections.date, at: inspections.deletedAt })
    .from(inspections)
    .where(and(isNotNull(inspections.deletedAt), gt(inspections.deletedAt, new Date(marks.deleted))));
  const materializedMark = changed.reduce((m, r) => Math.max(m, r.at.getTime()), marks.materialized);
  const deletedMark = deleted.reduce((m, r) => Math.max(m, r.at!.getTime()), marks.deleted);
  const touched = [...changed, ...deleted];
  const projectIds = [...new Set(touched.map((r) => r.projectId))];
  const months = new Map<string, Set<string>>();
  for (const r of touched) {
    const set = months.get(r.projectId) ?? new Set<string>();
    set.add(r.date.slice(0, 7));
    months.set(r.projectId, set);
  }
  const cells = await refreshProjects(db, projectIds, months);
  db.transaction((tx) => writeWatermarks(tx as unknown as Db, materializedMark, deletedMark));
  return { full: false, projects: projectIds.length, cells };
}

async function refreshProjects(db: Db, projectIds: string[], months: Map<string, Set<string>>) {
  let cellCount = 0;
  for (const ids of chunks(projectIds, 400)) {
    const monthRows = await aggregateProjectMonths(db, inArray(inspections.projectId, ids));
    const owners = await db
      .select({ id: projects.id, regionCode: projects.regionCode, enterpriseId: projects.enterpriseId })
      .from(projects)
      .where(inArray(projects.id, ids));
    const scopes = new Map<string, Set<string>>();
    for (const owner of owners) {
      for (const scope of [
        owner.regionCode && `r:${owner.regionCode}`,
        owner.enterpriseId && `e:${owner.enterpriseId}`,
      ]) {
        if (!scope) continue;
        const set = scopes.get(scope) ?? new Set<string>();
        for (const m of months.get(owner.id) ?? []) set.add(m);
        scopes.set(scope, set);
      }
    }
    const cellRows: ReturnType<typeof toCell>[] = [];
    for (const [scope, monthSet] of scopes) {
      const isRegion = scope.startsWith('r:');
      const column = isRegion ? projects.regionCode : projects.enterpriseId;
      const ranges = [...monthSet].map((m) => {
        const r = monthRange(m, m);
        return and(gte(inspections.date, r.from), sql`${inspections.date} < ${r.toExclusive}`)!;
      });
      const rows = await findingCellQuery(
        db,
        isRegion ? REGION_SCOPE : ENTERPRISE_SCOPE,
        and(eq(column, scope.slice(2)), or(...ranges)),
      );
      cellRows.push(...rows.map(toCell));
    }
    db.transaction((tx) => {
      tx.delete(statsProjectMonths).where(inArray(statsProjectMonths.projectId, ids)).run();
      for (const part of chunks(monthRows, 500)) tx.insert(statsProjectMonths).values(part).run();
      for (const [scope, monthSet] of scopes) {
        tx.delete(statsFindingCells)
          .where(and(eq(statsFindingCells.scope, scope), inArray(statsFindingCells.month, [...monthSet])))
          .run();
      }
      for (const part of chunks(cellRows, 500)) tx.insert(statsFindingCells).values(part).run();
    });
    cellCount += cellRows.length;
  }
  return cellCount;
}

/** Recomputes every rollup from the base rows (first refresh, or after the tables were emptied). */
export async function rebuildStatsRollups(db: Db): Promise<RefreshReport> {
  const [marks] = await db
    .select({
      materialized: sql<number>`max(${inspections.materializedAt})`.mapWith(Number),
      deleted: sql<number>`max(${inspections.deletedAt})`.mapWith(Number),
    })
    .from(inspections);
  // INSERT … SELECT: millions of findings are summed inside the database, not shipped through JavaScript.
  db.transaction((tx) => {
    tx.delete(statsProjectMonths).run();
    tx.delete(statsFindingCells).run();
    tx.insert(statsProjectMonths)
      .select(
        tx
          .select(projectMonthColumns())
          .from(inspections)
          .where(SEALED)
          .groupBy(inspections.projectId, MONTH) as never,
      )
      .run();
    for (const [scope, column] of [
      [REGION_SCOPE, projects.regionCode],
      [ENTERPRISE_SCOPE, projects.enterpriseId],
    ] as const) {
      tx.insert(statsFindingCells)
        .select(findingCellQuery(tx as unknown as Db, scope, isNotNull(column)) as never)
        .run();
    }
    writeWatermarks(tx as unknown as Db, marks?.materialized || 0, marks?.deleted || 0);
  });
  const [counted] = await db
    .select({
      projects: sql<number>`count(distinct ${statsProjectMonths.projectId})`.mapWith(Number),
    })
    .from(statsProjectMonths);
  const [cells] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(statsFindingCells);
  return { full: true, projects: counted?.projects ?? 0, cells: cells?.n ?? 0 };
}
