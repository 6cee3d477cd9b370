/**
 * The records behind a figure (`GET /api/stats/records?kind=…`): the drill-down of every statistics row, within the
 * same scope and period, as a page of rows that link to the project or inspection they are.
 *
 * @module
 */
import { and, desc, eq, exists, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { alerts, inspectionFindings, inspections, projects, rectifications } from '../db/schema/index.js';
import { badRequest } from '../http/errors.js';
import { listDangerousWorks } from '../projects/dangerous-works.js';
import { regionUnder } from '../projects/queries.js';
import { regionPrefix } from '../projects/regions.js';
import { catalogLabels } from './catalog-labels.js';
import { ORIGIN_LABELS } from './inspection-figures.js';
import { paceOn } from './pace.js';
import { monthRange, type StatsFilter } from './periods.js';
import { RULE_LABELS, shanghaiStart, STATUS_LABELS } from './register-figures.js';
import { SEALED } from './rollups.js';
import type { StatsScope } from './scope.js';
import { number, text, type StatsColumn, type StatsRow } from './tables.js';

export const RECORD_PAGE_SIZE = 50;
export interface RecordsAnswer {
  kind: string;
  total: number;
  page: number;
  pageSize: number;
  columns: StatsColumn[];
  rows: (StatsRow & { link: string })[];
}

type Query = (name: string) => string | undefined;
const BANDS: [number | null, number | null][] = [
  [null, 60],
  [60, 70],
  [70, 80],
  [80, 90],
  [90, null],
];
const TOTAL = sql`cast(${inspections.total} as numeric)`;

function periodOf(q: Query, filter: StatsFilter) {
  const month = q('month');
  const year = q('year');
  if (month && /^\d{4}-\d{2}$/.test(month)) return monthRange(month, month);
  if (year && /^\d{4}$/.test(year)) return monthRange(`${year}-01`, `${year}-12`);
  return monthRange(filter.fromMonth, filter.toMonth);
}

function findingCondition(q: Query): SQL | undefined {
  const f = inspectionFindings;
  const item = q('item');
  const table = q('table');
  const termCategory = q('termCategory');
  let cond: SQL | undefined;
  if (item) {
    const [tableId, itemId] = item.split('|');
    cond = and(eq(f.kind, 'deduction'), eq(f.tableId, tableId ?? ''), eq(f.itemId, itemId ?? ''));
  } else if (table) cond = and(eq(f.kind, 'deduction'), eq(f.tableId, table));
  else if (termCategory) {
    const ids = catalogLabels().categoryTerms.get(termCategory) ?? [];
    cond = and(eq(f.kind, 'term'), inArray(f.termId, ids.length ? ids : ['']));
  }
  return cond;
}

async function inspectionRecords(db: Db, scope: StatsScope, filter: StatsFilter, q: Query, page: number) {
  const range = periodOf(q, filter);
  const origin = q('origin');
  const band = q('band');
  const findings = findingCondition(q);
  const bounds = band !== undefined ? BANDS[Number(band)] : undefined;
  if (band !== undefined && !bounds) throw badRequest('invalid_query', '得分区间无效', { field: 'band' });
  const where = and(
    SEALED,
    scope.projects,
    gte(inspections.date, range.from),
    lt(inspections.date, range.toExclusive),
    q('projectId') ? eq(inspections.projectId, q('projectId')!) : undefined,
    origin ? eq(inspections.origin, origin as 'enterprise') : undefined,
    q('method') ? eq(inspections.method, q('method') as 'jgj59') : undefined,
    q('grade') ? eq(inspections.grade, q('grade')!) : undefined,
    bounds ? sql`${inspections.total} is not null` : undefined,
    bounds?.[0] != null ? sql`${TOTAL} >= ${bounds[0]}` : undefined,
    bounds?.[1] != null ? sql`${TOTAL} < ${bounds[1]}` : undefined,
    findings
      ? exists(
          db
            .select({ one: sql`1` })
            .from(inspectionFindings)
            .where(and(eq(inspectionFindings.inspectionId, inspections.id), findings)),
        )
      : undefined,
  );
  const base = db.select().from(inspections).innerJoin(projects, eq(projects.id, inspections.projectId));
  const [[counted], rows] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(inspections)
      .innerJoin(projects, eq(projects.id, inspections.projectId))
      .where(where),
    base
      .where(where)
      .orderBy(desc(inspections.date), inspections.id)
      .limit(RECORD_PAGE_SIZE)
      .offset((page - 1) * RECORD_PAGE_SIZE),
  ]);
  return {
    total: counted?.n ?? 0,
    columns: [
      text('date', '检查日期'),
      text('project', '项目'),
      text('origin', '检查来源'),
      text('method', '检查方式'),
      text('total', '得分'),
      text('grade', '等级'),
      number('findings', '检查发现'),
    ],
    rows: rows.map(({ inspections: i, projects: p }) => ({
      date: i.date,
      project: `${p.filingNumber} ${p.name}`,
      origin: ORIGIN_LABELS[i.origin],
      method: METHOD_LABELS[i.method] ?? i.method,
      total: i.total,
      grade: i.grade,
      findings: i.findingCount,
      link: `/inspections/${i.id}`,
    })),
  };
}

