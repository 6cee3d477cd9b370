import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { projects, users } from '../src/db/schema/index.js';
import { enterpriseRegistration } from './factories.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';
import {
  ANJIAN,
  HONGDA,
  projectInput,
  projectWorkbook,
  seedRegionsAndSupervisors,
  signIn,
  upload,
  XLSX,
} from './registry-fixtures.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await seedRegionsAndSupervisors(server.deps);
});
afterEach(() => server.dispose());

async function registerEnterprise() {
  const res = await new TestClient(server.url).post('/api/auth/register', enterpriseRegistration());
  expect(res.status).toBe(201);
}

const projectCount = () => server.deps.database.db.select({ n: count() }).from(projects).get()!.n;

describe('registering a project (监督备案)', () => {
  it('a supervisor registers a project of its region, with a project-department account', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const res = await nanjing.post('/api/registry/projects', projectInput({ special: true }));
    expect(res.status).toBe(201);
    expect(res.json.project).toMatchObject({
      filingNumber: '3201052026001',
      status: 'in_construction',
      region: { code: '320105', name: '建邺区', city: { code: '320100', name: '南京市' } },
      special: true,
      requiredInspectionsPerYear: 6,
      linked: false,
    });
    const account = server.deps.database.db
      .select()
      .from(users)
      .where(eq(users.login, '3201052026001'))
      .get();
    expect(account).toMatchObject({ role: 'project', projectId: res.json.project.id, enterpriseId: null });
  });

  it('refuses a region outside the supervisor’s, a taken 备案号 and an invalid credit code', async () => {
    const kunshan = await signIn(server.url, 'kunshan');
    const outside = await kunshan.post('/api/registry/projects', projectInput());
    expect(outside).toMatchObject({ status: 403, json: { error: { code: 'region_forbidden' } } });
    const nanjing = await signIn(server.url, 'nanjing');
    expect((await nanjing.post('/api/registry/projects', projectInput())).status).toBe(201);
    const again = await nanjing.post('/api/registry/projects', projectInput({ name: '另一个' }));
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'filing_number_taken' } } });
    const badCode = await nanjing.post(
      '/api/registry/projects',
      projectInput({ filingNumber: '3201052026002', constructorCreditCode: '91320100MA1MXX0A02' }),
    );
    expect(badCode).toMatchObject({ status: 400, json: { error: { field: 'constructorCreditCode' } } });
    expect(projectCount()).toBe(1);
  });

  it('is for supervisors only', async () => {
    await registerEnterprise();
    const director = await signIn(server.url, ANJIAN);
    expect((await director.post('/api/registry/projects', projectInput())).status).toBe(403);
    expect((await new TestClient(server.url).post('/api/registry/projects', projectInput())).status).toBe(
      401,
    );
  });
});

describe('linking a project to its enterprise', () => {
  it('links when the project is registered after the enterprise', async () => {
    await registerEnterprise();
    const director = await signIn(server.url, ANJIAN);
    const nanjing = await signIn(server.url, 'nanjing');
    expect((await nanjing.post('/api/registry/projects', projectInput())).json.project.linked).toBe(true);
    const list = await director.get('/api/projects');
    expect(list.json.projects.map((p: { filingNumber: string }) => p.filingNumber)).toEqual([
      '3201052026001',
    ]);
    const members = await director.get('/api/members');
    expect(members.json.members).toEqual([
      expect.objectContaining({ role: 'project', login: '3201052026001', passwordIssued: false }),
    ]);
  });

  it('links when the enterprise registers after the project, and the department signs in with the issued password', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    await nanjing.post('/api/registry/projects', projectInput());
    // Before any password is issued nobody can sign in as the department.
    const early = await new TestClient(server.url).post('/api/auth/login', {
      login: '3201052026001',
      password: 'Anquan2026',
    });
    expect(early.status).toBe(401);
    await registerEnterprise();
    const director = await signIn(server.url, ANJIAN);
    expect((await director.get('/api/projects')).json.total).toBe(1);
    const [member] = (await director.get('/api/members')).json.members;
    const issued = await director.post(`/api/members/${member.id}/initial-password`);
    expect(issued.status).toBe(200);
    expect((await director.post(`/api/members/${member.id}/initial-password`)).status).toBe(409);
    const department = await signIn(server.url, '3201052026001', issued.json.password);
    expect((await department.get('/api/projects')).json.projects[0].filingNumber).toBe('3201052026001');
  });

  it('does not link another enterprise’s projects', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    await nanjing.post('/api/registry/projects', projectInput({ constructorCreditCode: HONGDA }));
    await registerEnterprise();
    const director = await signIn(server.url, ANJIAN);
    expect((await director.get('/api/projects')).json.total).toBe(0);
  });
});

