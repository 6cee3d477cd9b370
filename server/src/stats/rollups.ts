/**
 * Keeps the statistics pre-aggregation (`stats_project_months`, `stats_scope_months`, `stats_project_years`,
 * `stats_finding_cells`) in step with the materialized inspection rows and the project registry: each refresh finds
 * the inspections materialized or deleted since its watermark (indexed) and the projects whose region, enterprise,
 * 施工单位 or status changed (`drift.ts`), and recomputes only the cells they touch, from the base rows. The first
 * refresh of a database builds everything.
 *
 * @module
 */
import { and, gt, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  inspections,
  projects,
  statsFindingCells,
  statsProjectMonths,
  statsProjectScopes,
  statsProjectYears,
  statsRollupState,
  statsScopeMonths,
} from '../db/schema/index.js';
import { driftedProjects, snapshotQuery } from './drift.js';
import { rebuildLevels } from './rollup-levels.js';
import { rewriteProjects } from './rollup-rewrite.js';
import {
  ENTERPRISE_SCOPE,
  findingCellQuery,
  projectMonthQuery,
  projectYearQuery,
  REGION_SCOPE,
  scopeMonthQuery,
} from './rollup-queries.js';
import type { CellScope } from './scope.js';

export { SEALED } from './rollup-queries.js';
export type ProjectMonthRow = typeof statsProjectMonths.$inferSelect;

/**
 * The layout of the rollup rows: a database whose rows were written in another layout (columns added since) is
 * rebuilt on its next refresh rather than read with those columns at their defaults.
 */
export const ROLLUP_FORMAT = 2;

async function readWatermarks(db: Db): Promise<{ materialized: number; deleted: number; format: number }> {
  const rows = await db.select().from(statsRollupState);
  const of = (name: string) => rows.find((r) => r.name === name)?.watermark ?? -1;
  return { materialized: of('materialized'), deleted: of('deleted'), format: of('format') };
}

export function writeWatermarks(tx: Db, materialized: number, deleted: number): void {
  for (const [name, watermark] of [
    ['materialized', materialized],
    ['deleted', deleted],
    ['format', ROLLUP_FORMAT],
  ] as const) {
    tx.insert(statsRollupState)
      .values({ name, watermark })
      .onConflictDoUpdate({ target: statsRollupState.name, set: { watermark } })
      .run();
  }
}

/** Projects but no registry snapshot: rollups written before the snapshot existed, not to be trusted. */
async function lacksSnapshot(db: Db): Promise<boolean> {
  const [snapshot] = await db.select({ id: statsProjectScopes.projectId }).from(statsProjectScopes).limit(1);
  if (snapshot) return false;
  const [project] = await db.select({ id: projects.id }).from(projects).limit(1);
  return project !== undefined;
}

export interface RefreshReport {
  full: boolean;
  projects: number;
  cells: number;
}

/**
 * Brings the rollups up to date with the materialized rows (those stamped after the watermark: a row stamped in the
 * very millisecond of the newest one already rolled up, but written after this read, waits for its next change)
 * and with the registry. Registry changes are looked for among the projects of `owner` (a viewer's enterprise or
 * region, whose figures are about to be read: a project that left or joined it is found there) or, without it,
 * among all projects. Cheap when nothing changed (indexed lookups); statistics call it before every read of the
 * rollups, so the figures are never older than the rows.
 */