export const METHOD_LABELS: Record<string, string> = {
  terms: '检查用语',
  internal: '企业内部标准',
  jgj59: 'JGJ59-2011',
  dust: '扬尘防治',
};

async function projectRecords(db: Db, scope: StatsScope, filter: StatsFilter, q: Query, page: number) {
  const status = q('status');
  const district = q('district');
  const prefix = district ? regionPrefix(district) : null;
  const where = and(
    scope.projects,
    status ? eq(projects.status, status as 'completed') : undefined,
    prefix ? regionUnder(prefix) : undefined,
    q('enterprise') ? eq(projects.constructorCreditCode, q('enterprise')!) : undefined,
  );
  let list = await db.select().from(projects).where(where).orderBy(projects.filingNumber);
  const detail = new Map<string, string>();
  const pace = q('pace');
  if (pace) {
    const year = filter.today.slice(0, 4);
    const done = await enterpriseCounts(
      db,
      list.map((p) => p.id),
      `${year}-01-01`,
      `${Number(year) + 1}-01-01`,
    );
    const paceOf = paceOn(filter.today);
    list = list.filter((p) => {
      const r = paceOf({ ...p, required: p.requiredInspectionsPerYear }, done.get(p.id) ?? 0);
      detail.set(p.id, `本年企业检查 ${r.done} / 应检 ${r.required}`);
      return r.state === pace;
    });
  }
  const missingMonth = q('monthly') === 'missing' ? q('month') : undefined;
  if (missingMonth) {
    const range = monthRange(missingMonth, missingMonth);
    const evaluated = await db
      .selectDistinct({ id: inspections.projectId })
      .from(inspections)
      .innerJoin(projects, eq(projects.id, inspections.projectId))
      .where(
        and(
          SEALED,
          where,
          eq(inspections.origin, 'monthly'),
          gte(inspections.date, range.from),
          lt(inspections.date, range.toExclusive),
        ),
      );
    const done = new Set(evaluated.map((r) => r.id));
    list = list.filter((p) => !done.has(p.id));
  }
  return {
    total: list.length,
    columns: [
      text('filingNumber', '监督备案号'),
      text('name', '项目名称'),
      text('constructor', '施工单位'),
      text('status', '状态'),
      text('detail', '说明'),
    ],
    rows: list.slice((page - 1) * RECORD_PAGE_SIZE, page * RECORD_PAGE_SIZE).map((p) => ({
      filingNumber: p.filingNumber,
      name: p.name,
      constructor: p.constructorName,
      status: STATUS_LABELS[p.status],
      detail: detail.get(p.id) ?? '',
      link: `/projects/${encodeURIComponent(p.filingNumber)}`,
    })),
  };
}

async function enterpriseCounts(db: Db, ids: string[], from: string, toExclusive: string) {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: inspections.projectId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(inspections)
      .where(
        and(
          SEALED,
          inArray(inspections.projectId, ids.slice(i, i + 500)),
          eq(inspections.origin, 'enterprise'),
          gte(inspections.date, from),
          lt(inspections.date, toExclusive),
        ),
      )
      .groupBy(inspections.projectId);
    for (const r of rows) out.set(r.id, r.n);
  }
  return out;
}

