import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  initProjectDoc,
  removeDangerousWork,
  setDangerousWork,
  setEquipment,
  setWorkRecord,
} from '@anguan/model';
import {
  dangerousWorks,
  documents,
  inspections,
  projectEquipment,
  projects,
  rectifications,
} from '../src/db/schema/index.js';
import {
  api,
  clockJumpConfig,
  connectPeer,
  eventually,
  seedWorld,
  startSyncServer,
  type SyncTestServer,
  type World,
} from './sync-fixtures.js';

/**
 * Project records as the API serves them: 超危大 works materialized from the project document, 标准化月评 statistics
 * and the list's figures from inspection rows. Until the inspection materializer is merged, inspection rows are
 * inserted here as that feature would write them (a fixture of its output, not a mock).
 */

let server: SyncTestServer;
let world: World;
const clock = { now: new Date('2026-11-30T15:30:00Z') }; // 23:30 on 2026-11-30 in Asia/Shanghai

beforeEach(async () => {
  clock.now = new Date('2026-11-30T15:30:00Z');
  // The monthly tests move the clock past local midnight; the users stay signed in.
  server = await startSyncServer({ now: () => clock.now }, clockJumpConfig);
  world = seedWorld(server.deps.database.db, clock.now);
});
afterEach(() => server.dispose());

type Origin = (typeof inspections.$inferInsert)['origin'];

/** An inspection row as the inspection materializer writes it. */
function inspectionRow(
  projectId: string,
  origin: Origin,
  date: string,
  extra: Partial<typeof inspections.$inferInsert> = {},
) {
  const id = randomUUID();
  server.deps.database.db
    .insert(inspections)
    .values({
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
      createdByUserId: world.department.id,
      createdAt: clock.now,
      sealedAt: clock.now,
      materializedAt: clock.now,
      ...extra,
    })
    .run();
  return id;
}

const get = (user: World['director'], route: string) => api(server.url, user, 'GET', route);

describe('超危大 works from the project document', () => {
  it('are materialized from the synced document, listed with their gaps, and removed with their tombstone', async () => {
    const docName = `project:${world.projectId}`;
    const reg = await api(server.url, world.department, 'POST', '/api/documents', {
      name: docName,
      kind: 'project',
      projectId: world.projectId,
    });
    expect(reg.status).toBe(201);
    const peer = connectPeer(server, docName, world.department);
    await peer.synced();
    initProjectDoc(peer.doc, world.projectId);
    const pit = setDangerousWork(peer.doc, { name: '深基坑工程', category: 'foundation_pit' });
    setWorkRecord(peer.doc, pit, 'plan', { date: '2026-09-01', files: ['a'.repeat(64)] });
    setWorkRecord(peer.doc, pit, 'implementation', { date: '2026-10-01' });
    const form = setDangerousWork(peer.doc, { name: '高大模板', category: 'formwork' });
    setWorkRecord(peer.doc, form, 'plan', { date: '2026-09-01' });
    setEquipment(peer.doc, { type: 'tower_crane', name: '1号塔吊', registrationNumber: '苏A-0001' });

    const list = await eventually(async () => {
      const res = await get(world.director, '/api/dangerous-works');
      expect(res.json.total).toBe(2);
      return res.json.works;
    });
    const pitView = list.find((w: { workId: string }) => w.workId === pit);
    expect(pitView).toMatchObject({
      categoryName: '深基坑工程',
      steps: { plan: { date: '2026-09-01', files: ['a'.repeat(64)] } },
    });
    expect(pitView.gaps.map((g: { code: string }) => g.code)).toEqual([
      'expert_review_missing',
      'briefing_missing',
      'acceptance_missing',
    ]);
    expect(
      (await get(world.director, '/api/dangerous-works?gap=none')).json.works.map(
        (w: { workId: string }) => w.workId,
      ),
    ).toEqual([form]);
    expect((await get(world.director, '/api/dangerous-works?category=formwork')).json.total).toBe(1);
    expect((await get(world.otherDirector, '/api/dangerous-works')).json.total).toBe(0);
    const overview = await get(world.director, `/api/projects/${world.projectId}/overview`);
    expect(overview.json.equipment).toEqual([
      expect.objectContaining({ name: '1号塔吊', registrationNumber: '苏A-0001' }),
    ]);

    removeDangerousWork(peer.doc, pit);
    await eventually(async () =>
      expect((await get(world.director, '/api/dangerous-works')).json.total).toBe(1),
    );
    peer.destroy();
  });
});

