import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addFile, setDate, setInspector } from '@anguan/model';
import { api, eventually, seedWorld, type TestUser, type World } from './sync-fixtures.js';
import { sealInspection, startClockedServer, type ClockedServer } from './rectification-fixtures.js';

let server: ClockedServer;
let world: World;
beforeEach(async () => {
  server = await startClockedServer();
  world = seedWorld(server.deps.database.db, server.clock.now);
});
afterEach(async () => {
  await server.dispose();
});

const get = (user: TestUser, route: string) => api(server.url, user, 'GET', route);
const ids = async (user: TestUser, query = '') => {
  const res = await get(user, `/api/inspections${query}`);
  expect(res.status).toBe(200);
  return (res.json.inspections as Array<{ id: string }>).map((row) => row.id);
};
/** The list answers from materialized rows, which the materializer writes just after sealing. */
const listedEventually = (user: TestUser, expected: string[], query = '') =>
  eventually(async () => {
    const listed = await ids(user, query);
    if (listed.length !== expected.length) throw new Error(`listed ${listed.length} of ${expected.length}`);
    return listed;
  });

const SECOND_FILE = 'c'.repeat(64);

describe('GET /api/inspections', () => {
  it('lists the enterprise’s inspections newest first with project, inspectors, score and rectification state', async () => {
    const older = await sealInspection(server, world, {
      method: 'jgj59',
      fill: (doc) => setDate(doc, '2026-03-01'),
    });
    const newer = await sealInspection(server, world, {
      method: 'internal',
      rectification: { requirement: '补齐临边防护', deadline: '2026-03-10', rectifier: '张项目' },
      fill: (doc) => setDate(doc, '2026-03-14'),
    });
    const self = await sealInspection(server, world, { origin: 'self', method: 'internal' });
    expect(await listedEventually(world.director, [self.id, newer.id, older.id])).toEqual([
      self.id,
      newer.id,
      older.id,
    ]);
    const rows = (await get(world.director, '/api/inspections')).json.inspections;
    expect(rows[1]).toMatchObject({
      projectId: world.projectId,
      filingNumber: `F${world.projectId}`,
      origin: 'enterprise',
      originLabel: '企业检查',
      method: 'internal',
      date: '2026-03-14',
      status: 'completed',
      inspectors: [{ userId: world.director.id, name: '李检查' }],
      // The server's clock is 2026-03-15: past the deadline and not passed.
      rectification: { deadline: '2026-03-10', state: 'pending', stateLabel: '待整改', overdue: true },
      mayDelete: true,
    });
    expect(rows[2]).toMatchObject({ method: 'jgj59', rectification: null, mayDelete: false });
    expect(rows[2].total).toMatch(/^\d+\.\d\d$/);
    // Another enterprise sees none of them; the inspector sees them but may delete none.
    expect(await ids(world.otherDirector)).toEqual([]);
    const byInspector = (await get(world.inspector, '/api/inspections')).json.inspections;
    expect(byInspector.map((r: { mayDelete: boolean }) => r.mayDelete)).toEqual([false, false, false]);
  });

  it('filters by project, origin, method, status, date range and inspector', async () => {
    const march1 = await sealInspection(server, world, {
      method: 'jgj59',
      fill: (doc) => setDate(doc, '2026-03-01'),
    });
    const byWang = await sealInspection(server, world, {
      method: 'internal',
      fill: (doc) => setInspector(doc, { userId: world.inspector.id, name: '王检查' }),
    });
    const self = await sealInspection(server, world, { origin: 'self', method: 'internal' });
    await listedEventually(world.director, [march1.id, byWang.id, self.id]);
    expect(await ids(world.director, '?origin=self')).toEqual([self.id]);
    expect(await ids(world.director, '?origin=enterprise&method=jgj59')).toEqual([march1.id]);
    expect(await ids(world.director, '?from=2026-03-01&to=2026-03-01')).toEqual([march1.id]);
    expect(await ids(world.director, '?from=2026-03-02')).toHaveLength(2);
    expect(await ids(world.director, '?inspector=王')).toEqual([byWang.id]);
    expect(await ids(world.director, `?inspector=${world.inspector.id}`)).toEqual([byWang.id]);
    expect(await ids(world.director, '?status=draft')).toEqual([]);
    expect(await ids(world.director, '?status=completed')).toHaveLength(3);
    expect(await ids(world.director, `?project=${world.otherProjectId}`)).toEqual([]);
    expect(await ids(world.director, `?project=${world.projectId}&origin=self`)).toEqual([self.id]);
    expect((await get(world.director, '/api/inspections?limit=1')).json).toMatchObject({
      total: 3,
      limit: 1,
    });
  });

  it('keeps each role to its own scope: the department its project, the supervisor its region', async () => {
    const enterprise = await sealInspection(server, world, { method: 'internal' });
    const spot = await sealInspection(server, world, { origin: 'spot', method: 'internal' });
    await listedEventually(world.director, [enterprise.id, spot.id]);
    expect(await ids(world.department, '?origin=enterprise')).toEqual([enterprise.id]);
    expect(await ids(world.department, `?project=${world.otherProjectId}`)).toEqual([]);
    expect(await ids(world.supervisor, '?origin=spot')).toEqual([spot.id]);
    expect(await ids(world.otherSupervisor)).toEqual([]);
    const rows = (await get(world.supervisor, '/api/inspections?origin=spot')).json.inspections;
    expect(rows[0]).toMatchObject({ originLabel: '安监抽查', mayDelete: true });
  });

  it('leaves out soft-deleted records and files, and lists the visible files of internal records on request', async () => {
    const kept = await sealInspection(server, world, {
      method: 'internal',
      fill: (doc) =>
        addFile(doc, {
          sha256: SECOND_FILE,
          name: '第二页.jpg',
          mediaType: 'image/jpeg',
          size: 2048,
          addedBy: world.director.id,
        }),
    });
    const dropped = await sealInspection(server, world, { method: 'internal' });
    await listedEventually(world.director, [kept.id, dropped.id]);
    const filesOf = async () => {
      const rows = (await get(world.director, '/api/inspections?method=internal&files=true')).json
        .inspections;
      return Object.fromEntries(
        rows.map((r: { id: string; files: Array<{ name: string }> }) => [r.id, r.files.map((f) => f.name)]),
      );
    };
    expect((await filesOf())[kept.id].toSorted()).toEqual(['检查表.pdf', '第二页.jpg']);
    expect((await get(world.director, '/api/inspections')).json.inspections[0].files).toBeUndefined();

    const remove = (route: string) => api(server.url, world.director, 'DELETE', route);
    expect((await remove(`/api/inspections/${kept.id}/files/${SECOND_FILE}`)).status).toBe(200);
    expect((await remove(`/api/inspections/${dropped.id}`)).status).toBe(200);
    expect(await filesOf()).toEqual({ [kept.id]: ['检查表.pdf'] });
    expect(await ids(world.department)).toEqual([kept.id]);
    expect(await ids(world.supervisor)).toEqual([kept.id]);
  });

  it('refuses malformed filters with a zh-CN message and answers 401 without a session', async () => {
    for (const query of [
      '?origin=x',
      '?method=x',
      '?status=x',
      '?from=2026-3-1',
      '?from=2026-03-02&to=2026-03-01',
      '?limit=0',
    ]) {
      const res = await get(world.director, `/api/inspections${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.json.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await api(server.url, null, 'GET', '/api/inspections')).status).toBe(401);
  });
});
