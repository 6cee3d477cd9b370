import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  CLOSE_CODES,
  addSheet,
  createInspection,
  setComment,
  setDeduction,
  setInspector,
  setRemarks,
  setSheetFlag,
} from '@anguan/model';
import {
  api,
  connectPeer,
  eventually,
  registerInspection,
  seedWorld,
  startSyncServer,
  storedSnapshot,
  type SyncTestServer,
  type TestPeer,
  type World,
} from './sync-fixtures.js';

let server: SyncTestServer;
let world: World;
const materialized: string[] = [];
const peers: TestPeer[] = [];
beforeEach(async () => {
  materialized.length = 0;
  server = await startSyncServer({ materializer: { materialize: (name) => void materialized.push(name) } });
  world = seedWorld(server.deps.database.db);
});
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await server.dispose();
});

const inspectionBody = (overrides: Record<string, unknown> = {}) => ({
  name: `inspection:${randomUUID()}`,
  kind: 'inspection',
  projectId: world.projectId,
  method: 'jgj59',
  origin: 'enterprise',
  ...overrides,
});

describe('POST /api/documents', () => {
  it('registers a client-made inspection, idempotently for its creator', async () => {
    const body = inspectionBody();
    const first = await api(server.url, world.inspector, 'POST', '/api/documents', body);
    expect(first.status).toBe(201);
    expect(first.json.document).toMatchObject({
      name: body.name,
      kind: 'inspection',
      projectId: world.projectId,
      method: 'jgj59',
      origin: 'enterprise',
      creatorUserId: world.inspector.id,
      sealedAt: null,
      access: 'write',
    });
    const again = await api(server.url, world.inspector, 'POST', '/api/documents', body);
    expect(again.status).toBe(200);
    expect(again.json.document.createdAt).toBe(first.json.document.createdAt);
    const someoneElse = await api(server.url, world.director, 'POST', '/api/documents', body);
    expect(someoneElse.status).toBe(409);
    expect(someoneElse.json.error.code).toBe('document_exists');
  });

  it('lets each side create only its own kinds of inspection', async () => {
    const cases: Array<[keyof World, string, number]> = [
      ['director', 'enterprise', 201],
      ['director', 'self', 403],
      ['department', 'self', 201],
      ['department', 'monthly', 201],
      ['department', 'enterprise', 403],
      ['supervisor', 'spot', 201],
      ['otherSupervisor', 'spot', 403],
      ['otherDirector', 'enterprise', 403],
    ];
    for (const [who, origin, status] of cases) {
      const res = await api(
        server.url,
        world[who] as never,
        'POST',
        '/api/documents',
        inspectionBody({ origin }),
      );
      expect([who, origin, res.status]).toEqual([who, origin, status]);
    }
  });

  it('refuses malformed registrations with a named field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'inspection:nope' }, 'invalid_document_name'],
      [{ kind: 'project' }, 'invalid_document_name'],
      [{ method: 'guess' }, 'invalid_method'],
      [{ origin: 'elsewhere' }, 'invalid_origin'],
      [{ projectId: 'p-unknown' }, 'project_not_found'],
    ];
    for (const [overrides, code] of cases) {
      const res = await api(server.url, world.director, 'POST', '/api/documents', inspectionBody(overrides));
      expect([overrides, res.json.error.code]).toEqual([overrides, code]);
    }
    expect((await api(server.url, null, 'POST', '/api/documents', inspectionBody())).status).toBe(401);
  });

  it('refuses to register a rectification before its inspection is sealed, or without an inspection', async () => {
    const inspection = await registerInspection(server.url, world.director, world.projectId);
    const id = inspection.slice('inspection:'.length);
    const body = { name: `rectification:${id}`, kind: 'rectification', projectId: world.projectId };
    const res = await api(server.url, world.director, 'POST', '/api/documents', body);
    expect([res.status, res.json.error.code]).toEqual([409, 'inspection_not_sealed']);
    expect((await api(server.url, world.department, 'GET', `/api/documents/${body.name}`)).status).toBe(404);
    const orphan = { ...body, name: `rectification:${randomUUID()}` };
    expect((await api(server.url, world.director, 'POST', '/api/documents', orphan)).json.error.code).toBe(
      'inspection_not_found',
    );
  });

  it('shares the project document between registrations of anyone who may write it', async () => {
    const body = { name: `project:${world.projectId}`, kind: 'project', projectId: world.projectId };
    expect((await api(server.url, world.department, 'POST', '/api/documents', body)).status).toBe(201);
    expect((await api(server.url, world.director, 'POST', '/api/documents', body)).status).toBe(403);
  });
});

