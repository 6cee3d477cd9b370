import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import {
  addSheet,
  createInspection,
  inspectionScoreInput,
  inspectionToJSON,
  setComment,
  setDeduction,
  setInspector,
  setItemNotApplicable,
  setSheetFlag,
} from '@anguan/model';
import { formatScore, getJgj59Catalog, scoreInspection } from '@anguan/standards';
import {
  api,
  connectPeer,
  eventually,
  registerInspection,
  seedWorld,
  startSyncServer,
  type SyncTestServer,
  type TestPeer,
  type TestUser,
  type World,
} from './sync-fixtures.js';

let server: SyncTestServer;
let world: World;
const peers: TestPeer[] = [];
beforeEach(async () => {
  server = await startSyncServer();
  world = seedWorld(server.deps.database.db);
});
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await server.dispose();
});

const idOf = (name: string) => name.slice('inspection:'.length);

/** An enterprise JGJ59 inspection created by the inspector over `/sync`, with the inspector named on it. */
async function startInspection(user: TestUser = world.inspector) {
  const name = await registerInspection(server.url, user, world.projectId);
  const peer = connectPeer(server, name, user);
  peers.push(peer);
  await peer.synced();
  createInspection(peer.doc, {
    projectId: world.projectId,
    origin: 'enterprise',
    method: 'jgj59',
    date: '2026-03-15',
    createdBy: user.id,
  });
  setInspector(peer.doc, { userId: world.inspector.id, name: '李检查' });
  return { name, id: idOf(name), peer };
}

/** Two tower cranes with occurrence and range deductions, a 缺项 item and a 缺项 sheet, all saved. */
function fillSheets(doc: Y.Doc) {
  const crane1 = addSheet(doc, { tableId: 'tower_crane', label: '1号塔吊' });
  const crane2 = addSheet(doc, { tableId: 'tower_crane', label: '2号塔吊' });
  const safety = addSheet(doc, { tableId: 'safety_management' });
  const cantilever = addSheet(doc, { tableId: 'scaffold_cantilever' });
  setDeduction(doc, safety, { itemId: 'safety_management.01', ruleId: 'safety_management.01.03', points: 4 });
  setDeduction(doc, safety, { itemId: 'safety_management.02', ruleId: 'safety_management.02.01' });
  setItemNotApplicable(doc, crane2, 'tower_crane.09', true);
  setSheetFlag(doc, cantilever, 'na', true);
  for (const sheet of [crane1, crane2, safety]) setSheetFlag(doc, sheet, 'done', true);
  return { crane1, crane2, safety, cantilever };
}

const engineOf = (doc: Y.Doc) =>
  scoreInspection(getJgj59Catalog(), inspectionScoreInput(inspectionToJSON(doc), getJgj59Catalog()));

const get = (user: TestUser, route: string) => api(server.url, user, 'GET', route);
const seal = (name: string, user: TestUser) =>
  api(server.url, user, 'POST', `/api/documents/${name}/seal`, {});

