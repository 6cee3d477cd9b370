/**
 * The supervisor's ranking of enterprises (施工单位) in its region: enterprise-inspection completion this year,
 * overdue rectifications and the JGJ59 average of the period.
 *
 * @module
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  projects,
  rectifications,
  statsProjectMonths,
  statsProjectYears,
  statsScopeMonths,
} from '../db/schema/index.js';
import { nextMonth, type StatsFilter } from './periods.js';
import { paceOn } from './pace.js';
import { inConstructionWithDone, projectMonths, type StatsSource } from './project-months.js';
import { cellMonthsWhere, ownerWhere, type StatsScope } from './scope.js';
import { drill, number, percent, rate, text, type StatsTable } from './tables.js';

const total = (expr: unknown) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);

interface EnterpriseFigures {
  creditCode: string;
  projects: number;
  done: number;
  required: number;
  behind: number;
  overdue: number;
  jgj59Count: number;
  centi: number;
}

/**
 * The year's rows answer a period from January to a month after which the scope has no inspections that year (the
 * default 本年), with one row per project instead of one per project and month.
 */
async function yearRowsAnswer(db: Db, scope: StatsScope, filter: StatsFilter): Promise<boolean> {
  const year = filter.fromMonth.slice(0, 4);
  if (!scope.cells || filter.fromMonth !== `${year}-01` || filter.toMonth.slice(0, 4) !== year) return false;
  if (filter.toMonth === `${year}-12`) return true;
  const c = statsScopeMonths;
  const [later] = await db
    .select({ month: c.month })
    .from(c)
    .where(cellMonthsWhere(c, scope.cells, { fromMonth: nextMonth(filter.toMonth), toMonth: `${year}-12` }))
    .limit(1);
  return later === undefined;
}

/** JGJ59 inspections and their total (hundredths) per 施工单位 in the period. */
async function scoresByConstructor(db: Db, scope: StatsScope, filter: StatsFilter, source: StatsSource) {
  if (source === 'rollup' && (await yearRowsAnswer(db, scope, filter))) {
    const y = statsProjectYears;
    return db
      .select({
        creditCode: projects.constructorCreditCode,
        count: total(y.jgj59Count),
        centi: total(y.jgj59ScoreCenti),
      })
      .from(y)
      .innerJoin(projects, eq(projects.id, y.projectId))
      .where(and(scope.projects, eq(y.year, filter.fromMonth.slice(0, 4))))
      .groupBy(projects.constructorCreditCode);
  }
  if (source === 'rollup' && scope.cells) {
    // The covering index (region, month, 施工单位, figures) answers this without touching the registry.
    const t = statsProjectMonths;
    return db
      .select({ creditCode: t.creditCode, count: total(t.jgj59Count), centi: total(t.jgj59ScoreCenti) })
      .from(t)
      .where(
        and(
          ownerWhere(t.regionCode, t.enterpriseId, scope.cells),
          gte(t.month, filter.fromMonth),
          lte(t.month, filter.toMonth),
        ),
      )
      .groupBy(t.creditCode);
  }
  const pm = projectMonths(db, scope, filter, filter.fromMonth, filter.toMonth, source);
  return db
    .select({ creditCode: pm.creditCode, count: total(pm.jgj59Count), centi: total(pm.jgj59ScoreCenti) })
    .from(pm)
    .groupBy(pm.creditCode);
}

/** The 施工单位 name of each credit code, as its in-construction projects of the scope register it. */
async function constructorNames(db: Db, scope: StatsScope, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: projects.constructorCreditCode, name: sql<string>`min(${projects.constructorName})` })
    .from(projects)
    .where(
      and(
        scope.projects,
        eq(projects.status, 'in_construction'),
        inArray(projects.constructorCreditCode, codes),
      ),
    )
    .groupBy(projects.constructorCreditCode);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function rankingTable(
  db: Db,
  scope: StatsScope,
  filter: StatsFilter,
  source: StatsSource,
): Promise<StatsTable> {
  const year = filter.today.slice(0, 4);
  const [list, scores, overdue] = await Promise.all([
    inConstructionWithDone(db, scope, filter, year, source),
    scoresByConstructor(db, scope, filter, source),
    db
      .select({ creditCode: projects.constructorCreditCode, n: sql<number>`count(*)`.mapWith(Number) })
      .from(rectifications)
      .innerJoin(projects, eq(projects.id, rectifications.projectId))
      .where(
        and(
          scope.projects,
          sql`${rectifications.state} <> 'passed'`,
          sql`${rectifications.deadline} < ${filter.today}`,
        ),
      )
      .groupBy(projects.constructorCreditCode),
  ]);
  const figures = new Map<string, EnterpriseFigures>();
  const pace = paceOn(filter.today);
  for (const p of list) {
    const r = pace(p, p.done);
    let entry = figures.get(p.creditCode);
    if (!entry) {
      entry = {
        creditCode: p.creditCode,
        projects: 0,
        done: 0,
        required: 0,
        behind: 0,
        overdue: 0,
        jgj59Count: 0,
        centi: 0,
      };
      figures.set(p.creditCode, entry);
    }
    entry.projects++;
    entry.done += Math.min(r.done, r.required);
    entry.required += r.required;
    if (r.state === 'behind') entry.behind++;
  }
  for (const s of scores) {
    if (figures.has(s.creditCode)) {
      Object.assign(figures.get(s.creditCode)!, { jgj59Count: s.count, centi: s.centi });
    }
  }
  for (const o of overdue) if (figures.has(o.creditCode)) figures.get(o.creditCode)!.overdue = o.n;
  const ranked = [...figures.values()]
    .map((f) => ({ ...f, completion: rate(f.done, f.required) ?? 100 }))
    .sort(
      (a, b) =>
        b.completion - a.completion || a.overdue - b.overdue || a.creditCode.localeCompare(b.creditCode),
    );
  const shown = ranked.slice(0, 200);
  const names = await constructorNames(
    db,
    scope,
    shown.map((f) => f.creditCode),
  );
  return {
    id: 'ranking',
    title: '施工企业排名（在建项目）',
    chart: 'bar',
    category: 'enterprise',
    series: ['completion'],
    columns: [
      number('rank', '名次'),
      text('enterprise', '施工单位'),
      number('projects', '在建项目'),
      percent('completion', `${year} 年企业检查完成率（%）`),
      number('behind', '进度落后项目'),
      number('overdue', '逾期整改'),
      text('average', 'JGJ59 平均分'),
    ],
    rows: shown.map((f, i) => ({
      rank: i + 1,
      enterprise: names.get(f.creditCode) ?? f.creditCode,
      projects: f.projects,
      completion: f.completion,
      behind: f.behind,
      overdue: f.overdue,
      average: f.jgj59Count === 0 ? '—' : (f.centi / f.jgj59Count / 100).toFixed(2),
      drill: drill('projects', { status: 'in_construction', enterprise: f.creditCode }),
    })),
    note:
      ranked.length > 200
        ? `共 ${ranked.length} 家施工单位，列出前 200 家；完成率 = 各在建项目本年已完成的企业检查（不超过应检次数）÷ 应检次数（按施工期折算）`
        : '完成率 = 各在建项目本年已完成的企业检查（不超过应检次数）÷ 应检次数（按施工期折算）',
  };
}
