import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await loadDemo(server.deps);
});
afterAll(() => server.dispose());

async function as(login: string) {
  const client = new TestClient(server.url);
  expect((await client.post('/api/auth/login', { login, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}

const filingNumbers = (res: { json: { projects: { filingNumber: string }[] } }) =>
  res.json.projects.map((p) => p.filingNumber);

describe('which projects each role sees', () => {
  it('an enterprise sees every project it builds, and only those', async () => {
    const director = await as('91320100MA1MXX0A01');
    const list = filingNumbers(await director.get('/api/projects'));
    expect(list).toHaveLength(6);
    expect(list).toContain('3201002025001');
    expect(list).not.toContain('3205832025021');
  });

  it('an inspector sees its enterprise’s projects', async () => {
    const inspector = await as('13800000001');
    expect(filingNumbers(await inspector.get('/api/projects'))).toHaveLength(6);
  });

  it('a project department sees only its own project', async () => {
    const department = await as('3201002025001');
    expect(filingNumbers(await department.get('/api/projects'))).toEqual(['3201002025001']);
  });

  it('a supervisor sees the projects of its region, of every enterprise', async () => {
    const kunshan = await as('kunshan');
    expect(filingNumbers(await kunshan.get('/api/projects'))).toEqual(['3205832025021', '3205832025030']);
    const nanjing = await as('nanjing');
    const list = filingNumbers(await nanjing.get('/api/projects'));
    expect(list.every((f) => f.startsWith('320100'))).toBe(true);
    expect(list.length).toBeGreaterThan(0);
  });

  it('filters by status', async () => {
    const director = await as('91320100MA1MXX0A01');
    const list = filingNumbers(await director.get('/api/projects?status=in_construction'));
    expect(list).toHaveLength(5);
    expect((await director.get('/api/projects?status=nonsense')).status).toBe(400);
  });
});

describe('one project', () => {
  it('opens by id or by 监督备案号 for those who may read it', async () => {
    const director = await as('91320100MA1MXX0A01');
    const byFiling = await director.get('/api/projects/3201002025001');
    expect(byFiling.json.project).toMatchObject({
      name: '河西南部安置房一期（A地块）',
      region: { name: '南京市' },
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