describe('附件2 item, step people and equipment operators from the project document', () => {
  it('carry into the list and the overview, with the scale judged and expired certificates and overdue inspections counted', async () => {
    const docName = `project:${world.projectId}`;
    const body = { name: docName, kind: 'project', projectId: world.projectId };
    expect((await api(server.url, world.department, 'POST', '/api/documents', body)).status).toBe(201);
    const peer = connectPeer(server, docName, world.department);
    await peer.synced();
    initProjectDoc(peer.doc, world.projectId);
    const support = setDangerousWork(peer.doc, {
      name: '报告厅高支模',
      category: 'formwork',
      itemId: 'sdw.form.support',
      parameters: { heightM: { value: 7.5, unit: 'm' }, spanM: { value: 18, unit: 'm' } },
    });
    setWorkRecord(peer.doc, support, 'acceptance', {
      date: '2026-11-01',
      conclusion: '合格',
      people: '总监 李工',
    });
    const pit = setDangerousWork(peer.doc, {
      name: '3号楼基坑',
      category: 'foundation_pit',
      itemId: 'sdw.pit.depth5',
      parameters: { excavationDepthM: { value: 4.8, unit: 'm' } },
    });
    setEquipment(peer.doc, {
      type: 'tower_crane',
      name: '1号塔吊',
      installationDate: '2026-03-01',
      nextInspectionDate: '2026-11-29', // the day before the clock's Shanghai date: overdue
      operators: [
        { name: '王师傅', certificateNumber: 'T-001', validUntil: '2026-11-29' },
        { name: '赵师傅', certificateNumber: 'T-002', validUntil: '2026-11-30' }, // valid through today
      ],
    });
    setEquipment(peer.doc, { type: 'hoist', name: '2号升降机', nextInspectionDate: '2026-11-30' });

    const overview = await eventually(async () => {
      const res = await get(world.director, `/api/projects/${world.projectId}/overview`);
      expect(res.json.equipment).toHaveLength(2);
      expect(res.json.dangerousWorks).toHaveLength(2);
      return res.json;
    });
    const byId = (id: string) => overview.dangerousWorks.find((w: { workId: string }) => w.workId === id);
    expect(byId(support)).toMatchObject({
      item: { id: 'sdw.form.support' },
      parameters: { spanM: { value: 18, unit: 'm' } },
      scale: 'reaches',
      steps: { acceptance: { people: '总监 李工' } },
    });
    expect(byId(pit)).toMatchObject({ item: { id: 'sdw.pit.depth5' }, scale: 'below' });
    expect(overview.equipment[0]).toMatchObject({
      installationDate: '2026-03-01',
      inspectionOverdue: true,
      operators: [
        { name: '王师傅', certificateNumber: 'T-001', validUntil: '2026-11-29', expired: true },
        { name: '赵师傅', certificateNumber: 'T-002', validUntil: '2026-11-30', expired: false },
      ],
    });
    expect(overview.equipment[1]).toMatchObject({
      installationDate: null,
      inspectionOverdue: false,
      operators: [],
    });
    expect(overview.equipmentAlerts).toEqual({ expiredCertificates: 1, overdueInspections: 1 });
    const listed = await get(world.director, '/api/dangerous-works?category=formwork');
    expect(listed.json.works[0]).toMatchObject({ item: { id: 'sdw.form.support' }, scale: 'reaches' });
    peer.destroy();
  });
});

