/**
 * Figures read from the registry and the smaller materialized tables: projects by status and region, 整改 states and
 * days to close, 超危大 works by category and documentation completeness, alerts by rule.
 *
 * @module
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import {
  dangerousWorkGaps,
  superDangerousCategoryName,
  type WorkStep,
  type WorkStepRecord,
} from '@anguan/standards';
import type { Db } from '../db/client.js';
import {
  alerts,
  dangerousWorkSteps,
  dangerousWorks,
  projects,
  rectifications,
  regions,
} from '../db/schema/index.js';
import { monthRange, type StatsFilter } from './periods.js';
import type { StatsScope } from './scope.js';
import { drill, medianOf, number, percent, rate, text, type StatsTable } from './tables.js';

const n = sql<number>`count(*)`.mapWith(Number);
export const STATUS_LABELS = {
  in_construction: '在建',
  completed: '已竣工',
  terminated: '已终止监督',
} as const;

export async function projectTables(db: Db, scope: StatsScope): Promise<StatsTable[]> {
  const [byStatus, byRegion, names] = await Promise.all([
    db.select({ status: projects.status, n }).from(projects).where(scope.projects).groupBy(projects.status),
    db
      .select({ region: projects.regionCode, status: projects.status, n })
      .from(projects)
      .where(scope.projects)
      .groupBy(projects.regionCode, projects.status),
    db.select({ code: regions.code, name: regions.name }).from(regions),
  ]);
  const all = byStatus.reduce((s, r) => s + r.n, 0);
  const regionName = new Map(names.map((r) => [r.code, r.name]));
  const perRegion = new Map<string, Record<string, number>>();
  for (const r of byRegion) {
    const entry = perRegion.get(r.region ?? '') ?? { in_construction: 0, completed: 0, terminated: 0 };
    entry[r.status] = r.n;
    perRegion.set(r.region ?? '', entry);
  }
  return [
    {
      id: 'project-status',
      title: '项目状态分布',
      chart: 'pie',
      category: 'status',
      series: ['count'],
      columns: [text('status', '状态'), number('count', '项目数'), percent('share', '占比（%）')],
      rows: (Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((status) => {
        const count = byStatus.find((r) => r.status === status)?.n ?? 0;
        return {
          status: STATUS_LABELS[status],
          count,
          share: rate(count, all),
          drill: drill('projects', { status }),
        };
      }),
    },
    {
      id: 'project-region',
      title: '各地区项目数',
      chart: 'stacked',
      category: 'region',
      series: ['in_construction', 'completed', 'terminated'],
      columns: [
        text('region', '地区'),
        number('in_construction', '在建'),
        number('completed', '已竣工'),
        number('terminated', '已终止监督'),
      ],
      rows: [...perRegion.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([code, c]) => ({
          region: regionName.get(code) ?? (code || '未登记地区'),
          in_construction: c.in_construction!,
          completed: c.completed!,
          terminated: c.terminated!,
          drill: code ? drill('projects', { district: code }) : null,
        })),
    },
  ];
}

/** Shanghai midnight at the start of `date` (YYYY-MM-DD), as an instant. */
export const shanghaiStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

export async function rectificationTable(
  db: Db,
  scope: StatsScope,
  filter: StatsFilter,
): Promise<StatsTable> {
  const range = monthRange(filter.fromMonth, filter.toMonth);
  const overdue =
    sql<number>`case when ${rectifications.state} <> 'passed' and ${rectifications.deadline} < ${filter.today} then 1 else 0 end`.mapWith(
      Number,
    );
  const rows = await db
    .select({ state: rectifications.state, overdue, days: rectifications.daysToClose, n })
    .from(rectifications)
    .innerJoin(projects, eq(projects.id, rectifications.projectId))
    .where(
      and(
        scope.projects,
        gte(rectifications.openedAt, shanghaiStart(range.from)),
        lt(rectifications.openedAt, shanghaiStart(range.toExclusive)),
      ),
    )
    .groupBy(rectifications.state, overdue, rectifications.daysToClose);
  const count = { open: 0, overdue: 0, closed: 0 };
  const histogram: { value: number; count: number }[] = [];
  for (const r of rows) {
    if (r.state === 'passed') {
      count.closed += r.n;
      if (r.days !== null) histogram.push({ value: r.days, count: r.n });
    } else if (r.overdue) count.overdue += r.n;
    else count.open += r.n;
  }
  const all = count.open + count.overdue + count.closed;
  const median = medianOf(histogram);
  const labels = { open: '整改中（未逾期）', overdue: '已逾期', closed: '已通过（闭合）' } as const;
  return {
    id: 'rectifications',
    title: '整改情况',
    chart: 'pie',
    category: 'state',
    series: ['count'],
    columns: [text('state', '整改状态'), number('count', '整改数'), percent('share', '占比（%）')],
    rows: (Object.keys(count) as (keyof typeof count)[]).map((state) => ({
      state: labels[state],
      count: count[state],
      share: rate(count[state], all),
      drill: drill('rectifications', { state }),
    })),
    note: `本期下发整改 ${all} 项；闭合整改用时中位数 ${median === null ? '—' : `${median} 天`}`,
  };
}