describe('importing projects', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      projectInput({ filingNumber: `32010520260${String(i + 10).padStart(2, '0')}`, name: `项目${i}` }),
    );

  it('imports every row of a valid file', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const res = await upload(nanjing, '/api/registry/projects/import', await projectWorkbook(rows(5)), XLSX);
    expect(res).toMatchObject({ status: 200, json: { imported: 5 } });
    expect(projectCount()).toBe(5);
  });

  it('takes a file far above the JSON body limit (a 2,500-row province batch)', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const many = Array.from({ length: 2500 }, (_, i) =>
      projectInput({ filingNumber: `3201052026${String(i + 1000).padStart(4, '0')}`, name: `批量项目${i}` }),
    );
    const bytes = await projectWorkbook(many);
    expect(bytes.byteLength).toBeGreaterThan(server.deps.config.limits.maxJsonBodyBytes);
    const res = await upload(nanjing, '/api/registry/projects/import', bytes, XLSX);
    expect(res).toMatchObject({ status: 200, json: { imported: 2500 } });
    // 2,500 project-department accounts (one argon2 hash each): over 20 s on a loaded 2-core machine; the import's
    // speed is measured by bench:projects, not here.
  }, 120_000);

  it('changes nothing when one row is bad and reports its row, column and reason', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const data = rows(5);
    data[3] = { ...data[3]!, startDate: '2026-02-30' };
    const res = await upload(nanjing, '/api/registry/projects/import', await projectWorkbook(data), XLSX);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('import_invalid');
    expect(res.json.error.rows).toEqual([
      { row: 5, column: '开工日期', message: '开工日期应为有效日期，格式 YYYY-MM-DD' },
    ]);
    expect(projectCount()).toBe(0);
  });

  it('reports duplicates within the file and 备案号 already registered', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    await nanjing.post('/api/registry/projects', projectInput({ filingNumber: '3201052026010' }));
    const data = rows(3);
    data.push({ ...data[1]! });
    const res = await upload(nanjing, '/api/registry/projects/import', await projectWorkbook(data), XLSX);
    expect(res.json.error.rows).toEqual([
      { row: 2, column: '监督备案号', message: '该监督备案号已登记' },
      { row: 5, column: '监督备案号', message: '与第2条重复的监督备案号' },
    ]);
    expect(projectCount()).toBe(1);
  });

  it('reads a UTF-8 CSV with quoted fields', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const csv = [
      '\uFEFF监督备案号,项目名称,所在区县代码,施工单位,施工单位统一社会信用代码,开工日期',
      `3201062026001,"鼓楼区""幸福里""改造, 一标段",320106,江苏安建建设集团有限公司,${ANJIAN},2026/3/1`,
    ].join('\r\n');
    const res = await upload(
      nanjing,
      '/api/registry/projects/import',
      new TextEncoder().encode(csv),
      'text/csv',
    );
    expect(res).toMatchObject({ status: 200, json: { imported: 1 } });
    const row = server.deps.database.db.select().from(projects).get();
    expect(row).toMatchObject({ name: '鼓楼区"幸福里"改造, 一标段', startDate: '2026-03-01' });
  });

  it('offers a template that imports as it is', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const template = await fetch(`${server.url}/api/registry/projects/template.xlsx`, {
      headers: { cookie: nanjing.cookieHeader },
    });
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await template.arrayBuffer());
    const res = await upload(nanjing, '/api/registry/projects/import?dryRun=true', bytes, XLSX);
    expect(res).toMatchObject({ status: 200, json: { imported: 1, dryRun: true } });
    expect(projectCount()).toBe(0);
  });
});

describe('竣工备案', () => {
  it('marks a project 已竣工 with its date, and refuses future dates and other regions', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    await nanjing.post('/api/registry/projects', projectInput());
    const future = await nanjing.post('/api/registry/projects/3201052026001/completion', {
      date: '2026-03-16',
    });
    expect(future).toMatchObject({ status: 400, json: { error: { field: 'date' } } });
    const kunshan = await signIn(server.url, 'kunshan');
    expect(
      (await kunshan.post('/api/registry/projects/3201052026001/completion', { date: '2026-03-01' })).status,
    ).toBe(404);
    const done = await nanjing.post('/api/registry/projects/3201052026001/completion', {
      date: '2026-03-15',
    });
    expect(done.json.project).toMatchObject({ status: 'completed', completionFilingDate: '2026-03-15' });
  });

  it('imports completion dates all or nothing', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    await nanjing.post('/api/registry/projects', projectInput());
    const bad = '监督备案号,竣工备案日期\n3201052026001,2026-03-01\n3201052026999,2026-03-01\n';
    const res = await upload(
      nanjing,
      '/api/registry/completions/import',
      new TextEncoder().encode(bad),
      'text/csv',
    );
    expect(res.json.error.rows).toEqual([
      { row: 3, column: '监督备案号', message: '本站未登记该监督备案号' },
    ]);
    expect(server.deps.database.db.select().from(projects).get()?.status).toBe('in_construction');
    const good = '监督备案号,竣工备案日期\n3201052026001,2026-03-01\n';
    const ok = await upload(
      nanjing,
      '/api/registry/completions/import',
      new TextEncoder().encode(good),
      'text/csv',
    );
    expect(ok).toMatchObject({ status: 200, json: { imported: 1 } });
  });
});