export async function refreshStatsRollups(db: Db, owner?: CellScope): Promise<RefreshReport> {
  const marks = await readWatermarks(db);
  if (marks.materialized < 0 || marks.format !== ROLLUP_FORMAT || (await lacksSnapshot(db))) {
    return rebuildStatsRollups(db);
  }
  const changed = await db
    .select({ projectId: inspections.projectId, date: inspections.date, at: inspections.materializedAt })
    .from(inspections)
    .where(gt(inspections.materializedAt, new Date(marks.materialized)));
  const deleted = await db
    .select({ projectId: inspections.projectId, date: inspections.date, at: inspections.deletedAt })
    .from(inspections)
    .where(and(isNotNull(inspections.deletedAt), gt(inspections.deletedAt, new Date(marks.deleted))));
  const drifted = await driftedProjects(db, owner);
  if (changed.length === 0 && deleted.length === 0 && drifted.length === 0) {
    return { full: false, projects: 0, cells: 0 };
  }
  const materializedMark = changed.reduce((m, r) => Math.max(m, r.at.getTime()), marks.materialized);
  const deletedMark = deleted.reduce((m, r) => Math.max(m, r.at!.getTime()), marks.deleted);
  const months = new Map<string, Set<string>>();
  const touch = (projectId: string, month: string) => {
    const set = months.get(projectId) ?? new Set<string>();
    set.add(month);
    months.set(projectId, set);
  };
  for (const r of [...changed, ...deleted]) touch(r.projectId, r.date.slice(0, 7));
  for (const id of drifted) if (!months.has(id)) months.set(id, new Set());
  const cells = await rewriteProjects(db, [...months.keys()], months, new Set(drifted));
  db.transaction((tx) => writeWatermarks(tx as unknown as Db, materializedMark, deletedMark));
  return { full: false, projects: months.size, cells };
}

/**
 * At start-up, before the server answers: rollups written in an older layout are rebuilt now, so that the first
 * statistics request after an upgrade does not carry the rebuild (a minute at province scale). A database without
 * rollups is left to its first refresh.
 */
export async function upgradeStatsRollups(db: Db): Promise<RefreshReport | null> {
  const marks = await readWatermarks(db);
  if (marks.materialized < 0 || marks.format === ROLLUP_FORMAT) return null;
  return rebuildStatsRollups(db);
}

/** Recomputes every rollup from the base rows (first refresh, or after the tables were emptied). */
export async function rebuildStatsRollups(db: Db): Promise<RefreshReport> {
  const [marks] = await db
    .select({
      materialized: sql<number>`max(${inspections.materializedAt})`.mapWith(Number),
      deleted: sql<number>`max(${inspections.deletedAt})`.mapWith(Number),
    })
    .from(inspections);
  const pm = statsProjectMonths;
  // INSERT … SELECT: millions of findings are summed inside the database, not shipped through JavaScript.
  db.transaction((tx) => {
    const t = tx as unknown as Db;
    for (const table of [pm, statsScopeMonths, statsProjectYears, statsFindingCells, statsProjectScopes]) {
      tx.delete(table).run();
    }
    tx.insert(pm)
      .select(projectMonthQuery(t, undefined) as never)
      .run();
    tx.insert(statsScopeMonths)
      .select(scopeMonthQuery(t, sql<string>`'r:' || ${pm.regionCode}`, isNotNull(pm.regionCode)) as never)
      .run();
    tx.insert(statsScopeMonths)
      .select(
        scopeMonthQuery(t, sql<string>`'e:' || ${pm.enterpriseId}`, isNotNull(pm.enterpriseId)) as never,
      )
      .run();
    tx.insert(statsProjectYears)
      .select(projectYearQuery(t, undefined) as never)
      .run();
    for (const [scope, column] of [
      [REGION_SCOPE, projects.regionCode],
      [ENTERPRISE_SCOPE, projects.enterpriseId],
    ] as const) {
      tx.insert(statsFindingCells)
        .select(findingCellQuery(t, scope, isNotNull(column)) as never)
        .run();
    }
    rebuildLevels(t);
    tx.insert(statsProjectScopes)
      .select(snapshotQuery(t, undefined) as never)
      .run();
    writeWatermarks(t, marks?.materialized || 0, marks?.deleted || 0);
  });
  const [counted] = await db
    .select({ projects: sql<number>`count(distinct ${pm.projectId})`.mapWith(Number) })
    .from(pm);
  const [cells] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(statsFindingCells);
  return { full: true, projects: counted?.projects ?? 0, cells: cells?.n ?? 0 };
}
