/**
 * Rewrites the rollup rows of some projects, and the scope cells (`r:<district>` / `e:<enterprise>`) of the months
 * they touch, in the scopes they belong to now and the ones they belonged to at the last refresh.
 *
 * @module
 */
import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  inspections,
  projects,
  statsFindingCells,
  statsProjectMonths,
  statsProjectScopes,
  statsProjectYears,
  statsScopeMonths,
} from '../db/schema/index.js';
import { snapshotOf, snapshotQuery } from './drift.js';
import { levelsOf, writeLevels } from './rollup-levels.js';
import { chunks, monthRange } from './periods.js';
import {
  ENTERPRISE_SCOPE,
  findingCellQuery,
  projectMonthQuery,
  projectYearQuery,
  REGION_SCOPE,
  scopeMonthQuery,
} from './rollup-queries.js';

const pm = statsProjectMonths;
type CellRow = Awaited<ReturnType<typeof findingCellQuery>>[number];

interface Owner {
  id: string;
  regionCode: string | null;
  enterpriseId: string | null;
}

/** Scope → months to recompute, for the projects' current and previous owners. */
async function scopesOf(db: Db, ids: string[], months: Map<string, Set<string>>, drifted: Set<string>) {
  const [now, before, stored] = await Promise.all([
    db
      .select({ id: projects.id, regionCode: projects.regionCode, enterpriseId: projects.enterpriseId })
      .from(projects)
      .where(inArray(projects.id, ids)),
    snapshotOf(db, ids),
    db
      .select({ id: pm.projectId, month: pm.month })
      .from(pm)
      .where(
        inArray(
          pm.projectId,
          ids.filter((id) => drifted.has(id)),
        ),
      ),
  ]);
  const monthsOf = new Map<string, Set<string>>();
  for (const id of ids) monthsOf.set(id, new Set(months.get(id) ?? []));
  // A project that moved takes every month it has with it, out of the old scopes and into the new ones.
  for (const row of stored) monthsOf.get(row.id)!.add(row.month);
  const scopes = new Map<string, Set<string>>();
  const owners: Owner[] = [...now, ...before.map((b) => ({ ...b, id: b.projectId }))];
  for (const owner of owners) {
    for (const scope of [
      owner.regionCode && `r:${owner.regionCode}`,
      owner.enterpriseId && `e:${owner.enterpriseId}`,
    ]) {
      if (!scope) continue;
      const set = scopes.get(scope) ?? new Set<string>();
      for (const m of monthsOf.get(owner.id) ?? []) set.add(m);
      scopes.set(scope, set);
    }
  }
  return scopes;
}

async function findingCellsOf(db: Db, scopes: Map<string, Set<string>>): Promise<CellRow[]> {
  const out: CellRow[] = [];
  for (const [scope, monthSet] of scopes) {
    if (monthSet.size === 0) continue;
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
    out.push(...rows);
  }
  return out;
}

function writeScopeMonths(tx: Db, scopes: Map<string, Set<string>>): void {
  for (const [scope, monthSet] of scopes) {
    if (monthSet.size === 0) continue;
    const monthList = [...monthSet];
    const isRegion = scope.startsWith('r:');
    const column = isRegion ? pm.regionCode : pm.enterpriseId;
    const expr = isRegion ? sql<string>`'r:' || ${pm.regionCode}` : sql<string>`'e:' || ${pm.enterpriseId}`;
    tx.delete(statsScopeMonths)
      .where(and(eq(statsScopeMonths.scope, scope), inArray(statsScopeMonths.month, monthList)))
      .run();
    tx.insert(statsScopeMonths)
      .select(
        scopeMonthQuery(tx, expr, and(eq(column, scope.slice(2)), inArray(pm.month, monthList))) as never,
      )
      .run();
  }
}

function deleteFindingCells(tx: Db, scopes: Map<string, Set<string>>): void {
  for (const [scope, monthSet] of scopes) {
    if (monthSet.size === 0) continue;
    tx.delete(statsFindingCells)
      .where(and(eq(statsFindingCells.scope, scope), inArray(statsFindingCells.month, [...monthSet])))
      .run();
  }
}

/** Recomputes the rows of `projectIds` (`months`: the months their changed inspections fall in). */
export async function rewriteProjects(
  db: Db,
  projectIds: string[],
  months: Map<string, Set<string>>,
  drifted: Set<string>,
): Promise<number> {
  let cellCount = 0;
  const allScopes = new Map<string, Set<string>>();
  for (const ids of chunks(projectIds, 400)) {
    const monthRows = await projectMonthQuery(db, inArray(inspections.projectId, ids));
    const scopes = await scopesOf(db, ids, months, drifted);
    const cellRows = await findingCellsOf(db, scopes);
    for (const [scope, set] of scopes) {
      allScopes.set(scope, new Set([...(allScopes.get(scope) ?? []), ...set]));
    }
    db.transaction((tx) => {
      const t = tx as unknown as Db;
      tx.delete(pm).where(inArray(pm.projectId, ids)).run();
      for (const part of chunks(monthRows, 500)) tx.insert(pm).values(part).run();
      tx.delete(statsProjectYears).where(inArray(statsProjectYears.projectId, ids)).run();
      tx.insert(statsProjectYears)
        .select(projectYearQuery(t, inArray(pm.projectId, ids)) as never)
        .run();
      deleteFindingCells(t, scopes);
      for (const part of chunks(cellRows, 500)) tx.insert(statsFindingCells).values(part).run();
      tx.delete(statsProjectScopes).where(inArray(statsProjectScopes.projectId, ids)).run();
      tx.insert(statsProjectScopes)
        .select(snapshotQuery(t, inArray(projects.id, ids)) as never)
        .run();
    });
    cellCount += cellRows.length;
  }
  // Last, from every rewritten project's rows: a scope's month sums projects that may sit in different chunks.
  db.transaction((tx) => {
    writeScopeMonths(tx as unknown as Db, allScopes);
    writeLevels(tx as unknown as Db, levelsOf(allScopes));
  });
  return cellCount;
}
