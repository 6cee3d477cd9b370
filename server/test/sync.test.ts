import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  CLOSE_CODES,
  MAX_MESSAGE_BYTES,
  addSheet,
  createInspection,
  inspectionToJSON,
  presenceUser,
  setDeduction,
  setRemarks,
} from '@anguan/model';
import { users } from '../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import {
  clockJumpConfig,
  closeCodeOf,
  connectPeer,
  eventually,
  rawConnect,
  registerInspection,
  seedWorld,
  startSyncServer,
  storedUpdates,
  type SyncTestServer,
  type TestPeer,
  type World,
} from './sync-fixtures.js';
import { RandomSource } from '@anguan/model/testing';

let server: SyncTestServer;
let world: World;
const peers: TestPeer[] = [];
const peer = (docName: string, user = world.director, doc?: Y.Doc) => {
  const p = connectPeer(server, docName, user, doc);
  peers.push(p);
  return p;
};

beforeEach(async () => {
  server = await startSyncServer();
  world = seedWorld(server.deps.database.db);
});
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await server.dispose();
});

describe('/sync', () => {
  it('converges two WebsocketProvider clients editing one inspection, and shares presence', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const a = peer(name, world.director);
    const b = peer(name, world.inspector);
    await Promise.all([a.synced(), b.synced()]);
    createInspection(a.doc, {
      projectId: world.projectId,
      origin: 'enterprise',
      method: 'jgj59',
      date: '2026-03-15',
      createdBy: world.director.id,
    });
    const sheet = addSheet(a.doc, { tableId: 'tower_crane' });
    await eventually(() => expect(inspectionToJSON(b.doc).sheets).toHaveLength(1));
    setDeduction(a.doc, sheet, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.01' });
    setDeduction(b.doc, sheet, { itemId: 'tower_crane.02', ruleId: 'tower_crane.02.01', count: 3 });
    await eventually(() => {
      expect(inspectionToJSON(a.doc).sheets[0]?.deductions).toHaveLength(2);
      expect(inspectionToJSON(b.doc)).toEqual(inspectionToJSON(a.doc));
    });
    // The client's own claim about its user is replaced by the session's name and colour.
    a.provider.awareness.setLocalState({
      user: { name: '王总监' },
      focus: { section: 'tower_crane', item: null },
    });
    const director = server.deps.database.db
      .select()
      .from(users)
      .where(eq(users.id, world.director.id))
      .get()!;
    await eventually(() =>
      expect([...b.provider.awareness.getStates().values()]).toContainEqual({
        user: presenceUser(director.id, director.displayName),
        focus: { section: 'tower_crane', item: null },
      }),
    );
    // A newcomer gets the state and the presence of those already there.
    const c = peer(name, world.director);
    await c.synced();
    expect(inspectionToJSON(c.doc)).toEqual(inspectionToJSON(a.doc));
    await eventually(() => expect(c.provider.awareness.getStates().size).toBeGreaterThanOrEqual(2));
    a.provider.disconnect();
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });

  it('refuses an unauthenticated upgrade with 401, a foreign enterprise with 403, an unknown document with 404', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    expect((await rawConnect(server, name, null)).status).toBe(401);
    expect((await rawConnect(server, name, world.otherDirector)).status).toBe(403);
    expect((await rawConnect(server, name, world.otherSupervisor)).status).toBe(403);
    expect(
      (await rawConnect(server, 'inspection:0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e', world.director)).status,
    ).toBe(404);
    expect((await rawConnect(server, 'not-a-doc', world.director)).status).toBe(404);
    expect((await rawConnect(server, name, world.director, { origin: 'https://evil.example' })).status).toBe(
      403,
    );
    const ok = await rawConnect(server, name, world.director);
    expect(ok.status).toBe(101);
    ok.socket?.close();
    // A plain HTTP request to the endpoint gets 426, not the SPA.
    expect((await fetch(`${server.url}/sync/${name}`)).status).toBe(426);
  });

  it('authenticates upgrades like the API: expired sessions and disabled users get 401', async () => {
    await server.dispose();
    let now = new Date();
    // Days pass between the upgrades: the idle logout (tested in sync-revocation.test.ts) is a year here.
    server = await startSyncServer({ now: () => now }, clockJumpConfig);
    world = seedWorld(server.deps.database.db, now);
    const name = await registerInspection(server.url, world.director, world.projectId);
    server.deps.database.db
      .update(users)
      .set({ disabledAt: now })
      .where(eq(users.id, world.inspector.id))
      .run();
    expect((await rawConnect(server, name, world.inspector)).status).toBe(401);
    now = new Date(now.getTime() + 20 * 24 * 3600_000); // due for renewal: the standard path answers
    const renewed = await rawConnect(server, name, world.director);
    expect(renewed.status).toBe(101);
    renewed.socket?.close();
    now = new Date(now.getTime() + 31 * 24 * 3600_000);
    expect((await rawConnect(server, name, world.director)).status).toBe(401);
  });

  it('closes open connections whose session ended (4401) or whose access was withdrawn (4403)', async () => {
    await server.dispose();
    server = await startSyncServer({ sync: { sessionRecheckMs: 20 } });
    world = seedWorld(server.deps.database.db);
    const name = await registerInspection(server.url, world.director, world.projectId);
    const inspector = peer(name, world.inspector);
    const department = peer(name, world.department);
    const director = peer(name, world.director);
    await Promise.all([inspector.synced(), department.synced(), director.synced()]);
    server.deps.database.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, world.inspector.id))
      .run();
    server.deps.database.db
      .update(users)
      .set({ projectId: world.otherProjectId })
      .where(eq(users.id, world.department.id))
      .run();
    await eventually(() => {
      expect(inspector.closeCodes[0]).toBe(CLOSE_CODES.unauthorized);
      expect(department.closeCodes[0]).toBe(CLOSE_CODES.forbidden);
    });
    expect(director.closeCodes).toEqual([]);
  });

  it('refuses a write on a read-only connection with 4409 and stores nothing', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const writer = peer(name, world.director);
    await writer.synced();
    setRemarks(writer.doc, '现场整洁');
    await eventually(() => expect(storedUpdates(server, name)).toHaveLength(1));
    // The project department may read an enterprise inspection, not write it.
    const reader = peer(name, world.department);
    await reader.synced();
    expect(reader.doc.getText('remarks').toString()).toBe('现场整洁');
    const closed = new Promise<number>((resolve) =>
      reader.provider.once('connection-close', (e) => resolve(e!.code)),
    );
    setRemarks(reader.doc, '篡改');
    expect(await closed).toBe(CLOSE_CODES.readOnly);
    expect(storedUpdates(server, name)).toHaveLength(1);
    expect(server.logs.join('\n')).toMatch(/closing 4409/);
    setRemarks(writer.doc, '现场整洁，已复查');
    await eventually(() => expect(storedUpdates(server, name)).toHaveLength(2));
    expect(server.deps.sync.withDoc(name, (d) => d.getText('remarks').toString())).toBe('现场整洁，已复查');
  });

  it('closes an oversized frame (1009) and a malformed frame (4400) without disturbing other connections', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const other = await registerInspection(server.url, world.director, world.projectId);
    const a = peer(name);
    const b = peer(name);
    const c = peer(other);
    await Promise.all([a.synced(), b.synced(), c.synced()]);

    const big = await rawConnect(server, name, world.director);
    const bigClosed = closeCodeOf(big.socket!);
    big.socket!.send(new Uint8Array(MAX_MESSAGE_BYTES + 1));
    expect(await bigClosed).toBe(CLOSE_CODES.messageTooBig);

    for (const frame of [
      new Uint8Array([0, 2, 5, 1, 2]), // update claiming 5 bytes, carrying 2
      new Uint8Array([7, 1, 1]), // unknown message type
      encodeSyncUpdate(new Uint8Array([1, 1, 200, 1, 0, 9, 9, 9])), // bytes that are no Yjs update
      new Uint8Array([1, 5, 1, 1, 1, 3, 123, 120, 125]), // awareness with invalid JSON state
    ]) {
      const bad = await rawConnect(server, name, world.director);
      const closed = closeCodeOf(bad.socket!);
      bad.socket!.send(frame);
      expect(await closed).toBe(CLOSE_CODES.malformed);
    }
    const text = await rawConnect(server, name, world.director);
    const textClosed = closeCodeOf(text.socket!);
    text.socket!.send('hello');
    expect(await textClosed).toBe(CLOSE_CODES.malformed);
    expect(server.logs.filter((l) => /closing 4400/.test(l))).toHaveLength(5);

    setRemarks(a.doc, 'still here');
    setRemarks(c.doc, 'other doc too');
    await eventually(() => {
      expect(b.doc.getText('remarks').toString()).toBe('still here');
      expect(server.deps.sync.withDoc(other, (d) => d.getText('remarks').toString())).toBe('other doc too');
    });
    expect(a.closeCodes).toEqual([]);
    expect(c.closeCodes).toEqual([]);
  });

  it('survives a stream of random frames: each bad one closes only its own connection', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const witness = peer(name);
    await witness.synced();
    setRemarks(witness.doc, '基线');
    const random = new RandomSource(20261124);
    const step1 = new Uint8Array([0, 0, 1, 0]);
    for (let i = 0; i < 120; i++) {
      const length = 1 + random.int(40);
      const frame = new Uint8Array(length);
      for (let j = 0; j < length; j++) frame[j] = random.int(256);
      frame[0] = random.pick([0, 0, 1, 3, random.int(256)]);
      if (frame[0] === 0 && length > 1) frame[1] = random.int(4);
      const { socket } = await rawConnect(server, name, world.director);
      const outcome = new Promise<string>((resolve) => {
        socket!.once('close', (code) => resolve(`closed ${code}`));
        socket!.on('message', (data: ArrayBuffer) => {
          const bytes = new Uint8Array(data);
          if (bytes[0] === 0 && bytes[1] === 1) resolve('answered');
        });
      });
      socket!.send(frame);
      socket!.send(step1);
      expect(await outcome).toMatch(/^(answered|closed (4400|4409|4412|4413|4422|4429))$/);
      socket!.terminate();
    }
    expect(server.logs.filter((line) => /closing 1011|failed/.test(line))).toEqual([]);
    setRemarks(witness.doc, '基线，仍然可用');
    await eventually(() =>
      expect(server.deps.sync.withDoc(name, (d) => d.getText('remarks').toString())).toBe('基线，仍然可用'),
    );
    expect(witness.closeCodes).toEqual([]);
  });

  it('unloads a document after its last connection leaves and serves it again from storage', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const a = peer(name);
    await a.synced();
    setRemarks(a.doc, '第一次');
    await eventually(() => expect(storedUpdates(server, name)).toHaveLength(1));
    a.provider.disconnect();
    await eventually(() => expect(server.deps.sync.isLoaded(name)).toBe(false));
    // Unloading compacted the tail into a snapshot.
    expect(storedUpdates(server, name)).toHaveLength(0);
    const b = peer(name);
    await b.synced();
    expect(b.doc.getText('remarks').toString()).toBe('第一次');
  });

  it('refuses connections past the per-user limit with 429', async () => {
    await server.dispose();
    server = await startSyncServer({ sync: { maxConnectionsPerUser: 2 } });
    world = seedWorld(server.deps.database.db);
    const name = await registerInspection(server.url, world.director, world.projectId);
    const first = await rawConnect(server, name, world.director);
    const second = await rawConnect(server, name, world.director);
    expect((await rawConnect(server, name, world.director)).status).toBe(429);
    expect((await rawConnect(server, name, world.inspector)).status).toBe(101);
    first.socket!.close();
    await eventually(async () => {
      const again = await rawConnect(server, name, world.director);
      expect(again.status).toBe(101);
      again.socket!.close();
    });
    second.socket!.close();
  });

  it('refuses an update that would make the document larger than the limit (4413)', async () => {
    await server.dispose();
    server = await startSyncServer({ sync: { maxDocBytes: 2_000 } });
    world = seedWorld(server.deps.database.db);
    const name = await registerInspection(server.url, world.director, world.projectId);
    const a = peer(name);
    await a.synced();
    const closed = new Promise<number>((resolve) =>
      a.provider.once('connection-close', (e) => resolve(e!.code)),
    );
    setRemarks(a.doc, 'x'.repeat(3_000));
    expect(await closed).toBe(CLOSE_CODES.docTooLarge);
    expect(storedUpdates(server, name)).toHaveLength(0);
  });
});

function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
