import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { shanghaiDate } from '@anguan/standards';
import { inspections, projects, users } from '../src/db/schema/index.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { evaluateAllAlerts } from '../src/alerts/index.js';
import { documentsNeedingMaterialization } from '../src/materializer/catch-up.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { paceOf } from '../src/stats/pace.js';
import { statsSection } from '../src/stats/service.js';
import { statsFilterParams } from '../src/stats/periods.js';
import { bruteForce } from './stats-brute-force.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

const DIRECTOR = '91320100MA1MXX0A01';
const OTHER_DIRECTOR = '92320583L9UQ0T1R04';
let server: TestServer;
let enterpriseId: string;
let otherEnterpriseId: string;

beforeAll(async () => {
  server = await startTestServer();
  await loadDemo(server.deps);
  // The demo writes documents; their rows come from the materializer, as in a server started on them.
  for (const docName of await documentsNeedingMaterialization(server.deps.database.db)) {
    server.deps.materializeScheduler.schedule(docName);
  }
  await server.deps.materializeScheduler.flush();
  // One full pass now, so the alerts the scheduler would add a moment later are already there (passes are idempotent).
  await evaluateAllAlerts(server.deps);
  const { db } = server.deps.database;
  enterpriseId = db.select().from(users).where(eq(users.login, DIRECTOR)).get()!.enterpriseId!;
  otherEnterpriseId = db.select().from(users).where(eq(users.login, OTHER_DIRECTOR)).get()!.enterpriseId!;
}, 120_000);
afterAll(() => server.dispose());

