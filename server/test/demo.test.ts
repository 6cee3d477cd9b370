import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { projects, users } from '../src/db/schema/index.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.dispose());

describe('the demo province', () => {
  it('has one working account of every role, as the README lists them', async () => {
    await loadDemo(server.deps);
    const accounts = [
      ['91320100MA1MXX0A01', 'enterprise'],
      ['13800000001', 'inspector'],
      ['3201002025001', 'project'],
      ['nanjing', 'supervisor'],
    ] as const;
    for (const [login, role] of accounts) {
      const client = new TestClient(server.url);
      const res = await client.post('/api/auth/login', { login, password: DEMO_PASSWORD });
      expect(res.status, login).toBe(200);
      expect(res.json.user.role).toBe(role);
    }
  });

  it('links each enterprise to the projects it builds', async () => {
    await loadDemo(server.deps);
    const { db } = server.deps.database;
    const unlinked = db
      .select()
      .from(projects)
      .all()
      .filter((p) => p.enterpriseId === null);
    expect(unlinked).toEqual([]);
    const director = db.select().from(users).where(eq(users.login, '91320100MA1MXX0A01')).get();
    const own = db
      .select()
      .from(projects)
      .where(eq(projects.enterpriseId, director?.enterpriseId ?? ''))
      .all();
    expect(own.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses to load twice into the same database', async () => {
    await loadDemo(server.deps);
    await expect(loadDemo(server.deps)).rejects.toThrow(/empty/);
  });
});
