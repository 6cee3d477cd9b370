import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import {
  addFile,
  addTerm,
  addTermPhoto,
  setTermHazardLevel,
  setTermLocation,
  setTermNote,
} from '@anguan/model';
import { getInspectionTermTree, walkTerms, type TermPhrase } from '@anguan/standards';
import { auditLog, inspections } from '../src/db/schema/index.js';
import { listVisibleInspections, sealedByHashQuery } from '../src/inspection-sheets/queries.js';
import { api, eventually, seedWorld, type TestUser, type World } from './sync-fixtures.js';
import {
  firstTermId,
  sealInspection,
  startClockedServer,
  type ClockedServer,
} from './rectification-fixtures.js';

let server: ClockedServer;
let world: World;
beforeEach(async () => {
  server = await startClockedServer();
  world = seedWorld(server.deps.database.db, server.clock.now);
});
afterEach(async () => {
  await server.dispose();
});

const REQUEST = { requirement: '临边防护栏杆缺失，限期补齐', deadline: '2026-03-22', rectifier: '张项目' };
const PHOTO = 'b'.repeat(64);
const SECOND_FILE = 'c'.repeat(64);
const get = (user: TestUser, route: string) => api(server.url, user, 'GET', route);
const phrase = (id: string) =>
  [...walkTerms(getInspectionTermTree().categories)].find((n): n is TermPhrase => n.id === id)!;

/** Waits for the inspection materializer to write the sealed inspection's row (it runs after the seal). */
async function materializedRow(id: string) {
  const { db } = server.deps.database;
  return eventually(() => {
    const row = db.select().from(inspections).where(eq(inspections.id, id)).get();
    if (!row?.sealedAt) throw new Error(`inspection ${id} is not materialized as sealed yet`);
    return row;
  });
}

