/**
 * 统计分析 figures read from the per-project-month inspection counts: monthly trends by origin, JGJ59 score bands
 * and grades, 标准化月评 completion by month, and the enterprise-inspection pace of every project this year.
 *
 * @module
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects } from '../db/schema/index.js';
import { monthsBetween, type StatsFilter } from './periods.js';
import {
  inConstructionWithDone,
  monthFigures,
  type MonthFigures,
  type StatsSource,
} from './project-months.js';
import type { StatsScope } from './scope.js';
import { drill, number, percent, rate, text, type StatsTable } from './tables.js';
import { paceOn } from './pace.js';

export const ORIGIN_LABELS = {
  enterprise: '企业检查',
  self: '项目自查',
  monthly: '标准化月评',
  spot: '安监抽查',
};
export const BAND_LABELS = ['60 分以下', '60–69.99 分', '70–79.99 分', '80–89.99 分', '90 分及以上'];

export function trendTable(figures: MonthFigures[], filter: StatsFilter) {
  const byMonth = new Map(figures.map((r) => [r.month, r]));
  const table: StatsTable = {
    id: 'trend',
    title: '检查次数月度趋势',
    chart: 'line',
    category: 'month',
    series: ['enterprise', 'self', 'monthly', 'spot'],
    columns: [
      text('month', '月份'),
      ...Object.entries(ORIGIN_LABELS).map(([k, label]) => number(k, label)),
      number('findings', '检查发现（条）'),
    ],
    rows: monthsBetween(filter.fromMonth, filter.toMonth).map((month) => {
      const r = byMonth.get(month);
      return {
        month,
        enterprise: r?.enterprise ?? 0,
        self: r?.self ?? 0,
        monthly: r?.monthly ?? 0,
        spot: r?.spot ?? 0,
        findings: r?.findings ?? 0,
        drill: drill('inspections', { month }),
      };
    }),
  };
  return table;
}

export function scoreTables(figures: MonthFigures[]) {
  const sum = (key: keyof MonthFigures) => figures.reduce((s, f) => s + (f[key] as number), 0);
  const r = {
    count: sum('jgj59Count'),
    centi: sum('centi'),
    excellent: sum('excellent'),
    pass: sum('pass'),
    fail: sum('fail'),
    b0: sum('b0'),
    b1: sum('b1'),
    b2: sum('b2'),
    b3: sum('b3'),
    b4: sum('b4'),
  };
  const bands = [r.b0, r.b1, r.b2, r.b3, r.b4];
  const average = r.count === 0 ? null : (r.centi / r.count / 100).toFixed(2);
  const scores: StatsTable = {
    id: 'scores',
    title: 'JGJ59 检查评分分布',
    chart: 'bar',
    category: 'band',
    series: ['count'],
    columns: [text('band', '得分区间'), number('count', '检查次数'), percent('share', '占比（%）')],
    rows: BAND_LABELS.map((band, i) => ({
      band,
      count: bands[i]!,
      share: rate(bands[i]!, r.count),
      drill: drill('inspections', { method: 'jgj59', band: i }),
    })),
    note: `共 ${r.count} 次已生成汇总表的 JGJ59 检查，平均得分 ${average ?? '—'}`,
  };
  const grades: StatsTable = {
    id: 'grades',
    title: 'JGJ59 评定等级',
    chart: 'pie',
    category: 'grade',
    series: ['count'],
    columns: [text('grade', '等级'), number('count', '检查次数'), percent('share', '占比（%）')],
    rows: (
      [
        ['优良', r.excellent],
        ['合格', r.pass],
        ['不合格', r.fail],
      ] as const
    ).map(([grade, count]) => ({
      grade,
      count,
      share: rate(count, r.count),
      drill: drill('inspections', { method: 'jgj59', grade }),
    })),
  };
  return [scores, grades];
}

/** 标准化月评 completion per month: in-construction projects of the scope with a sealed evaluation that month. */
export async function monthlyCompletionTable(
  db: Db,
  scope: StatsScope,
  figures: MonthFigures[],
  filter: StatsFilter,
) {
  const [{ n: projectCount } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(and(scope.projects, eq(projects.status, 'in_construction')));
  const byMonth = new Map(figures.map((r) => [r.month, r.monthlyDone]));
  const table: StatsTable = {
    id: 'monthly',
    title: '标准化月评完成情况（在建项目）',
    chart: 'bar',
    category: 'month',
    series: ['done', 'missing'],
    columns: [
      text('month', '月份'),
      number('done', '已月评'),
      number('missing', '未月评'),
      percent('rate', '完成率（%）'),
    ],
    rows: monthsBetween(filter.fromMonth, filter.toMonth).map((month) => {
      const done = byMonth.get(month) ?? 0;
      return {
        month,
        done,
        missing: projectCount - done,
        rate: rate(done, projectCount),
        drill: drill('projects', { status: 'in_construction', monthly: 'missing', month }),
      };
    }),
  };
  return table;
}

/** Enterprise inspections this year per in-construction project against its (pro-rated) required number. */
export async function paceTables(db: Db, scope: StatsScope, filter: StatsFilter, source: StatsSource) {
  const year = filter.today.slice(0, 4);
  const list = await inConstructionWithDone(db, scope, filter, year, source);
  const pace = paceOn(filter.today);
  const counts = { met: 0, on_pace: 0, behind: 0 };
  const paced = list.map((p) => {
    const r = pace(p, p.done);
    counts[r.state]++;
    return { id: p.id, filingNumber: p.filingNumber, pace: r, gap: r.done - r.expected };
  });
  const labels = { met: '已完成全年次数', on_pace: '进度正常', behind: '进度落后' } as const;
  const summary: StatsTable = {
    id: 'pace',
    title: `${year} 年企业检查进度（在建项目）`,
    chart: 'pie',
    category: 'state',
    series: ['count'],
    columns: [text('state', '进度'), number('count', '项目数'), percent('share', '占比（%）')],
    rows: (Object.keys(counts) as (keyof typeof counts)[]).map((state) => ({
      state: labels[state],
      count: counts[state],
      share: rate(counts[state], paced.length),
      drill: drill('projects', { status: 'in_construction', pace: state }),
    })),
  };
  const worst = paced
    .sort((a, b) => a.gap - b.gap || (a.filingNumber < b.filingNumber ? -1 : 1))
    .slice(0, 100);
  const names = await projectNames(
    db,
    worst.map((p) => p.id),
  );
  const perProject: StatsTable = {
    id: 'pace-projects',
    title: `${year} 年各项目企业检查次数与应检次数`,
    chart: null,
    category: 'name',
    series: ['done', 'required'],
    columns: [
      text('filingNumber', '监督备案号'),
      text('name', '项目名称'),
      number('done', '本年已检查'),
      number('expected', '截至今日应检'),
      number('required', '本年应检'),
      text('state', '进度'),
    ],
    rows: worst.map(({ id, filingNumber, pace: p }) => ({
      filingNumber,
      name: names.get(id) ?? '',
      done: p.done,
      expected: p.expected,
      required: p.required,
      state: labels[p.state],
      drill: drill('inspections', { projectId: id, origin: 'enterprise', year }),
    })),
    note: paced.length > 100 ? `共 ${paced.length} 个在建项目，列出差距最大的 100 个` : undefined,
  };
  return [summary, perProject];
}

async function projectNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(inArray(projects.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The 检查 section: trends, pace, monthly-evaluation completion, JGJ59 scores and grades. */
export async function inspectionTables(db: Db, scope: StatsScope, filter: StatsFilter, source: StatsSource) {
  const figures = await monthFigures(db, scope, filter, source);
  return [
    trendTable(figures, filter),
    ...(await paceTables(db, scope, filter, source)),
    await monthlyCompletionTable(db, scope, figures, filter),
    ...scoreTables(figures),
  ];
}