describe('GET /api/documents', () => {
  it('lists a project’s documents with the caller’s access, only to those with a stake', async () => {
    const enterprise = await registerInspection(server.url, world.inspector, world.projectId);
    const self = await registerInspection(server.url, world.department, world.projectId, { origin: 'self' });
    const list = await api(server.url, world.director, 'GET', `/api/documents?projectId=${world.projectId}`);
    expect(list.json.documents.map((d: { name: string; access: string }) => [d.name, d.access])).toEqual([
      [enterprise, 'write'],
      [self, 'read'],
    ]);
    const supervisor = await api(
      server.url,
      world.supervisor,
      'GET',
      `/api/documents?projectId=${world.projectId}`,
    );
    expect(supervisor.json.documents).toHaveLength(2);
    expect(
      (await api(server.url, world.otherDirector, 'GET', `/api/documents?projectId=${world.projectId}`))
        .status,
    ).toBe(404);
    expect((await api(server.url, world.otherDirector, 'GET', `/api/documents/${enterprise}`)).status).toBe(
      403,
    );
  });
});

describe('sealing', () => {
  async function readyInspection(): Promise<{ name: string; peer: TestPeer }> {
    const name = await registerInspection(server.url, world.inspector, world.projectId);
    const peer = connectPeer(server, name, world.inspector);
    peers.push(peer);
    await peer.synced();
    createInspection(peer.doc, {
      projectId: world.projectId,
      origin: 'enterprise',
      method: 'jgj59',
      date: '2026-03-15',
      createdBy: world.inspector.id,
    });
    setInspector(peer.doc, { userId: world.inspector.id, name: '李检查' });
    const sheet = addSheet(peer.doc, { tableId: 'safety_management' });
    setDeduction(peer.doc, sheet, { itemId: 'safety_management.01', ruleId: 'safety_management.01.02' });
    setSheetFlag(peer.doc, sheet, 'done', true);
    return { name, peer };
  }

  const seal = (name: string, user = world.director, body: Record<string, unknown> = {}) =>
    api(server.url, user, 'POST', `/api/documents/${name}/seal`, body);

  it('seals a ready inspection with the hash of its final state; every later update is refused with 4423', async () => {
    const { name, peer } = await readyInspection();
    setComment(peer.doc, '安全管理基本到位');
    const stateVector = Buffer.from(Y.encodeStateVector(peer.doc)).toString('base64');
    await eventually(async () =>
      expect((await seal(name, world.director, { stateVector })).status).toBe(200),
    );
    const row = (await api(server.url, world.director, 'GET', `/api/documents/${name}`)).json.document;
    expect(row).toMatchObject({ access: 'read' });
    expect(row.sealedHash).toMatch(/^[0-9a-f]{64}$/);
    await eventually(() => expect(materialized).toContain(name));

    const closed = new Promise<number>((resolve) =>
      peer.provider.once('connection-close', (e) => resolve(e!.code)),
    );
    setRemarks(peer.doc, '封存后修改');
    expect(await closed).toBe(CLOSE_CODES.sealed);
    expect(server.deps.sync.withDoc(name, (d) => d.getText('remarks').toString())).toBe('');
    expect((await seal(name)).json.error.code).toBe('already_sealed');
    expect(createHash('sha256').update(storedSnapshot(server, name)!.state).digest('hex')).toBe(
      row.sealedHash,
    );
    // A reader still loads the sealed state.
    const reader = connectPeer(server, name, world.inspector);
    peers.push(reader);
    await reader.synced();
    expect(reader.doc.getText('comment').toString()).toBe('安全管理基本到位');
  });

  it('refuses to seal without a comment (422), for an inspector not on the inspection (403), or while the client has unsynced changes (409)', async () => {
    const { name, peer } = await readyInspection();
    await eventually(async () => {
      const res = await seal(name);
      expect(res.status).toBe(422);
      expect(res.json.error.issues.map((i: { code: string }) => i.code)).toEqual(['comment_required']);
    });
    setComment(peer.doc, '良好');
    expect((await seal(name, world.otherInspector)).status).toBe(403);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(peer.doc));
    setRemarks(offline, '离线修改');
    const unsynced = await seal(name, world.director, {
      stateVector: Buffer.from(Y.encodeStateVector(offline)).toString('base64'),
    });
    expect(unsynced.json.error.code).toBe('not_synced');
    expect((await seal(name, world.otherDirector)).status).toBe(403);
  });
});
