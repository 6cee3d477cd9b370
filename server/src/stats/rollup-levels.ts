/**
 * City and province cells (`p:<prefix>`, prefix of 4 or 2 digits) summed from the district cells (`r:<code>`), so a
 * city or province-wide supervisor reads one scope's cells instead of a hundred districts'.
 *
 * @module
 */
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { statsFindingCells, statsScopeMonths } from '../db/schema/index.js';

/** Prefix lengths that get their own cells: province (2) and city (4). */
export const LEVELS = [2, 4] as const;
const nextPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

const f = statsFindingCells;
const m = statsScopeMonths;
const sum = (expr: unknown) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);

const findingSums = (scope: SQL<string>) => ({
  scope: scope.as('scope'),
  month: f.month,
  kind: f.kind,
  item: f.item,
  hazardLevel: f.hazardLevel,
  count: sum(f.count).as('count'),
  pointsCenti: sum(f.pointsCenti).as('points_centi'),
});

const monthSums = (scope: SQL<string>) => ({
  scope: scope.as('scope'),
  month: m.month,
  status: m.status,
  enterpriseCount: sum(m.enterpriseCount).as('enterprise_count'),
  selfCount: sum(m.selfCount).as('self_count'),
  monthlyCount: sum(m.monthlyCount).as('monthly_count'),
  spotCount: sum(m.spotCount).as('spot_count'),
  jgj59Count: sum(m.jgj59Count).as('jgj59_count'),
  jgj59ScoreCenti: sum(m.jgj59ScoreCenti).as('jgj59_score_centi'),
  excellentCount: sum(m.excellentCount).as('excellent_count'),
  passCount: sum(m.passCount).as('pass_count'),
  failCount: sum(m.failCount).as('fail_count'),
  band0: sum(m.band0).as('band_0'),
  band1: sum(m.band1).as('band_1'),
  band2: sum(m.band2).as('band_2'),
  band3: sum(m.band3).as('band_3'),
  band4: sum(m.band4).as('band_4'),
  findingCount: sum(m.findingCount).as('finding_count'),
  monthlyProjects: sum(m.monthlyProjects).as('monthly_projects'),
});

const districts = (column: typeof f.scope | typeof m.scope, prefix = '') =>
  and(gte(column, `r:${prefix}`), lt(column, prefix ? `r:${nextPrefix(prefix)}` : 'r;'))!;

/** Every level cell from the district cells (a full rebuild). */
export function rebuildLevels(tx: Db): void {
  for (const length of LEVELS) {
    const finding = sql<string>`'p:' || substr(${f.scope}, 3, ${sql.raw(String(length))})`;
    tx.insert(f)
      .select(
        tx
          .select(findingSums(finding))
          .from(f)
          .where(districts(f.scope))
          .groupBy(finding, f.month, f.kind, f.item, f.hazardLevel) as never,
      )
      .run();
    const month = sql<string>`'p:' || substr(${m.scope}, 3, ${sql.raw(String(length))})`;
    tx.insert(m)
      .select(
        tx
          .select(monthSums(month))
          .from(m)
          .where(districts(m.scope))
          .groupBy(month, m.month, m.status) as never,
      )
      .run();
  }
}

/** The level scopes (`p:<prefix>` → months) above the district scopes among `scopes`. */
export function levelsOf(scopes: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [scope, months] of scopes) {
    if (!scope.startsWith('r:')) continue;
    for (const length of LEVELS) {
      const level = `p:${scope.slice(2, 2 + length)}`;
      out.set(level, new Set([...(out.get(level) ?? []), ...months]));
    }
  }
  return out;
}

/** Recomputes the level cells of `levels` (after their districts' cells were rewritten). */
export function writeLevels(tx: Db, levels: Map<string, Set<string>>): void {
  for (const [level, monthSet] of levels) {
    if (monthSet.size === 0) continue;
    const months = [...monthSet];
    const prefix = level.slice(2);
    const literal = sql<string>`${level}`;
    tx.delete(f)
      .where(and(eq(f.scope, level), inArray(f.month, months)))
      .run();
    tx.insert(f)
      .select(
        tx
          .select(findingSums(literal))
          .from(f)
          .where(and(districts(f.scope, prefix), inArray(f.month, months)))
          .groupBy(f.month, f.kind, f.item, f.hazardLevel) as never,
      )
      .run();
    tx.delete(m)
      .where(and(eq(m.scope, level), inArray(m.month, months)))
      .run();
    tx.insert(m)
      .select(
        tx
          .select(monthSums(literal))
          .from(m)
          .where(and(districts(m.scope, prefix), inArray(m.month, months)))
          .groupBy(m.month, m.status) as never,
      )
      .run();
  }
}