describe('标准化月评 statistics', () => {
  it('counts a record dated 2026-11-30 in November, even at 23:30 local time (15:30 UTC)', async () => {
    inspectionRow(world.projectId, 'monthly', '2026-11-30', { selfScore: '88.50' });
    const november = await get(world.director, '/api/monthly-evaluations?status=done');
    expect(november.json).toMatchObject({ year: 2026, month: 11, total: 1 });
    expect(november.json.items[0].evaluation).toMatchObject({
      date: '2026-11-30',
      selfScore: '88.50',
      history: 1,
    });
    expect((await get(world.director, '/api/monthly-evaluations')).json.total).toBe(0);
  });

  it('moves to December at local midnight, when UTC is still on November 30', async () => {
    inspectionRow(world.projectId, 'monthly', '2026-11-30');
    clock.now = new Date('2026-11-30T16:30:00Z'); // 00:30 on 2026-12-01 in Asia/Shanghai
    const pending = await get(world.director, '/api/monthly-evaluations');
    expect(pending.json).toMatchObject({ year: 2026, month: 12, status: 'pending', total: 1 });
    expect(pending.json.items[0].project.id).toBe(world.projectId);
    // Sealed at 16:10 UTC on the 30th, but dated the local 1 December: it belongs to December.
    inspectionRow(world.projectId, 'monthly', '2026-12-01', { sealedAt: new Date('2026-11-30T16:10:00Z') });
    expect((await get(world.director, '/api/monthly-evaluations')).json.total).toBe(0);
    expect(
      (await get(world.director, '/api/monthly-evaluations?year=2026&month=11&status=done')).json.total,
    ).toBe(1);
  });

  it('counts the newest sealed evaluation of the month and ignores drafts and deleted ones', async () => {
    inspectionRow(world.projectId, 'monthly', '2026-11-05', {
      selfScore: '70.00',
      sealedAt: new Date('2026-11-05T02:00:00Z'),
    });
    const newest = inspectionRow(world.projectId, 'monthly', '2026-11-06', {
      selfScore: '90.00',
      sealedAt: new Date('2026-11-06T02:00:00Z'),
    });
    inspectionRow(world.projectId, 'monthly', '2026-11-07', { status: 'draft', sealedAt: null });
    inspectionRow(world.projectId, 'monthly', '2026-11-08', { deletedAt: clock.now });
    const done = await get(world.director, '/api/monthly-evaluations?status=done');
    expect(done.json.items[0].evaluation).toMatchObject({
      inspectionId: newest,
      selfScore: '90.00',
      history: 2,
    });
  });

  it('lets the enterprise order rectification once, registering the document the department answers in', async () => {
    const evaluation = inspectionRow(world.projectId, 'monthly', '2026-11-30');
    const route = `/api/monthly-evaluations/${evaluation}/rectification-order`;
    const body = { requirement: '自评分与现场不符，重新自评', deadline: '2026-12-10' };
    expect((await api(server.url, world.inspector, 'POST', route, body)).status).toBe(403);
    expect((await api(server.url, world.otherDirector, 'POST', route, body)).status).toBe(404);
    const ordered = await api(server.url, world.director, 'POST', route, body);
    expect(ordered.status).toBe(201);
    expect(ordered.json.order.docName).toBe(`rectification:${evaluation}`);
    expect((await api(server.url, world.director, 'POST', route, body)).status).toBe(409);
    const doc = await api(server.url, world.department, 'GET', `/api/documents/rectification:${evaluation}`);
    expect(doc.json.document).toMatchObject({ kind: 'rectification', access: 'write' });
    const done = await get(world.director, '/api/monthly-evaluations?status=done');
    expect(done.json.items[0].evaluation.rectificationOrder).toMatchObject({ deadline: '2026-12-10' });
  });
});

/** A rectification row as the rectification materializer writes it for a sealed inspection. */
function rectificationRow(inspectionId: string, state: (typeof rectifications.$inferInsert)['state']) {
  server.deps.database.db
    .insert(rectifications)
    .values({
      inspectionId,
      docName: `rectification:${inspectionId}`,
      projectId: world.projectId,
      origin: 'enterprise',
      state,
      deadline: '2026-12-07',
      requirement: '临边防护栏杆缺失，限期补齐',
      rectifierName: '张项目',
      rounds: state === 'pending' ? 0 : 1,
      openedAt: clock.now,
      materializedAt: clock.now,
    })
    .run();
}

