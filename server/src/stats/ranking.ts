/**
 * The supervisor's ranking of enterprises (施工单位) in its region: enterprise-inspection completion this year,
 * overdue rectifications and the JGJ59 average of the period.
 *
 * @module
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects, rectifications, statsProjectMonths } from '../db/schema/index.js';
import type { StatsFilter } from './periods.js';
import { paceOf } from './pace.js';
import { inConstructionWithDone, projectMonths, type StatsSource } from './project-months.js';
import { ownerWhere, type StatsScope } from './scope.js';
import { drill, number, percent, rate, text, type StatsTable } from './tables.js';

const total = (expr: unknown) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);

interface EnterpriseFigures {
  name: string;
  creditCode: string;
  projects: number;
  done: number;
  required: number;
  behind: number;
  overdue: number;
  jgj59Count: number;
  centi: number;
}

/** JGJ59 inspections and their total (hundredths) per 施工单位 in the period. */
async function scoresByConstructor(db: Db, scope: StatsScope, filter: StatsFilter, source: StatsSource) {
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
  const of = (creditCode: string, name: string) => {
    let entry = figures.get(creditCode);
    if (!entry) {
      entry = {
        name,
        creditCode,
        projects: 0,
        done: 0,
        required: 0,
        behind: 0,
        overdue: 0,
        jgj59Count: 0,
        centi: 0,
      };
      figures.set(creditCode, entry);
    }
    return entry;
  };
  for (const p of list) {
    const pace = paceOf(p, p.done, filter.today);
    const entry = of(p.creditCode, p.constructorName);
    entry.projects++;
    entry.done += Math.min(pace.done, pace.required);
    entry.required += pace.required;
    if (pace.state === 'behind') entry.behind++;
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
    rows: ranked.slice(0, 200).map((f, i) => ({
      rank: i + 1,
      enterprise: f.name,
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
