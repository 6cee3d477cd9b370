import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { enterprises, projects, regions, users } from '../src/db/schema/index.js';
import type { AppDeps } from '../src/deps.js';

export interface AlertWorld {
  deps: AppDeps;
  clock: { now: Date };
  ids: {
    enterprise: string;
    director: string;
    inspector: string;
    projectUser: string;
    supervisor: string;
    otherSupervisor: string;
  };
  addProject(overrides?: Partial<typeof projects.$inferInsert>): Promise<string>;
  dispose(): void;
}

/** Asia/Shanghai midnight of a calendar day, as an instant (UTC+8). */
export const shanghai = (date: string, time = '00:00:00') => new Date(`${date}T${time}+08:00`);

let counter = 0;

/** A real SQLite database with one enterprise (director, inspector), a project account and 南京/昆山 supervisors. */
export async function alertWorld(start = shanghai('2026-03-01', '09:00:00')): Promise<AlertWorld> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-alerts-'));
  const database = openDatabase(dataDir);
  const clock = { now: start };
  const deps: AppDeps = {
    config: { ...defaultConfig, dataDir, webRoot: null },
    database,
    now: () => clock.now,
  };
  const { db } = database;
  await db.insert(regions).values([
    { code: '320000', name: '江苏省', parentCode: null },
    { code: '320100', name: '南京市', parentCode: '320000' },
    { code: '320105', name: '建邺区', parentCode: '320100' },
    { code: '320583', name: '昆山市', parentCode: '320000' },
  ]);
  const enterprise = crypto.randomUUID();
  await db.insert(enterprises).values({
    id: enterprise,
    creditCode: '91320100MA1MXX0A01',
    name: '江苏安建建设集团有限公司',
    contactName: '王建国',
    contactIdHash: 'x',
    contactIdMasked: '3201**********0034',
    contactPhone: '13812345678',
    createdAt: start,
  });
  const user = async (
    role: 'enterprise' | 'inspector' | 'project' | 'supervisor',
    login: string,
    extra: Partial<typeof users.$inferInsert> = {},
  ) => {
    const id = crypto.randomUUID();
    await db
      .insert(users)
      .values({
        id,
        role,
        login,
        passwordHash: 'x',
        displayName: login,
        createdAt: start,
        passwordChangedAt: start,
        ...extra,
      });
    return id;
  };
  const ids = {
    enterprise,
    director: await user('enterprise', '91320100MA1MXX0A01', { enterpriseId: enterprise }),
    inspector: await user('inspector', '13800000001', { enterpriseId: enterprise }),
    projectUser: await user('project', '3201052026001', { enterpriseId: enterprise, projectId: 'p-main' }),
    supervisor: await user('supervisor', 'nanjing', { regionCode: '320100' }),
    otherSupervisor: await user('supervisor', 'kunshan', { regionCode: '320583' }),
  };
  return {
    deps,
    clock,
    ids,
    async addProject(overrides = {}) {
      const id = overrides.id ?? `p-${++counter}`;
      await db.insert(projects).values({
        id,
        filingNumber: overrides.filingNumber ?? `32010520260${String(10 + counter).padStart(2, '0')}`,
        name: '建邺区滨江住宅一期',
        regionCode: '320105',
        constructorCreditCode: '91320100MA1MXX0A01',
        constructorName: '江苏安建建设集团有限公司',
        enterpriseId: enterprise,
        status: 'in_construction',
        startDate: '2026-01-01',
        expectedCompletionDate: '2027-12-31',
        registeredAt: start,
        ...overrides,
      });
      return id;
    },
    dispose() {
      database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