describe('the 检查单', () => {
  it('shows a sealed terms inspection with phrases, hazard levels, the request, the hash and the provisional-tree note', async () => {
    const termId = firstTermId();
    const { id, sealedHash } = await sealInspection(server, world, {
      method: 'terms',
      rectification: REQUEST,
      fill: (doc) => {
        setTermNote(doc, termId, '3号楼北侧');
        addTermPhoto(doc, termId, PHOTO);
      },
    });
    const res = await get(world.department, `/api/inspections/${id}/sheet`);
    expect(res.status).toBe(200);
    const sheet = res.json.sheet;
    expect(sheet).toMatchObject({
      inspectionId: id,
      project: { id: world.projectId, filingNumber: `F${world.projectId}` },
      originLabel: '企业检查',
      date: '2026-03-15',
      inspectors: ['李检查'],
      rectification: { required: true, ...REQUEST, state: 'pending', stateLabel: '待整改' },
      sealedHash,
      verifyPath: `/verify/${sealedHash}`,
    });
    const expected = phrase(termId);
    expect(sheet.findings).toEqual([
      expect.objectContaining({
        kind: 'term',
        phrase: expected.name,
        code: expected.code,
        hazardLevel: expected.hazardLevel,
        hazardLabel: expected.hazardLevel === 'major' ? '重大隐患' : '一般隐患',
        note: '3号楼北侧',
        photos: [PHOTO],
      }),
    ]);
    expect(sheet.notes.join('')).toMatch(/暂定.*非 DGJ32\/TJ218-2017/);
  });

  it("carries each term's chosen hazard level and location into the sheet and its .xlsx", async () => {
    const phrases = [...walkTerms(getInspectionTermTree().categories)].filter(
      (n): n is TermPhrase => n.kind === 'phrase',
    );
    const general = phrases.find((p) => p.hazardLevel === 'general' && p.id !== firstTermId())!;
    const { id } = await sealInspection(server, world, {
      method: 'terms',
      fill: (doc) => {
        setTermLocation(doc, firstTermId(), '  ');
        addTerm(doc, general.id, world.inspector.id);
        setTermHazardLevel(doc, general.id, 'major');
        setTermLocation(doc, general.id, '5号楼 屋面东侧');
      },
    });
    const findings = (await get(world.director, `/api/inspections/${id}/sheet`)).json.sheet.findings;
    const byId = new Map(findings.map((f: { termId: string }) => [f.termId, f]));
    expect(byId.get(firstTermId())).toMatchObject({ location: null, hazardChanged: false });
    expect(byId.get(general.id)).toMatchObject({
      hazardLevel: 'major',
      hazardLabel: '重大隐患',
      hazardChanged: true,
      location: '5号楼 屋面东侧',
    });
    const response = await fetch(`${server.url}/api/inspections/${id}/sheet.xlsx`, {
      headers: { cookie: world.director.cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const row = (() => {
      let found: string[] = [];
      workbook.getWorksheet('检查单')!.eachRow((r) => {
        const values = (r.values as unknown[]).map((v) => String(v ?? ''));
        if (values.some((v) => v.includes(general.name))) found = values;
      });
      return found;
    })();
    expect(row).toContain('重大隐患');
    expect(row).toContain('5号楼 屋面东侧');
  });

  it('lists deductions with item and points for JGJ59 and the files for the internal standard', async () => {
    const scored = await sealInspection(server, world);
    const deductions = (await get(world.director, `/api/inspections/${scored.id}/sheet`)).json.sheet.findings;
    expect(deductions).toHaveLength(1);
    expect(deductions[0]).toMatchObject({ kind: 'deduction', count: 1 });
    expect(deductions[0].points).toBeGreaterThan(0);
    expect(deductions[0].table).toContain('安全管理');
    const internal = await sealInspection(server, world, { method: 'internal' });
    const files = (await get(world.director, `/api/inspections/${internal.id}/sheet`)).json.sheet.findings;
    expect(files).toEqual([
      expect.objectContaining({ kind: 'file', name: '检查表.pdf', sha256: 'a'.repeat(64) }),
    ]);
  });

  it('is the same content as .xlsx, with the hash and the note in its cells', async () => {
    const { id, sealedHash } = await sealInspection(server, world, {
      method: 'terms',
      rectification: REQUEST,
    });
    const response = await fetch(`${server.url}/api/inspections/${id}/sheet.xlsx`, {
      headers: { cookie: world.director.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const cells: string[] = [];
    workbook.getWorksheet('检查单')!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    const text = cells.join('\n');
    for (const expected of [
      `F${world.projectId}`,
      phrase(firstTermId()).name,
      REQUEST.requirement,
      '2026-03-22',
      '张项目',
      sealedHash,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/暂定目录/);
  });

  it('answers 409 for a draft and 404 for users without access', async () => {
    const { id } = await sealInspection(server, world);
    expect((await get(world.otherDirector, `/api/inspections/${id}/sheet`)).status).toBe(404);
    expect((await get(world.otherSupervisor, `/api/inspections/${id}/sheet.xlsx`)).status).toBe(404);
    expect((await get(world.director, `/api/inspections/${crypto.randomUUID()}/sheet`)).status).toBe(404);
    const draft = await api(server.url, world.director, 'POST', '/api/documents', {
      name: `inspection:${crypto.randomUUID()}`,
      kind: 'inspection',
      projectId: world.projectId,
      method: 'terms',
      origin: 'enterprise',
    });
    const draftId = draft.json.document.id;
    expect((await get(world.director, `/api/inspections/${draftId}/sheet`)).json.error.code).toBe(
      'not_sealed',
    );
  });
});

describe('/api/verify/<hash>', () => {
  it('matches a sealed inspection for users with access and answers the same 404 to everyone else', async () => {
    const { id, sealedHash } = await sealInspection(server, world);
    const match = await get(world.supervisor, `/api/verify/${sealedHash}`);
    expect(match.status).toBe(200);
    expect(match.json).toMatchObject({
      match: true,
      inspection: { id, sealedHash, filingNumber: `F${world.projectId}` },
    });
    expect((await get(world.director, `/api/verify/${sealedHash.toUpperCase()}`)).json.inspection.id).toBe(
      id,
    );
    const mismatch = await get(world.director, `/api/verify/${'0'.repeat(64)}`);
    const outsider = await get(world.otherDirector, `/api/verify/${sealedHash}`);
    expect([mismatch.status, outsider.status]).toEqual([404, 404]);
    expect(outsider.json).toEqual(mismatch.json);
    expect((await get(world.director, '/api/verify/not-a-hash')).json).toEqual(mismatch.json);
    expect((await api(server.url, null, 'GET', `/api/verify/${sealedHash}`)).status).toBe(401);
  });

  it('looks the hash up through its index and answers each sealed inspection as before', async () => {
    const sealed = [
      await sealInspection(server, world),
      await sealInspection(server, world, { method: 'terms' }),
    ];
    for (const { id, sealedHash } of sealed) {
      const res = await get(world.director, `/api/verify/${sealedHash}`);
      expect(res.json).toMatchObject({ match: true, inspection: { id, sealedHash } });
    }
    const { sql, params } = sealedByHashQuery(server.deps.database.db, sealed[0]!.sealedHash).toSQL();
    const plan = server.deps.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params);
    expect(JSON.stringify(plan)).toMatch(/USING INDEX documents_sealed_hash_idx/);
  });
});

describe('soft deletion of internal-standard records', () => {
  const remove = (user: TestUser, route: string) => api(server.url, user, 'DELETE', route);

  it('lets only the enterprise account delete an enterprise record; the record leaves every list, audited', async () => {
    const { id, sealedHash } = await sealInspection(server, world, {
      method: 'internal',
      rectification: REQUEST,
    });
    await materializedRow(id);
    for (const [user, status] of [
      [world.inspector, 403],
      [world.department, 403],
      [world.supervisor, 403],
      [world.otherDirector, 404],
    ] as const) {
      expect([user.role, (await remove(user, `/api/inspections/${id}`)).status]).toEqual([user.role, status]);
    }
    expect((await get(world.department, '/api/rectifications')).json.rectifications).toHaveLength(1);
    const visible = async () =>
      (await listVisibleInspections(server.deps.database.db, world.projectId)).map((r) => r.id);
    expect(await visible()).toEqual([id]);
    expect((await remove(world.director, `/api/inspections/${id}`)).status).toBe(200);

    expect(await visible()).toEqual([]);
    const documents = (await get(world.director, `/api/documents?projectId=${world.projectId}`)).json
      .documents;
    expect(documents.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await get(world.department, '/api/rectifications')).json.rectifications).toEqual([]);
    expect((await get(world.director, `/api/rectifications/${id}`)).status).toBe(404);
    expect((await get(world.director, `/api/inspections/${id}/sheet`)).status).toBe(404);
    expect((await get(world.director, `/api/verify/${sealedHash}`)).status).toBe(404);
    expect((await remove(world.director, `/api/inspections/${id}`)).status).toBe(404);

    const { db } = server.deps.database;
    const row = db.select().from(inspections).where(eq(inspections.id, id)).get()!;
    expect([row.deletedAt, row.deletedByUserId]).toEqual([server.clock.now, world.director.id]);
    const entries = db.select().from(auditLog).where(eq(auditLog.event, 'inspection.deleted')).all();
    expect(entries).toEqual([
      expect.objectContaining({
        actorUserId: world.director.id,
        ip: '127.0.0.1',
        detail: expect.objectContaining({ inspectionId: id }),
      }),
    ]);
  });

  it('lets the project department delete its own self-inspection records, and no one delete a scored one', async () => {
    const self = await sealInspection(server, world, { origin: 'self', method: 'internal' });
    await materializedRow(self.id);
    expect((await remove(world.director, `/api/inspections/${self.id}`)).status).toBe(403);
    expect((await remove(world.department, `/api/inspections/${self.id}`)).status).toBe(200);
    const scored = await sealInspection(server, world);
    expect((await remove(world.director, `/api/inspections/${scored.id}`)).status).toBe(403);
  });

  it('deletes one file of a sealed record: gone from the sheet, the hash still verifies, audited', async () => {
    const { id, sealedHash } = await sealInspection(server, world, {
      method: 'internal',
      fill: (doc) =>
        addFile(doc, {
          sha256: SECOND_FILE,
          name: '现场照片.jpg',
          mediaType: 'image/jpeg',
          size: 2048,
          addedBy: 'x',
        }),
    });
    const route = `/api/inspections/${id}/files/${SECOND_FILE}`;
    expect((await remove(world.inspector, route)).status).toBe(403);
    expect((await remove(world.director, route)).status).toBe(200);
    expect((await remove(world.director, route)).status).toBe(404);
    const files = (await get(world.director, `/api/inspections/${id}/sheet`)).json.sheet.findings;
    expect(files.map((f: { name: string }) => f.name)).toEqual(['检查表.pdf']);
    expect((await get(world.director, `/api/verify/${sealedHash}`)).status).toBe(200);
    const { db } = server.deps.database;
    const entries = db.select().from(auditLog).where(eq(auditLog.event, 'inspection.file_deleted')).all();
    expect(entries.map((e) => [e.actorUserId, (e.detail as { sha256: string }).sha256])).toEqual([
      [world.director.id, SECOND_FILE],
    ]);
  });
});
