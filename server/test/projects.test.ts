import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { projects } from '../src/db/schema/index.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await loadDemo(server.deps);
}, 120_000);
afterAll(() => server.dispose());

async function as(login: string) {
  const client = new TestClient(server.url);
  expect((await client.post('/api/auth/login', { login, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}

const filingNumbers = (res: { json: { projects: { filingNumber: string }[] } }) =>
  res.json.projects.map((p) => p.filingNumber);

/** Every page of the caller's list. */
async function allPages(client: TestClient, query = '') {
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(`/api/projects?pageSize=100&page=${page}${query}`);
    expect(res.status).toBe(200);
    found.push(...filingNumbers(res));
    if (found.length >= res.json.total) return found;
  }
}

/** The database's answer, to compare the API with. */
function filingsWhere(match: (p: typeof projects.$inferSelect) => boolean) {
  return server.deps.database.db
    .select()
    .from(projects)
    .all()
    .filter(match)
    .map((p) => p.filingNumber)
    .sort();
}

const ANJIAN = '91320100MA1MXX0A01';

describe('which projects each role sees', () => {
  it('an enterprise sees every project it builds, and only those', async () => {
    const director = await as(ANJIAN);
    const list = await allPages(director);
    expect(list.sort()).toEqual(filingsWhere((p) => p.constructorCreditCode === ANJIAN));
    expect(list).toContain('3201002025001');
    expect(list).not.toContain('3205832025021');
  });

  it('an inspector sees its enterprise’s projects', async () => {
    const inspector = await as('13800000001');
    expect((await allPages(inspector)).sort()).toEqual(
      filingsWhere((p) => p.constructorCreditCode === ANJIAN),
    );
  });

  it('a project department sees only its own project', async () => {
    const department = await as('3201002025001');
    expect(filingNumbers(await department.get('/api/projects'))).toEqual(['3201002025001']);
  });

  it('a supervisor sees the projects of its region, of every enterprise', async () => {
    const kunshan = await as('kunshan');
    const inKunshan = await allPages(kunshan);
    expect(inKunshan.sort()).toEqual(filingsWhere((p) => p.regionCode === '320583'));
    expect(inKunshan).toEqual(expect.arrayContaining(['3205832025021', '3205832025030']));
    const nanjing = await as('nanjing');
    const list = await allPages(nanjing);
    expect(list.sort()).toEqual(filingsWhere((p) => p.regionCode!.startsWith('3201')));
    const constructors = new Set(
      server.deps.database.db
        .select()
        .from(projects)
        .all()
        .filter((p) => list.includes(p.filingNumber))
        .map((p) => p.constructorCreditCode),
    );
    expect(constructors.size).toBeGreaterThan(1);
  });

  it('filters by status', async () => {
    const director = await as(ANJIAN);
    const list = await allPages(director, '&status=in_construction');
    expect(list.sort()).toEqual(
      filingsWhere((p) => p.constructorCreditCode === ANJIAN && p.status === 'in_construction'),
    );
    expect((await director.get('/api/projects?status=nonsense')).status).toBe(400);
  });
});

describe('the region filter’s choices', () => {
  it('are every region the caller has projects in, named with their city, and no other', async () => {
    const director = await as(ANJIAN);
    const res = await director.get('/api/projects/regions');
    expect(res.status).toBe(200);
    const codes = (res.json.regions as { code: string }[]).map((r) => r.code);
    const own = [
      ...new Set(
        server.deps.database.db
          .select()
          .from(projects)
          .all()
          .filter((p) => p.constructorCreditCode === ANJIAN)
          .map((p) => p.regionCode),
      ),
    ].sort();
    expect(codes).toEqual(own);
    expect(res.json.regions[0]).toMatchObject({
      name: expect.any(String),
      city: { code: expect.stringMatching(/00$/) },
    });
    const department = await as('3201002025001');
    expect((await department.get('/api/projects/regions')).json.regions).toHaveLength(1);
    expect((await new TestClient(server.url).get('/api/projects/regions')).status).toBe(401);
  });
});

describe('one project', () => {
  it('opens by id or by 监督备案号 for those who may read it', async () => {
    const director = await as('91320100MA1MXX0A01');
    const byFiling = await director.get('/api/projects/3201002025001');
    expect(byFiling.json.project).toMatchObject({
      name: '河西南部安置房一期（A地块）',
      region: { name: '建邺区', city: { name: '南京市' } },
    });
    const byId = await director.get(`/api/projects/${byFiling.json.project.id}`);
    expect(byId.json.project.filingNumber).toBe('3201002025001');
  });

  it('is not found for another enterprise', async () => {
    const rival = await as('92320583L9UQ0T1R04');
    expect((await rival.get('/api/projects/3201002025001')).status).toBe(404);
  });

  it('needs a session', async () => {
    expect((await new TestClient(server.url).get('/api/projects')).status).toBe(401);
  });
});