async function signIn(login: string) {
  const client = new TestClient(server.url);
  expect((await client.post('/api/auth/login', { login, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}

const table = (answer: { tables: { id: string; rows: Record<string, unknown>[] }[] }, id: string) =>
  answer.tables.find((t) => t.id === id)!;
const CUSTOM = 'period=custom&from=2025-04&to=2026-03';

describe('statistics figures', () => {
  it('equal a brute-force count of the director’s own enterprise over the demo data', async () => {
    const client = await signIn(DIRECTOR);
    const brute = bruteForce(server, { enterpriseId }, '2025-04', '2026-03');
    expect(brute.inPeriod.length).toBeGreaterThan(20);
    const insp = (await client.get(`/api/stats/inspections?${CUSTOM}`)).json;
    const trend = table(insp, 'trend').rows;
    expect(trend).toHaveLength(12);
    for (const row of trend) {
      const want = brute.trend.get(row.month as string) ?? { enterprise: 0, self: 0, monthly: 0, spot: 0 };
      expect([row.enterprise, row.self, row.monthly, row.spot], row.month as string).toEqual([
        want.enterprise,
        want.self,
        want.monthly,
        want.spot,
      ]);
    }
    expect(table(insp, 'scores').rows.map((r) => r.count)).toEqual(brute.bands);
    expect(brute.scoredCount).toBeGreaterThan(0);
    expect(Object.fromEntries(table(insp, 'grades').rows.map((r) => [r.grade, r.count]))).toEqual({
      优良: brute.grades['优良'] ?? 0,
      合格: brute.grades['合格'] ?? 0,
      不合格: brute.grades['不合格'] ?? 0,
    });
    for (const row of table(insp, 'monthly').rows) {
      expect(row.done, row.month as string).toBe(brute.monthlyDone(row.month as string));
      expect((row.done as number) + (row.missing as number)).toBe(brute.inConstruction.length);
    }
    const today = shanghaiDate(server.clock.now);
    const states = { met: 0, on_pace: 0, behind: 0 };
    for (const p of brute.inConstruction) {
      const pace = paceOf(
        { ...p, required: p.requiredInspectionsPerYear },
        brute.enterpriseThisYear.get(p.id) ?? 0,
        today,
      );
      states[pace.state]++;
    }
    expect(table(insp, 'pace').rows.map((r) => r.count)).toEqual([states.met, states.on_pace, states.behind]);
  });

  it('count findings, projects, rectifications and alerts as the rows do', async () => {
    const client = await signIn(DIRECTOR);
    const brute = bruteForce(server, { enterpriseId }, '2025-04', '2026-03');
    const findings = (await client.get(`/api/stats/findings?${CUSTOM}`)).json;
    const expected = [...brute.deductions.entries()]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .slice(0, 20)
      .map(([, v]) => [v.count, (v.centi / 100).toFixed(2)]);
    expect(expected.length).toBeGreaterThan(0);
    expect(table(findings, 'deductions').rows.map((r) => [r.count, r.points])).toEqual(expected);
    const projectsAnswer = (await client.get('/api/stats/projects')).json;
    expect(table(projectsAnswer, 'project-status').rows.map((r) => r.count)).toEqual([
      brute.statusCounts.in_construction,
      brute.statusCounts.completed,
      brute.statusCounts.terminated,
    ]);
    const rect = (await client.get(`/api/stats/rectifications?${CUSTOM}`)).json;
    const today = shanghaiDate(server.clock.now);
    const closed = brute.rectifications.filter((r) => r.state === 'passed');
    const overdue = brute.rectifications.filter((r) => r.state !== 'passed' && r.deadline < today);
    expect(table(rect, 'rectifications').rows.map((r) => r.count)).toEqual([
      brute.rectifications.length - closed.length - overdue.length,
      overdue.length,
      closed.length,
    ]);
    const alertsAnswer = (await client.get(`/api/stats/alerts?${CUSTOM}`)).json;
    const openAlerts = table(alertsAnswer, 'alerts').rows.reduce((s, r) => s + (r.open as number), 0);
    expect(openAlerts).toBe(brute.alerts.filter((a) => a.state === 'open').length);
  });

  it('give the supervisor its region across enterprises, with a ranking of enterprises', async () => {
    const client = await signIn('nanjing');
    const brute = bruteForce(server, { regionPrefix: '3201' }, '2025-04', '2026-03');
    const insp = (await client.get(`/api/stats/inspections?${CUSTOM}`)).json;
    const sum = (key: string) => table(insp, 'trend').rows.reduce((s, r) => s + (r[key] as number), 0);
    expect(sum('enterprise') + sum('self') + sum('monthly') + sum('spot')).toBe(brute.inPeriod.length);
    const ranking = (await client.get('/api/stats/ranking')).json;
    const rows = table(ranking, 'ranking').rows;
    const constructors = new Set(brute.inConstruction.map((p) => p.constructorName));
    expect(rows.map((r) => r.enterprise).sort()).toEqual([...constructors].sort());
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    const completions = rows.map((r) => r.completion as number);
    expect(completions).toEqual([...completions].sort((a, b) => b - a));
  });

  it('follow a deleted inspection at the next read (the rollup refreshes what changed)', async () => {
    const client = await signIn(DIRECTOR);
    const before = table((await client.get(`/api/stats/inspections?${CUSTOM}`)).json, 'trend').rows;
    const { db } = server.deps.database;
    const victim = bruteForce(server, { enterpriseId }, '2025-04', '2026-03').inPeriod.find(
      (i) => i.findingCount > 0,
    )!;
    db.update(inspections).set({ deletedAt: server.clock.now }).where(eq(inspections.id, victim.id)).run();
    const after = table((await client.get(`/api/stats/inspections?${CUSTOM}`)).json, 'trend').rows;
    const month = victim.date.slice(0, 7);
    const was = before.find((r) => r.month === month)!;
    const now = after.find((r) => r.month === month)!;
    expect(now[victim.origin]).toBe((was[victim.origin] as number) - 1);
    expect(now.findings).toBe((was.findings as number) - victim.findingCount);
    server.clock.advance(1000);
    db.update(inspections)
      .set({ deletedAt: null, materializedAt: server.clock.now })
      .where(eq(inspections.id, victim.id))
      .run();
    const restored = table((await client.get(`/api/stats/inspections?${CUSTOM}`)).json, 'trend').rows;
    expect(restored).toEqual(before);
  });
});

describe('statistics access', () => {
  it('never shows a director another enterprise’s records, even when asked for its project', async () => {
    const client = await signIn(DIRECTOR);
    const { db } = server.deps.database;
    const foreign = db.select().from(projects).where(eq(projects.enterpriseId, otherEnterpriseId)).all();
    expect(foreign.length).toBeGreaterThan(0);
    const filing = foreign[0]!.filingNumber;
    const answer = (await client.get(`/api/stats/inspections?${CUSTOM}&project=${filing}`)).json;
    expect(table(answer, 'trend').rows.every((r) => r.enterprise === 0 && r.self === 0 && r.spot === 0)).toBe(
      true,
    );
    const records = (
      await client.get(`/api/stats/records?kind=inspections&${CUSTOM}&projectId=${foreign[0]!.id}`)
    ).json;
    expect(records.total).toBe(0);
    const own = (await client.get(`/api/stats/records?kind=projects`)).json;
    expect(own.total).toBe(
      db.select().from(projects).where(eq(projects.enterpriseId, enterpriseId)).all().length,
    );
    expect(
      own.rows.some((r: { filingNumber: string }) => foreign.some((f) => f.filingNumber === r.filingNumber)),
    ).toBe(false);
  });

  it('refuses the ranking to a director and every figure to inspectors and project departments', async () => {
    expect((await (await signIn(DIRECTOR)).get('/api/stats/ranking')).status).toBe(403);
    expect((await (await signIn('13800000001')).get('/api/stats/projects')).status).toBe(403);
    expect((await (await signIn('3201002025001')).get('/api/stats/inspections')).status).toBe(403);
    expect((await new TestClient(server.url).get('/api/stats/projects')).status).toBe(401);
  });

  it('refuses malformed periods with a zh-CN message', async () => {
    const res = await (
      await signIn(DIRECTOR)
    ).get('/api/stats/inspections?period=custom&from=2026-05&to=2026-01');
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('起始月份晚于截止月份');
  });
});

describe('statistics drill-down and export', () => {
  it('lists exactly the records behind a figure', async () => {
    const client = await signIn(DIRECTOR);
    const brute = bruteForce(server, { enterpriseId }, '2025-04', '2026-03');
    const insp = (await client.get(`/api/stats/inspections?${CUSTOM}`)).json;
    const row = table(insp, 'trend').rows.find((r) => (r.enterprise as number) > 0)!;
    const records = (await client.get(`/api/stats/records?${row.drill}&${CUSTOM}`)).json;
    const want = brute.inPeriod.filter((i) => i.date.startsWith(row.month as string));
    expect(records.total).toBe(want.length);
    const band = table(insp, 'scores').rows.find((r) => (r.count as number) > 0)!;
    const banded = (await client.get(`/api/stats/records?${band.drill}&${CUSTOM}`)).json;
    expect(banded.total).toBe(band.count);
    expect(banded.rows[0].link).toMatch(/^\/inspections\/[0-9a-f-]{36}$/);
    const findings = (await client.get(`/api/stats/findings?${CUSTOM}`)).json;
    const item = table(findings, 'deductions').rows[0]!;
    const withItem = (await client.get(`/api/stats/records?${item.drill}&${CUSTOM}`)).json;
    const [tableId, itemId] = new URLSearchParams(item.drill as string).get('item')!.split('|');
    const { db } = server.deps.database;
    const ids = new Set(brute.inPeriod.map((i) => i.id));
    const holding = new Set(
      db.query.inspectionFindings
        .findMany()
        .sync()
        .filter(
          (f) =>
            ids.has(f.inspectionId) && f.kind === 'deduction' && f.tableId === tableId && f.itemId === itemId,
        )
        .map((f) => f.inspectionId),
    );
    expect(withItem.total).toBe(holding.size);
  });

  it('exports a table as .xlsx with the same figures', async () => {
    const client = await signIn(DIRECTOR);
    const answer = (await client.get(`/api/stats/projects`)).json;
    const res = await fetch(`${server.url}/api/stats/projects.xlsx?table=project-status`, {
      headers: { cookie: client.cookieHeader },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, '状态', '项目数', '占比（%）']);
    const counts = [4, 5, 6].map((r) => sheet.getRow(r).getCell(2).value);
    expect(counts).toEqual(table(answer, 'project-status').rows.map((r) => r.count));
  });
});

// Last: it makes no HTTP request for several seconds, after which the server has closed idle keep-alive sockets.
describe('statistics pre-aggregation', () => {
  it('are the same from the pre-aggregation as from the base rows, for every section and both roles', async () => {
    const { db } = server.deps.database;
    const today = shanghaiDate(server.clock.now);
    const year = today.slice(0, 4);
    // 本年 and all of the year read the year rollup; January to last month has inspections after it and must not.
    const lastMonth = `${year}-${String(Math.max(1, Number(today.slice(5, 7)) - 1)).padStart(2, '0')}`;
    const periods = [
      CUSTOM,
      `${CUSTOM}&region=320105`,
      'period=year',
      `period=custom&from=${year}-01&to=${year}-12`,
      `period=custom&from=${year}-01&to=${lastMonth}`,
    ];
    for (const login of [DIRECTOR, 'nanjing', 'jiangsu']) {
      const user = db.select().from(users).where(eq(users.login, login)).get()!;
      for (const query of periods) {
        const c = { req: { query: (k: string) => new URLSearchParams(query).get(k) ?? undefined } };
        const filter = statsFilterParams(c as never, server.clock.now);
        for (const section of ['inspections', 'findings', ...(login === DIRECTOR ? [] : ['ranking'])]) {
          const rollup = await statsSection(db, user as never, section, filter, server.clock.now);
          const base = await statsSection(db, user as never, section, filter, server.clock.now, {
            source: 'base',
          });
          expect(rollup.tables, `${login} ${section} ${query}`).toEqual(base.tables);
        }
      }
    }
  });
});
