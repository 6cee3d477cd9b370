import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { defaultLimits } from '../src/config.js';
import { auditLog, projects, regions } from '../src/db/schema/index.js';
import { addSupervisor } from '../src/admin/supervisors.js';
import { runMaintenance } from '../src/admin/maintenance.js';
import { enterpriseRegistration } from './factories.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
let directorA: TestClient;
let directorB: TestClient;
const DAY = 24 * 60 * 60 * 1000;
const A = '91320100MA1MXX0A01';
const B = '91350100M000100Y43';

async function signedIn(login: string, password: string) {
  const client = new TestClient(server.url);
  const res = await client.post('/api/auth/login', { login, password });
  expect(res.status).toBe(200);
  return client;
}

beforeEach(async () => {
  server = await startTestServer({ limits: { ...defaultLimits, sessionIdleMs: 365 * DAY } });
  const { db } = server.deps.database;
  db.insert(regions)
    .values([
      { code: '320100', name: '南京市' },
      { code: '320102', name: '玄武区', parentCode: '320100' },
      { code: '320200', name: '无锡市' },
    ])
    .run();
  const project = (id: string, filingNumber: string, regionCode: string, constructorCreditCode: string) =>
    db
      .insert(projects)
      .values({
        id,
        filingNumber,
        name: `项目${id}`,
        regionCode,
        constructorCreditCode,
        constructorName: 'x',
        status: 'in_construction',
      })
      .run();
  project('p-1', '3201002026001', '320102', A);
  project('p-2', '3202002026001', '320200', B);
  const anonymous = new TestClient(server.url);
  await anonymous.post('/api/auth/register', enterpriseRegistration());
  server.clock.advance(DAY);
  await anonymous.post(
    '/api/auth/register',
    enterpriseRegistration({ creditCode: B, contactPhone: '13812345679' }),
  );
  directorA = await signedIn(A, 'Anquan2026');
  directorB = await signedIn(B, 'Anquan2026');
  expect(
    (
      await directorA.post('/api/members', {
        role: 'inspector',
        name: '李检查',
        phone: '13912345678',
        password: 'Inspect2026',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await directorA.post('/api/members', {
        role: 'project',
        filingNumber: '3201002026001',
        password: 'Project2026',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await directorB.post('/api/members', {
        role: 'project',
        filingNumber: '3202002026001',
        password: 'Project2026',
      })
    ).status,
  ).toBe(201);
  await anonymous.post('/api/auth/login', { login: '13912345678', password: 'Wrong12345' });
  await anonymous.post('/api/auth/login', { login: '3201002026001', password: 'Wrong12345' });
  await anonymous.post('/api/auth/login', { login: '3202002026001', password: 'Wrong12345' });
}, 120_000); // a dozen argon2 hashes: seconds on a busy machine
afterEach(() => server.dispose());

describe('GET /api/audit (安全审计)', { timeout: 60_000 }, () => {
  it('shows the enterprise account its own users’ events, newest first, with zh-CN labels, and nothing of others', async () => {
    const res = await directorA.get('/api/audit?pageSize=200');
    expect(res.status).toBe(200);
    const types = res.json.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['enterprise.registered', 'member.created', 'login.failed', 'login.succeeded']),
    );
    expect(res.json.total).toBe(res.json.events.length);
    const failed = res.json.events.find((e: { type: string; detail: unknown }) => e.type === 'login.failed');
    expect(failed).toMatchObject({ typeLabel: '登录失败', ip: expect.any(String) });
    expect(failed.actor).toMatchObject({ login: expect.stringMatching(/^(13912345678|3201002026001)$/) });
    const created = res.json.events.find((e: { type: string }) => e.type === 'member.created');
    expect(created.actor).toEqual({ id: expect.any(String), login: A, name: '江苏安建建设集团有限公司' });
    expect(created.target).toMatch(/（(13912345678|3201002026001)）$/);
    const ats = res.json.events.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(JSON.stringify(res.json)).not.toContain(B);
    expect(JSON.stringify(res.json)).not.toContain('3202002026001');
  });

  it('filters by type, actor, Asia/Shanghai dates and pages', async () => {
    const failed = await directorA.get('/api/audit?type=login.failed');
    expect(failed.json.events.every((e: { type: string }) => e.type === 'login.failed')).toBe(true);
    expect(failed.json.total).toBe(2);
    const byActor = await directorA.get('/api/audit?actor=139123');
    expect(byActor.json.events.map((e: { actor: { login: string } }) => e.actor.login)).toEqual([
      '13912345678',
    ]);
    // Registration happened on 2026-03-15 (10:00 in Shanghai), everything else a day later.
    const firstDay = await directorA.get('/api/audit?from=2026-03-15&to=2026-03-15');
    expect(firstDay.json.events.map((e: { type: string }) => e.type)).toEqual(['enterprise.registered']);
    const later = await directorA.get('/api/audit?from=2026-03-16');
    expect(later.json.total).toBe((await directorA.get('/api/audit')).json.total - 1);
    const page = await directorA.get('/api/audit?page=2&pageSize=2');
    expect(page.json).toMatchObject({ page: 2, pageSize: 2, total: later.json.total + 1 });
    expect(page.json.events).toHaveLength(2);
    expect((await directorA.get('/api/audit?from=2026-02-30')).json.error).toMatchObject({
      code: 'invalid_date',
      field: 'from',
    });
    expect((await directorA.get('/api/audit?type=nope')).status).toBe(400);
  });

  it('shows a supervisor its region’s projects’ events only, and refuses everyone else', async () => {
    await addSupervisor(server.deps, {
      login: 'nanjing-jd',
      name: '南京市监督站',
      regionCode: '320100',
      password: 'Jiandu#2026',
    });
    await addSupervisor(server.deps, {
      login: 'wuxi-jd',
      name: '无锡市监督站',
      regionCode: '320200',
      password: 'Jiandu#2026',
    });
    const nanjing = await signedIn('nanjing-jd', 'Jiandu#2026');
    const seen = (await nanjing.get('/api/audit')).json;
    expect(seen.total).toBeGreaterThan(0);
    const text = JSON.stringify(seen);
    expect(text).toContain('3201002026001');
    expect(text).not.toContain('3202002026001');
    expect(text).not.toContain('13912345678'); // an inspector belongs to the enterprise, not to a project
    const wuxi = (await (await signedIn('wuxi-jd', 'Jiandu#2026')).get('/api/audit')).json;
    expect(JSON.stringify(wuxi)).toContain('3202002026001');
    expect(JSON.stringify(wuxi)).not.toContain('3201002026001');
    const inspector = await signedIn('13912345678', 'Inspect2026');
    expect((await inspector.get('/api/audit')).status).toBe(403);
    expect((await inspector.get('/api/audit/export.xlsx')).status).toBe(403);
    expect((await new TestClient(server.url).get('/api/audit')).status).toBe(401);
  });

  it('exports the same filtered rows as .xlsx with Shanghai times', async () => {
    const response = await fetch(`${server.url}/api/audit/export.xlsx?type=login.failed`, {
      headers: { cookie: directorA.cookieHeader },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="anguan-audit-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('安全审计');
    const rows = sheet?.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual(['时间', '事件', '操作人', '账号', '对象', 'IP 地址', '详情']);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[2]).toBe('登录失败');
    expect(rows[1]?.[1]).toBe('2026-03-16 10:00:00');
  });
});

describe('audit retention', () => {
  it('is never editable through the API and keeps every row younger than six months whatever the setting', async () => {
    const { db } = server.deps.database;
    const now = server.clock.now.getTime();
    const at = (days: number) => new Date(now - days * DAY);
    db.insert(auditLog)
      .values([
        { event: 'login.failed', at: at(200), ip: 'x', enterpriseId: 'e' },
        { event: 'login.failed', at: at(182), ip: 'y', enterpriseId: 'e' },
      ])
      .run();
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await directorA.request(method, '/api/audit/1', {});
      expect(res.status).toBe(404);
    }
    const shortRetention = {
      ...server.deps,
      config: { ...server.deps.config, limits: { ...defaultLimits, auditRetentionMs: DAY } },
    };
    expect((await runMaintenance(shortRetention)).auditRows).toBe(1);
    const left = db.select().from(auditLog).all();
    expect(left.some((r) => r.ip === 'x')).toBe(false);
    expect(left.some((r) => r.ip === 'y')).toBe(true);
    expect(left.length).toBeGreaterThan(5);
  });
});
