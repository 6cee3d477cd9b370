import { createHash } from 'node:crypto';
import { hashSecret } from '../src/auth/passwords.js';
import { enterprises, inspections, projects, users } from '../src/db/schema/index.js';
import { PASSWORD, seedRegionsAndSupervisors, signIn } from './registry-fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './test-server.js';

/** A real server with 南京/昆山 supervisors, one enterprise (director, inspector) and two 南京 projects. */
export interface TerminationWorld {
  server: TestServer;
  enterpriseId: string;
  /** Completed 2026-03-10 (竣工备案), its department account `3201052026001`. */
  completedId: string;
  /** In construction since 2026-01-01. */
  buildingId: string;
  login(who: 'director' | 'inspector' | 'department' | 'nanjing' | 'kunshan'): Promise<TestClient>;
  addInspection(
    projectId: string,
    origin: 'enterprise' | 'monthly' | 'spot',
    date: string,
    extra?: object,
  ): Promise<string>;
}

const LOGINS = {
  director: '91320100MA1MXX0A01',
  inspector: '13800000001',
  department: '3201052026001',
  nanjing: 'nanjing',
  kunshan: 'kunshan',
} as const;

export async function terminationWorld(now = new Date('2026-03-20T02:00:00Z')): Promise<TerminationWorld> {
  const server = await startTestServer();
  server.clock.now = now;
  const { db } = server.deps.database;
  await seedRegionsAndSupervisors(server.deps);
  const passwordHash = await hashSecret(PASSWORD);
  const enterpriseId = crypto.randomUUID();
  await db.insert(enterprises).values({
    id: enterpriseId,
    creditCode: LOGINS.director,
    name: '江苏安建建设集团有限公司',
    contactName: '王建国',
    contactIdHash: 'x',
    contactIdMasked: 'x',
    contactPhone: '13812345678',
    createdAt: now,
  });
  const base = {
    regionCode: '320105',
    constructorCreditCode: LOGINS.director,
    constructorName: '江苏安建建设集团有限公司',
    enterpriseId,
    registeredAt: new Date('2025-12-01T02:00:00Z'),
    expectedCompletionDate: '2027-06-30',
  };
  await db.insert(projects).values([
    {
      ...base,
      id: 'p-done',
      filingNumber: LOGINS.department,
      name: '建邺区滨江住宅一期',
      status: 'completed',
      startDate: '2025-06-01',
      completionFilingDate: '2026-03-10',
    },
    {
      ...base,
      id: 'p-build',
      filingNumber: '3201052026002',
      name: '建邺区江心洲学校',
      status: 'in_construction',
      startDate: '2026-01-01',
    },
  ]);
  const user = (role: 'enterprise' | 'inspector' | 'project', login: string, extra = {}) =>
    db.insert(users).values({
      id: crypto.randomUUID(),
      role,
      login,
      passwordHash,
      displayName: role === 'inspector' ? '李检查' : login,
      enterpriseId,
      createdAt: now,
      passwordChangedAt: now,
      ...extra,
    });
  await user('enterprise', LOGINS.director);
  await user('inspector', LOGINS.inspector);
  await user('project', LOGINS.department, { projectId: 'p-done' });
  const creator = (await db.select({ id: users.id }).from(users).limit(1))[0]!.id;
  return {
    server,
    enterpriseId,
    completedId: 'p-done',
    buildingId: 'p-build',
    login: (who) => signIn(server.url, LOGINS[who]),
    async addInspection(projectId, origin, date, extra = {}) {
      const id = crypto.randomUUID();
      await db.insert(inspections).values({
        id,
        docName: `inspection:${id}`,
        projectId,
        origin,
        method: origin === 'monthly' ? 'internal' : 'jgj59',
        date,
        status: 'completed',
        inspectors: '[]',
        rectificationRequired: false,
        findingCount: 0,
        createdByUserId: creator,
        createdAt: server.clock.now,
        materializedAt: server.clock.now,
        ...extra,
      } as typeof inspections.$inferInsert);
      return id;
    },
  };
}

export const pngBytes = (seed: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR ${seed}`)]);
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Uploads bytes as the client's user through PUT /api/blobs/<sha256>; returns the hash. */
export async function upload(server: TestServer, client: TestClient, bytes: Uint8Array): Promise<string> {
  const hash = sha256(bytes);
  const res = await fetch(`${server.url}/api/blobs/${hash}`, {
    method: 'PUT',
    headers: { origin: server.url, cookie: client.cookieHeader, 'content-type': 'image/png' },
    body: bytes,
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload failed: ${res.status}`);
  return hash;
}
