/**
 * Top hazard categories (JGJ59/dust 分项检查评分表, and the term tree's categories for 检查用语 inspections) and the
 * most frequent deduction items, from the finding cells or, for a project or a director's region, the base rows.
 *
 * @module
 */
import { and, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { inspections, statsFindingCells } from '../db/schema/index.js';
import { catalogLabels, TERM_TREE_NOTE } from './catalog-labels.js';
import { monthRange, type StatsFilter } from './periods.js';
import type { StatsSource } from './project-months.js';
import { findingCellQuery } from './rollup-queries.js';
import { cellMonthsWhere, type StatsScope } from './scope.js';
import { drill, number, text, type StatsTable } from './tables.js';

export interface FindingGroup {
  kind: string;
  item: string;
  hazardLevel: string;
  count: number;
  pointsCenti: number;
}

const sum = (expr: unknown) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);

/** The scope's findings in the period, summed per (kind, item, hazard level). */
export async function findingGroups(
  db: Db,
  scope: StatsScope,
  filter: StatsFilter,
  source: StatsSource,
): Promise<FindingGroup[]> {
  const c = statsFindingCells;
  if (source === 'rollup' && scope.cells) {
    return db
      .select({
        kind: c.kind,
        item: c.item,
        hazardLevel: c.hazardLevel,
        count: sum(c.count),
        pointsCenti: sum(c.pointsCenti),
      })
      .from(c)
      .where(cellMonthsWhere(c, scope.cells, filter))
      .groupBy(c.kind, c.item, c.hazardLevel);
  }
  const range = monthRange(filter.fromMonth, filter.toMonth);
  const rows = await findingCellQuery(
    db,
    sql<string>`''`,
    and(scope.projects, gte(inspections.date, range.from), lt(inspections.date, range.toExclusive)),
  );
  const merged = new Map<string, FindingGroup>();
  for (const r of rows) {
    const key = `${r.kind}\u0000${r.item}\u0000${r.hazardLevel}`;
    const group = merged.get(key) ?? {
      kind: r.kind,
      item: r.item,
      hazardLevel: r.hazardLevel,
      count: 0,
      pointsCenti: 0,
    };
    group.count += r.count;
    group.pointsCenti += r.pointsCenti;
    merged.set(key, group);
  }
  return [...merged.values()];
}

const points = (centi: number) => (centi / 100).toFixed(2);

export function hazardCategoryTable(groups: FindingGroup[]): StatsTable {
  const labels = catalogLabels();
  const byCategory = new Map<
    string,
    { name: string; count: number; major: number; centi: number; drill: string }
  >();
  for (const g of groups) {
    if (g.kind !== 'deduction' && g.kind !== 'term') continue;
    const [tableId] = g.item.split('|');
    const key = g.kind === 'term' ? `t:${labels.termCategory.get(g.item) ?? ''}` : `d:${tableId}`;
    const entry = byCategory.get(key) ?? {
      name:
        g.kind === 'term'
          ? `${labels.categoryNames.get(labels.termCategory.get(g.item) ?? '') ?? '其他'}（检查用语）`
          : (labels.tables.get(tableId!) ?? tableId!),
      count: 0,
      major: 0,
      centi: 0,
      drill:
        g.kind === 'term'
          ? drill('inspections', { termCategory: labels.termCategory.get(g.item) ?? '' })
          : drill('inspections', { table: tableId }),
    };
    entry.count += g.count;
    if (g.hazardLevel === 'major') entry.major += g.count;
    entry.centi += g.pointsCenti;
    byCategory.set(key, entry);
  }
  const rows = [...byCategory.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    id: 'hazards',
    title: '隐患类别排行',
    chart: 'bar',
    category: 'category',
    series: ['count'],
    columns: [
      text('category', '类别'),
      number('count', '检查发现（条）'),
      number('major', '其中重大隐患'),
      text('points', '扣分合计'),
    ],
    rows: rows.slice(0, 20).map((r) => ({
      category: r.name,
      count: r.count,
      major: r.major,
      points: points(r.centi),
      drill: r.drill,
    })),
    note: TERM_TREE_NOTE,
  };
}

export function deductionItemTable(groups: FindingGroup[]): StatsTable {
  const labels = catalogLabels();
  const byItem = new Map<string, { count: number; centi: number }>();
  for (const g of groups) {
    if (g.kind !== 'deduction') continue;
    const entry = byItem.get(g.item) ?? { count: 0, centi: 0 };
    entry.count += g.count;
    entry.centi += g.pointsCenti;
    byItem.set(g.item, entry);
  }
  const rows = [...byItem.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  return {
    id: 'deductions',
    title: '扣分项排行（前 20）',
    chart: 'bar',
    category: 'item',
    series: ['count'],
    columns: [
      text('table', '检查评分表'),
      text('item', '检查项目'),
      number('count', '扣分次数'),
      text('points', '扣分合计'),
    ],
    rows: rows.slice(0, 20).map(([key, r]) => {
      const [tableId] = key.split('|');
      return {
        table: labels.tables.get(tableId!) ?? tableId!,
        item: labels.items.get(key) ?? key,
        count: r.count,
        points: points(r.centi),
        drill: drill('inspections', { item: key }),
      };
    }),
  };
}