/**
 * Each 超危大 work of the scope with its number of gaps on `today`: the 清单's rule (`dangerousWorkGaps`) over the
 * two columns of each step it reads, without the 清单's per-work view (parameters, files, ordering).
 */
async function workGaps(db: Db, scope: StatsScope, today: string) {
  const [works, steps] = await Promise.all([
    db
      .select({
        projectId: dangerousWorks.projectId,
        workId: dangerousWorks.workId,
        category: dangerousWorks.category,
      })
      .from(dangerousWorks)
      .innerJoin(projects, eq(projects.id, dangerousWorks.projectId))
      .where(scope.projects),
    db
      .select({
        projectId: dangerousWorkSteps.projectId,
        workId: dangerousWorkSteps.workId,
        step: dangerousWorkSteps.step,
        date: dangerousWorkSteps.date,
        conclusion: dangerousWorkSteps.conclusion,
      })
      .from(dangerousWorkSteps)
      .innerJoin(projects, eq(projects.id, dangerousWorkSteps.projectId))
      .where(scope.projects),
  ]);
  const byWork = new Map<string, Partial<Record<WorkStep, WorkStepRecord>>>();
  for (const step of steps) {
    const key = `${step.projectId}|${step.workId}`;
    byWork.set(key, { ...byWork.get(key), [step.step]: { date: step.date, conclusion: step.conclusion } });
  }
  return works.map((w) => ({
    category: w.category,
    gaps: dangerousWorkGaps(byWork.get(`${w.projectId}|${w.workId}`) ?? {}, today).length,
  }));
}

export async function dangerousWorkTable(
  db: Db,
  scope: StatsScope,
  filter: StatsFilter,
): Promise<StatsTable> {
  const works = await workGaps(db, scope, filter.today);
  const byCategory = new Map<string, { complete: number; gaps: number }>();
  for (const work of works) {
    const entry = byCategory.get(work.category) ?? { complete: 0, gaps: 0 };
    if (work.gaps === 0) entry.complete++;
    else entry.gaps++;
    byCategory.set(work.category, entry);
  }
  return {
    id: 'dangerous-works',
    title: '超危大工程类别与资料完整性',
    chart: 'stacked',
    category: 'category',
    series: ['complete', 'gaps'],
    columns: [
      text('category', '类别'),
      number('complete', '资料齐全'),
      number('gaps', '资料缺失'),
      percent('rate', '齐全率（%）'),
    ],
    rows: [...byCategory.entries()]
      .sort((a, b) => b[1].complete + b[1].gaps - (a[1].complete + a[1].gaps))
      .map(([category, c]) => ({
        category: superDangerousCategoryName(category) ?? category,
        complete: c.complete,
        gaps: c.gaps,
        rate: rate(c.complete, c.complete + c.gaps),
        drill: drill('works', { category }),
      })),
  };
}

export const RULE_LABELS: Record<string, string> = {
  R1: '竣工未终止监督',
  R2: '超期未竣工',
  R3: '企业检查次数不足',
  R4: '未按时月评',
  R5: '整改逾期',
  R6: '超危大资料缺失',
};

export async function alertTable(db: Db, scope: StatsScope, filter: StatsFilter): Promise<StatsTable> {
  const range = monthRange(filter.fromMonth, filter.toMonth);
  const rows = await db
    .select({ rule: alerts.rule, state: alerts.state, n })
    .from(alerts)
    .innerJoin(projects, eq(projects.id, alerts.projectId))
    .where(
      and(
        scope.projects,
        gte(alerts.createdAt, shanghaiStart(range.from)),
        lt(alerts.createdAt, shanghaiStart(range.toExclusive)),
      ),
    )
    .groupBy(alerts.rule, alerts.state);
  return {
    id: 'alerts',
    title: '预警规则触发情况',
    chart: 'stacked',
    category: 'rule',
    series: ['open', 'resolved'],
    columns: [text('rule', '预警规则'), number('open', '未解除'), number('resolved', '已解除')],
    rows: Object.entries(RULE_LABELS).map(([rule, label]) => ({
      rule: `${rule} ${label}`,
      open: rows.find((r) => r.rule === rule && r.state === 'open')?.n ?? 0,
      resolved: rows.find((r) => r.rule === rule && r.state === 'resolved')?.n ?? 0,
      drill: drill('alerts', { rule }),
    })),
  };
}
