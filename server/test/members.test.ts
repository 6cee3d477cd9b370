import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, projects } from '../src/db/schema/index.js';
import { enterpriseRegistration } from './factories.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
let director: TestClient;

beforeEach(async () => {
  server = await startTestServer();
  server.deps.database.db
    .insert(projects)
    .values({
      id: 'p-1',
      filingNumber: '3201002026001',
      name: '南京河西安置房一期',
      constructorCreditCode: '91320100MA1MXX0A01',
      constructorName: '江苏安建建设集团有限公司',
      status: 'in_construction',
    })
    .run();
  director = new TestClient(server.url);
  await director.post('/api/auth/register', enterpriseRegistration());
  await director.post('/api/auth/login', { login: '91320100MA1MXX0A01', password: 'Anquan2026' });
});
afterEach(() => server.dispose());

const INSPECTOR = { role: 'inspector', name: '李检查', phone: '13912345678', password: 'Inspect2026' };
const createInspector = () => director.post('/api/members', INSPECTOR);

async function loginAs(login: string, password: string) {
  const client = new TestClient(server.url);
  const res = await client.post('/api/auth/login', { login, password });
  return { client, res };
}

describe('member management by the enterprise account', () => {
  it('creates an inspector who then logs in with the 手机号', async () => {
    const created = await director.post('/api/members', {
      role: 'inspector',
      name: '李检查',
      phone: '139 1234 5678',
      password: 'Inspect2026',
    });
    expect(created.status).toBe(201);
    expect(created.json.member).toMatchObject({ role: 'inspector', login: '13912345678', disabled: false });

    const { res } = await loginAs('13912345678', 'Inspect2026');
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ role: 'inspector', displayName: '李检查' });
    expect(res.json.user.enterprise.creditCode).toBe('91320100MA1MXX0A01');
  });

  it('creates one project-department account per project of its own, logging in with the 监督备案号', async () => {
    const created = await director.post('/api/members', {
      role: 'project',
      filingNumber: '3201002026001',
      password: 'Project2026',
    });
    expect(created.status).toBe(201);
    const { res } = await loginAs('3201002026001', 'Project2026');
    expect(res.json.user).toMatchObject({ role: 'project', project: { filingNumber: '3201002026001' } });

    const second = await director.post('/api/members', {
      role: 'project',
      filingNumber: '3201002026001',
      password: 'Project2026',
    });
    expect(second.status).toBe(409);
  });

  it('refuses a project account for a project it does not build', async () => {
    const res = await director.post('/api/members', {
      role: 'project',
      filingNumber: '3201002026999',
      password: 'Project2026',
    });
    expect(res.status).toBe(404);
    expect(res.json.error.field).toBe('filingNumber');
  });

  it('disables a member, ending its sessions and refusing its login, and enables it again', async () => {
    const { json } = await createInspector();
    const inspector = await loginAs('13912345678', 'Inspect2026');
    expect((await director.post(`/api/members/${json.member.id}/disable`)).status).toBe(204);
    expect((await inspector.client.get('/api/auth/me')).status).toBe(401);
    expect((await loginAs('13912345678', 'Inspect2026')).res.status).toBe(403);
    expect((await director.post(`/api/members/${json.member.id}/enable`)).status).toBe(204);
    expect((await loginAs('13912345678', 'Inspect2026')).res.status).toBe(200);
  });

  it('resets a member password, ending the old sessions', async () => {
    const { json } = await createInspector();
    const inspector = await loginAs('13912345678', 'Inspect2026');
    const reset = await director.post(`/api/members/${json.member.id}/password`, { password: 'NewPass2026' });
    expect(reset.status).toBe(204);
    expect((await inspector.client.get('/api/auth/me')).status).toBe(401);
    expect((await loginAs('13912345678', 'NewPass2026')).res.status).toBe(200);
  });

  it('records every member change in the audit log with actor and IP', async () => {
    const { json } = await createInspector();
    await director.post(`/api/members/${json.member.id}/disable`);
    const rows = server.deps.database.db.select().from(auditLog).all();
    const created = rows.find((r) => r.event === 'member.created');
    expect(created?.targetUserId).toBe(json.member.id);
    expect(created?.actorUserId).toBeTruthy();
    expect(created?.ip).toMatch(/127\.0\.0\.1/);
    expect(rows.map((r) => r.event)).toContain('member.disabled');
  });
});

describe('who may manage members', () => {
  it('refuses a project-department account', async () => {
    await director.post('/api/members', {
      role: 'project',
      filingNumber: '3201002026001',
      password: 'Project2026',
    });
    const { client } = await loginAs('3201002026001', 'Project2026');
    expect((await client.get('/api/members')).status).toBe(403);
    const create = await client.post('/api/members', {
      role: 'inspector',
      name: '冒充',
      phone: '13700000000',
      password: 'Inspect2026',
    });
    expect(create.status).toBe(403);
  });

  it('refuses an inspector', async () => {
    await createInspector();
    const { client } = await loginAs('13912345678', 'Inspect2026');
    expect((await client.get('/api/members')).status).toBe(403);
  });

  it('refuses anyone signed out', async () => {
    expect((await new TestClient(server.url).get('/api/members')).status).toBe(401);
  });

  it('hides another enterprise’s members as not found', async () => {
    const { json } = await createInspector();
    const rival = new TestClient(server.url);
    await rival.post(
      '/api/auth/register',
      enterpriseRegistration({
        creditCode: '91350100M000100Y43',
        name: '另一家公司',
        contactPhone: '13600000000',
      }),
    );
    await rival.post('/api/auth/login', { login: '91350100M000100Y43', password: 'Anquan2026' });
    expect((await rival.post(`/api/members/${json.member.id}/disable`)).status).toBe(404);
    expect((await rival.get('/api/members')).json.members).toEqual([]);
  });
});