async function rectificationRecords(db: Db, scope: StatsScope, filter: StatsFilter, q: Query, page: number) {
  const range = periodOf(q, filter);
  const r = rectifications;
  const state = q('state');
  const late = sql`${r.deadline} < ${filter.today}`;
  const where = and(
    scope.projects,
    gte(r.openedAt, shanghaiStart(range.from)),
    lt(r.openedAt, shanghaiStart(range.toExclusive)),
    state === 'closed' ? eq(r.state, 'passed') : undefined,
    state === 'overdue' ? and(sql`${r.state} <> 'passed'`, late) : undefined,
    state === 'open' ? and(sql`${r.state} <> 'passed'`, sql`not (${late})`) : undefined,
  );
  const [[counted], rows] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(r)
      .innerJoin(projects, eq(projects.id, r.projectId))
      .where(where),
    db
      .select()
      .from(r)
      .innerJoin(projects, eq(projects.id, r.projectId))
      .where(where)
      .orderBy(r.deadline, r.inspectionId)
      .limit(RECORD_PAGE_SIZE)
      .offset((page - 1) * RECORD_PAGE_SIZE),
  ]);
  const states = { pending: '待整改', replied: '已回复', passed: '已通过', returned: '已退回' };
  return {
    total: counted?.n ?? 0,
    columns: [
      text('project', '项目'),
      text('deadline', '整改期限'),
      text('state', '状态'),
      text('rectifier', '整改责任人'),
      text('days', '闭合用时（天）'),
    ],
    rows: rows.map(({ rectifications: x, projects: p }) => ({
      project: `${p.filingNumber} ${p.name}`,
      deadline: x.deadline,
      state: states[x.state],
      rectifier: x.rectifierName,
      days: x.daysToClose === null ? '' : String(x.daysToClose),
      link: `/inspections/${x.inspectionId}`,
    })),
  };
}

async function alertRecords(db: Db, scope: StatsScope, filter: StatsFilter, q: Query, page: number) {
  const range = periodOf(q, filter);
  const where = and(
    scope.projects,
    gte(alerts.createdAt, shanghaiStart(range.from)),
    lt(alerts.createdAt, shanghaiStart(range.toExclusive)),
    q('rule') ? eq(alerts.rule, q('rule') as 'R1') : undefined,
  );
  const rows = await db
    .select()
    .from(alerts)
    .innerJoin(projects, eq(projects.id, alerts.projectId))
    .where(where)
    .orderBy(desc(alerts.createdAt), alerts.id);
  return {
    total: rows.length,
    columns: [
      text('rule', '预警规则'),
      text('project', '项目'),
      text('title', '预警内容'),
      text('state', '状态'),
    ],
    rows: rows
      .slice((page - 1) * RECORD_PAGE_SIZE, page * RECORD_PAGE_SIZE)
      .map(({ alerts: a, projects: p }) => ({
        rule: `${a.rule} ${RULE_LABELS[a.rule]}`,
        project: `${p.filingNumber} ${p.name}`,
        title: a.title,
        state: a.state === 'open' ? '未解除' : '已解除',
        link: a.link ?? `/projects/${encodeURIComponent(p.filingNumber)}`,
      })),
  };
}

/** The records of `kind` behind a figure, one page. */
export async function statsRecords(
  db: Db,
  scope: StatsScope,
  filter: StatsFilter,
  q: Query,
  page: number,
): Promise<RecordsAnswer> {
  const kind = q('kind') ?? '';
  const loaders = {
    inspections: inspectionRecords,
    projects: projectRecords,
    rectifications: rectificationRecords,
    alerts: alertRecords,
    works: projectRecordsOfWorks,
  } as const;
  const load = loaders[kind as keyof typeof loaders];
  if (!load) throw badRequest('invalid_kind', '记录类型无效', { field: 'kind' });
  const answer = await load(db, scope, filter, q, page);
  return { kind, page, pageSize: RECORD_PAGE_SIZE, ...answer };
}

async function projectRecordsOfWorks(db: Db, scope: StatsScope, filter: StatsFilter, q: Query, page: number) {
  const works = await listDangerousWorks(db, scope.projects, { category: q('category') }, filter.today);
  return {
    total: works.length,
    columns: [text('project', '项目'), text('name', '超危大工程'), text('gaps', '资料缺失')],
    rows: works.slice((page - 1) * RECORD_PAGE_SIZE, page * RECORD_PAGE_SIZE).map((w) => ({
      project: `${w.filingNumber} ${w.projectName}`,
      name: w.name,
      gaps: w.gaps.map((g) => g.message).join('；') || '齐全',
      link: `/projects/${encodeURIComponent(w.filingNumber)}`,
    })),
  };
}