describe('the 项目信息 list', () => {
  it('shows each project’s inspections this year, this month’s evaluation and 超危大 count', async () => {
    inspectionRow(world.projectId, 'enterprise', '2026-01-01');
    inspectionRow(world.projectId, 'enterprise', '2026-11-30');
    inspectionRow(world.projectId, 'enterprise', '2025-12-31');
    inspectionRow(world.projectId, 'spot', '2026-05-01');
    const monthly = inspectionRow(world.projectId, 'monthly', '2026-11-02', { selfScore: '91.00' });
    server.deps.database.db
      .insert(dangerousWorks)
      .values({
        projectId: world.projectId,
        workId: 'w1',
        name: '深基坑',
        category: 'foundation_pit',
        createdAt: '',
      })
      .run();
    const res = await get(world.director, '/api/projects');
    expect(res.json).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(res.json.projects[0]).toMatchObject({
      enterpriseInspections: { thisYear: 2, required: 3 },
      openRectifications: 0,
      monthlyEvaluation: { inspectionId: monthly, selfScore: '91.00' },
      superDangerousWorkCount: 1,
    });
  });

  it('counts each project’s open rectifications: not passed ones, nor those of deleted inspections', async () => {
    for (const state of ['pending', 'replied', 'returned', 'passed'] as const) {
      rectificationRow(inspectionRow(world.projectId, 'enterprise', '2026-11-02'), state);
    }
    rectificationRow(
      inspectionRow(world.projectId, 'spot', '2026-11-03', { deletedAt: clock.now }),
      'pending',
    );
    rectificationRow(randomUUID(), 'pending'); // its inspection row is not materialized yet: still open
    const res = await get(world.director, '/api/projects');
    expect(res.json.projects[0]).toMatchObject({ id: world.projectId, openRectifications: 4 });
  });

  it('counts each project’s expired operator certificates and overdue equipment inspections on today', async () => {
    const equipment = (equipmentId: string, nextInspectionDate: string | null, validUntil: Array<string | null>) =>
      server.deps.database.db
        .insert(projectEquipment)
        .values({
          projectId: world.projectId,
          equipmentId,
          type: 'tower_crane',
          name: equipmentId,
          registrationNumber: '',
          nextInspectionDate,
          createdAt: '',
          operators: JSON.stringify(
            validUntil.map((date, i) => ({ name: `操作员${i}`, certificateNumber: `C-${i}`, validUntil: date })),
          ),
        })
        .run();
    let res = await get(world.director, '/api/projects');
    expect(res.json.projects[0].equipmentAlerts).toEqual({ expiredCertificates: 0, overdueInspections: 0 });
    // Today in Asia/Shanghai is 2026-11-30: due or valid through today is not yet late.
    equipment('e1', '2026-11-29', ['2026-11-29', '2026-11-30', null]);
    equipment('e2', '2026-11-30', ['2025-01-01']);
    equipment('e3', null, []);
    res = await get(world.director, '/api/projects');
    expect(res.json.projects[0]).toMatchObject({
      id: world.projectId,
      equipmentAlerts: { expiredCertificates: 2, overdueInspections: 1 },
    });
    const overview = await get(world.director, `/api/projects/${world.projectId}/overview`);
    expect(overview.json.equipmentAlerts).toEqual(res.json.projects[0].equipmentAlerts);
  });

  it('pages, searches and filters within what the user may read', async () => {
    const { db } = server.deps.database;
    const enterpriseId = db.select().from(projects).where(eq(projects.id, world.projectId)).get()!
      .enterpriseId;
    db.insert(projects)
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          id: `extra-${i}`,
          filingNumber: `X${String(i).padStart(3, '0')}`,
          name: i % 2 ? `城南项目${i}` : `江北项目${i}`,
          regionCode: '320102',
          constructorCreditCode: 'x',
          constructorName: 'x',
          enterpriseId,
          status: 'in_construction' as const,
          special: i < 3,
        })),
      )
      .run();
    const page2 = await get(world.director, '/api/projects?page=2&pageSize=10');
    expect(page2.json).toMatchObject({ total: 26, page: 2, pageSize: 10 });
    expect(page2.json.projects).toHaveLength(10);
    expect((await get(world.director, '/api/projects?q=%E5%9F%8E%E5%8D%97')).json.total).toBe(12); // 城南
    expect((await get(world.director, '/api/projects?q=X00')).json.total).toBe(10);
    expect((await get(world.director, '/api/projects?special=true')).json.total).toBe(3);
    expect((await get(world.supervisor, '/api/projects?region=320102')).json.total).toBe(26);
    expect((await get(world.otherSupervisor, '/api/projects')).json.total).toBe(1);
    expect((await get(world.otherDirector, '/api/projects?q=X')).json.total).toBe(0);
    expect((await get(world.director, '/api/projects?pageSize=1000')).status).toBe(400);
  });

  it('gives an overview whose timeline holds all four origins and filters by origin', async () => {
    for (const origin of ['self', 'monthly', 'enterprise', 'spot'] as const) {
      inspectionRow(world.projectId, origin, '2026-11-10');
    }
    const all = await get(world.department, `/api/projects/${world.projectId}/overview`);
    expect(all.json.timeline.map((t: { origin: string }) => t.origin).sort()).toEqual([
      'enterprise',
      'monthly',
      'self',
      'spot',
    ]);
    expect(all.json.monthlyEvaluations).toHaveLength(1);
    const spot = await get(world.department, `/api/projects/${world.projectId}/overview?origin=spot`);
    expect(spot.json.timeline).toHaveLength(1);
    expect((await get(world.otherDirector, `/api/projects/${world.projectId}/overview`)).status).toBe(404);
    expect(server.deps.database.db.select().from(documents).all()).toHaveLength(0);
  });
});
