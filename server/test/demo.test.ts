import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { count, eq, isNull } from 'drizzle-orm';
import * as Y from 'yjs';
import { documentToJSON, parseDocName } from '@anguan/model';
import { docSnapshots, documents, projects, regions, users } from '../src/db/schema/index.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { UNREGISTERED_CREDIT_CODE } from '../src/demo/demo-projects.js';
import { SqliteUpdateLog } from '../src/sync/update-log.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

/** The demo province, loaded once with the test clock's "today" (2026-03-15 in Asia/Shanghai). */
const TODAY = '2026-03-15';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await loadDemo(server.deps);
}, 120_000);
afterAll(() => server.dispose());

const daysBefore = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

async function signIn(login: string) {
  const client = new TestClient(server.url);
  const res = await client.post('/api/auth/login', { login, password: DEMO_PASSWORD });
  expect(res.status, login).toBe(200);
  return client;
}

describe('the demo province', () => {
  it('has the README’s working accounts of every role', async () => {
    const accounts = [
      ['91320100MA1MXX0A01', 'enterprise'],
      ['92320583L9UQ0T1R04', 'enterprise'],
      ['91350100M000100Y43', 'enterprise'],
      ['13800000001', 'inspector'],
      ['13800000002', 'inspector'],
      ['3201002025001', 'project'],
      ['nanjing', 'supervisor'],
      ['kunshan', 'supervisor'],
      ['suzhou', 'supervisor'],
    ] as const;
    for (const [login, role] of accounts) {
      const res = await (await signIn(login)).get('/api/auth/me');
      expect(res.json.user.role, login).toBe(role);
    }
  });

  it('holds the projects DESIGN promises, relative to the injected today', () => {
    const all = server.deps.database.db.select().from(projects).all();
    const completedOld = all.filter(
      (p) => p.status === 'completed' && p.completionFilingDate! < daysBefore(30),
    );
    const completedRecent = all.filter(
      (p) => p.status === 'completed' && p.completionFilingDate! >= daysBefore(30),
    );
    const overdue = all.filter(
      (p) => p.status === 'in_construction' && p.expectedCompletionDate! < daysBefore(90),
    );
    expect(completedOld.map((p) => p.filingNumber)).toContain('3201002023052');
    expect(completedRecent.map((p) => p.filingNumber)).toContain('3201132025090');
    expect(overdue.map((p) => p.filingNumber)).toContain('3201022024088');
    expect(all.every((p) => !p.completionFilingDate || p.completionFilingDate <= TODAY)).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.some((p) => p.status === 'terminated')).toBe(true);
    expect(all.some((p) => p.special && p.requiredInspectionsPerYear > 3)).toBe(true);
  });

  it('spans two cities with districts, each with its station', () => {
    const { db } = server.deps.database;
    const districts = (city: string) => db.select().from(regions).where(eq(regions.parentCode, city)).all();
    expect(districts('320100').length).toBeGreaterThan(2);
    expect(districts('320500').length).toBeGreaterThan(2);
    const stations = db
      .select()
      .from(users)
      .where(eq(users.role, 'supervisor'))
      .all()
      .map((u) => u.regionCode);
    expect(stations).toEqual(expect.arrayContaining(['320100', '320500']));
  });

  it('links every registered constructor’s projects, in both orders of registration', () => {
    const { db } = server.deps.database;
    const unlinked = db.select().from(projects).where(isNull(projects.enterpriseId)).all();
    expect(unlinked.length).toBeGreaterThan(0);
    expect(unlinked.every((p) => p.constructorCreditCode === UNREGISTERED_CREDIT_CODE)).toBe(true);
    const accounts = db.select().from(users).where(eq(users.role, 'project')).all();
    expect(accounts).toHaveLength(db.select({ n: count() }).from(projects).get()!.n);
  });

  it('stores a year of documents of all four origins and methods, sealed ones as the snapshot they were hashed from', () => {
    const { db, sqlite } = server.deps.database;
    const rows = db.select().from(documents).all();
    const inspections = rows.filter((r) => r.kind === 'inspection');
    expect(new Set(inspections.map((r) => r.origin))).toEqual(
      new Set(['self', 'monthly', 'enterprise', 'spot']),
    );
    expect(new Set(inspections.map((r) => r.method))).toEqual(
      new Set(['terms', 'internal', 'jgj59', 'dust']),
    );
    expect(inspections.some((r) => r.sealedAt === null)).toBe(true);
    expect(rows.some((r) => r.kind === 'rectification')).toBe(true);
    const log = new SqliteUpdateLog(sqlite);
    for (const row of rows.filter((_, i) => i % 25 === 0)) {
      const stored = log.load(row.name);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      const json = documentToJSON(parseDocName(row.name).kind, doc);
      if (json.kind === 'inspection') {
        expect(json.meta).toMatchObject({ origin: row.origin, method: row.method, projectId: row.projectId });
        expect(json.meta!.date >= daysBefore(366) && json.meta!.date <= TODAY).toBe(true);
      }
      if (row.sealedAt) {
        const snapshot = db.select().from(docSnapshots).where(eq(docSnapshots.docName, row.name)).get()!;
        expect(createHash('sha256').update(snapshot.state).digest('hex')).toBe(row.sealedHash);
      }
    }
  });

  it('shows 超危大 works with gaps and equipment, and leaves projects without this month’s evaluation', async () => {
    const director = await signIn('91320100MA1MXX0A01');
    const gaps = await director.get('/api/dangerous-works?gap=any&pageSize=100');
    expect(gaps.json.total).toBeGreaterThan(0);
    const clean = await director.get('/api/dangerous-works?gap=none&pageSize=100');
    expect(clean.json.total).toBeGreaterThan(0);
    const department = await signIn('3201002025001');
    const overview = await department.get('/api/projects/3201002025001/overview');
    expect(overview.status).toBe(200);
    const pending = await director.get('/api/monthly-evaluations?pageSize=100');
    expect(
      pending.json.items.map((i: { project: { filingNumber: string } }) => i.project.filingNumber),
    ).toContain('3201002025014');
  });

  it('is the same province for the same today (seeded)', async () => {
    const other = await startTestServer();
    try {
      await loadDemo(other.deps);
      const names = (s: TestServer) =>
        s.deps.database.db
          .select()
          .from(documents)
          .where(eq(documents.kind, 'inspection'))
          .all()
          .map((d) => d.name)
          .sort();
      const filings = (s: TestServer) =>
        s.deps.database.db
          .select()
          .from(projects)
          .all()
          .map((p) => `${p.filingNumber} ${p.name} ${p.status}`)
          .sort();
      expect(names(other)).toEqual(names(server));
      expect(filings(other)).toEqual(filings(server));
    } finally {
      await other.dispose();
    }
  }, 120_000);

  it('refuses to load twice into the same database', async () => {
    await expect(loadDemo(server.deps)).rejects.toThrow(/empty/);
  });
});