describe('GET /api/inspections/:id', () => {
  it('states the server-computed total and grade of the materialized rows, in the DESIGN shape', async () => {
    const { id, peer } = await startInspection();
    fillSheets(peer.doc);
    const engine = engineOf(peer.doc);
    const res = await eventually(async () => {
      const r = await get(world.director, `/api/inspections/${id}`);
      expect(r.json.inspection.total).toBe(formatScore(engine.total!, 2));
      return r;
    });
    expect(Object.keys(res.json.inspection).sort()).toEqual(
      [
        'catalogVersion',
        'grade',
        'id',
        'method',
        'origin',
        'policy',
        'projectId',
        'sealedAt',
        'status',
        'total',
      ].sort(),
    );
    expect(res.json).toEqual({
      inspection: {
        id,
        projectId: world.projectId,
        origin: 'enterprise',
        method: 'jgj59',
        status: 'draft',
        sealedAt: null,
        policy: 'provincial',
        catalogVersion: 'jgj59-2011@1',
        total: formatScore(engine.total!, 2),
        grade: engine.grade!.grade,
      },
      materializationError: null,
    });
  });

  it('answers 404 for an unknown inspection and for a caller who may not read it', async () => {
    const { id } = await startInspection();
    expect((await get(world.director, `/api/inspections/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await get(world.director, '/api/inspections/not-a-uuid')).status).toBe(404);
    expect((await get(world.otherDirector, `/api/inspections/${id}`)).json.error.code).toBe(
      'inspection_not_found',
    );
    expect((await get(world.supervisor, `/api/inspections/${id}`)).status).toBe(200);
  });

  it('shows editors why a document cannot be scored, keeps other documents going, and clears once fixed', async () => {
    const bad = await startInspection();
    const good = await startInspection();
    const sheet = addSheet(bad.peer.doc, { tableId: 'safety_management', label: '项目部' });
    setDeduction(bad.peer.doc, sheet, {
      itemId: 'safety_management.01',
      ruleId: 'safety_management.01.03',
      points: 50,
    });
    fillSheets(good.peer.doc);
    const error = await eventually(async () => {
      const r = await get(world.inspector, `/api/inspections/${bad.id}`);
      expect(r.json.materializationError).not.toBeNull();
      return r.json.materializationError;
    });
    expect(error.message).toBe(
      '“表B.1 安全管理检查评分表（项目部）”中有无效的扣分或缺项记录，无法计分，请检查后重新保存',
    );
    expect(error.issues[0].path).toBe('sheets[0].items[0].deductions[0].points');
    await eventually(async () =>
      expect(
        (await get(world.inspector, `/api/inspections/${good.id}`)).json.inspection.total,
      ).not.toBeNull(),
    );
    setDeduction(bad.peer.doc, sheet, {
      itemId: 'safety_management.01',
      ruleId: 'safety_management.01.03',
      points: 5,
    });
    await eventually(async () => {
      const r = await get(world.inspector, `/api/inspections/${bad.id}`);
      expect(r.json.materializationError).toBeNull();
      expect(r.json.inspection.total).toBe(formatScore(engineOf(bad.peer.doc).total!, 2));
    });
  });
});

describe('sealing an inspection', () => {
  it('refuses unsaved sheets (naming them) and a missing 评语, then lets its inspector seal it', async () => {
    const { name, id, peer } = await startInspection();
    const { safety } = fillSheets(peer.doc);
    setSheetFlag(peer.doc, safety, 'done', false);
    const unsaved = await eventually(async () => {
      const r = await seal(name, world.inspector);
      expect(r.json.error.code).toBe('unsaved_sheets');
      return r;
    });
    expect(unsaved.status).toBe(422);
    expect(unsaved.json.error.message).toBe('以下分项检查表尚未保存：表B.1 安全管理检查评分表');
    expect(unsaved.json.error.sheets).toEqual([
      { sheetId: safety, tableId: 'safety_management', name: '表B.1 安全管理检查评分表' },
    ]);
    expect(unsaved.json.error.issues.map((i: { code: string }) => i.code)).toEqual([
      'unsaved_sheets',
      'comment_required',
    ]);
    setSheetFlag(peer.doc, safety, 'done', true);
    await eventually(async () =>
      expect((await seal(name, world.inspector)).json.error.code).toBe('comment_required'),
    );
    setComment(peer.doc, '塔吊管理需加强');
    expect((await seal(name, world.otherInspector)).status).toBe(403);
    expect((await get(world.director, `/api/inspections/${id}/summary.xlsx`)).json.error.code).toBe(
      'not_sealed',
    );
    await eventually(async () => expect((await seal(name, world.inspector)).status).toBe(200));
    // The seal answered after the final materialization: no waiting.
    const after = (await get(world.director, `/api/inspections/${id}`)).json.inspection;
    expect(after.status).toBe('completed');
    expect(after.sealedAt).not.toBeNull();
    expect(after.total).toBe(formatScore(engineOf(peer.doc).total!, 2));
  });

  it('exports a 汇总表 whose total and grade cells state exactly the engine figures', async () => {
    const { name, id, peer } = await startInspection();
    fillSheets(peer.doc);
    setComment(peer.doc, '整体良好');
    await eventually(async () => expect((await seal(name, world.director)).status).toBe(200));
    const engine = engineOf(peer.doc);
    const response = await fetch(`${server.url}/api/inspections/${id}/summary.xlsx`, {
      headers: { cookie: world.director.cookie },
    });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const summary = book.getWorksheet('汇总表')!;
    const valueBeside = (label: string) => {
      let found: unknown;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(valueBeside('总得分')).toBe(formatScore(engine.total!, 2));
    expect(valueBeside('评定等级')).toBe(engine.grade!.grade);
    expect(valueBeside('评语')).toBe('整体良好');
    expect(String(valueBeside('数据说明'))).toContain('依据记忆整理');
    expect(String(valueBeside('缺项说明'))).toContain(
      '表B.8 悬挑式脚手架检查评分表为缺项，按满分（100分）计入汇总',
    );
    // One worksheet per sheet, each in its 表B layout with its score.
    // Sheets created in the same millisecond are ordered by id, so compare as a set after the summary.
    expect(book.worksheets[0]!.name).toBe('汇总表');
    expect(book.worksheets.map((w) => w.name).sort()).toEqual(
      [
        '汇总表',
        'B.17 1号塔吊',
        'B.17 2号塔吊',
        'B.1 安全管理检查评分表',
        'B.8 悬挑式脚手架检查评分表',
      ].sort(),
    );
    const crane1 = book.getWorksheet('B.17 1号塔吊')!;
    let craneScore: unknown;
    crane1.eachRow((row) => {
      if (row.getCell(1).value === '本表得分') craneScore = row.getCell(2).value;
    });
    const crane1Index = inspectionToJSON(peer.doc).sheets.findIndex((s) => s.label === '1号塔吊');
    expect(craneScore).toBe(formatScore(engine.sheets[crane1Index]!.score!, 2));
    const summaryJson = (await get(world.director, `/api/inspections/${id}/summary`)).json.summary;
    expect(summaryJson.total).toBe(formatScore(engine.total!, 2));
    expect(summaryJson.fullMarksThroughNotApplicable).toHaveLength(1);
  });
});

describe('scoring policy settings', () => {
  it('lets the enterprise account choose the policy its members read for new inspections', async () => {
    const settings = '/api/enterprise/settings';
    expect((await get(world.inspector, settings)).json).toEqual({
      settings: { scoringPolicy: 'provincial' },
    });
    expect(
      (await api(server.url, world.inspector, 'PUT', settings, { scoringPolicy: 'strict' })).status,
    ).toBe(403);
    expect(
      (await api(server.url, world.director, 'PUT', settings, { scoringPolicy: 'lenient' })).status,
    ).toBe(400);
    const put = await api(server.url, world.director, 'PUT', settings, { scoringPolicy: 'strict' });
    expect(put.json).toEqual({ settings: { scoringPolicy: 'strict' } });
    const policy = `/api/inspections/scoring-policy?projectId=${world.projectId}`;
    expect((await get(world.department, policy)).json).toEqual({ scoringPolicy: 'strict' });
    expect((await get(world.otherDirector, policy)).status).toBe(404);
    expect((await get(world.otherDirector, settings)).json.settings.scoringPolicy).toBe('provincial');
  });
});
