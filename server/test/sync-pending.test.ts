import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, setRemarks } from '@anguan/model';
import {
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
import { closed, syncUpdateFrame, updatesOfOneClient } from './sync-helpers.js';
import type { SyncOptions } from '../src/sync/options.js';

let server: SyncTestServer;
let world: World;
const peers: TestPeer[] = [];

async function start(sync: Partial<SyncOptions>) {
  server = await startSyncServer({ sync });
  world = seedWorld(server.deps.database.db);
}
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await server.dispose();
});

const remarks = (name: string) => server.deps.sync.withDoc(name, (d) => d.getText('remarks').toString());

describe('updates waiting for missing dependencies', () => {
  it('closes a writer whose unresolved updates pass the byte bound (4412), drops them and spares other documents', async () => {
    await start({ maxPendingBytes: 100_000 });
    const target = await registerInspection(server.url, world.director, world.projectId);
    const other = await registerInspection(server.url, world.director, world.projectId);
    const bystander = connectPeer(server, other, world.director);
    peers.push(bystander);
    await bystander.synced();
    const { socket } = await rawConnect(server, target, world.inspector);
    const closing = closed(socket!);
    // The first update is withheld: every later one waits for it.
    for (const update of updatesOfOneClient(12, 30_000).slice(1)) socket!.send(syncUpdateFrame(update));
    expect(await closing).toBe(CLOSE_CODES.unresolvedUpdates);
    expect(server.deps.sync.stats().pendingBytes).toBe(0);
    expect(storedUpdates(server, target)).toEqual([]);
    expect(remarks(target)).toBe('');
    setRemarks(bystander.doc, '另一份文档照常同步');
    await eventually(() => expect(remarks(other)).toBe('另一份文档照常同步'));
    expect(bystander.closeCodes).toEqual([]);
  });

  it('counts unresolved updates against the document size limit', async () => {
    await start({ maxPendingBytes: 1_000_000, maxDocBytes: 50_000 });
    const target = await registerInspection(server.url, world.director, world.projectId);
    const { socket } = await rawConnect(server, target, world.inspector);
    const closing = closed(socket!);
    for (const update of updatesOfOneClient(6, 20_000).slice(1)) socket!.send(syncUpdateFrame(update));
    expect([CLOSE_CODES.unresolvedUpdates, CLOSE_CODES.docTooLarge]).toContain(await closing);
    expect(server.deps.sync.stats().pendingBytes).toBe(0);
    expect(storedUpdates(server, target)).toEqual([]);
  });

  it('drops unresolved updates that wait longer than the age bound and closes their sender', async () => {
    await start({ maxPendingAgeMs: 50, presenceSweepMs: 20 });
    const target = await registerInspection(server.url, world.director, world.projectId);
    const { socket } = await rawConnect(server, target, world.inspector);
    const closing = closed(socket!);
    const [, second] = updatesOfOneClient(2, 100);
    socket!.send(syncUpdateFrame(second!));
    await eventually(() => expect(server.deps.sync.stats().pendingBytes).toBeGreaterThan(0));
    expect(await closing).toBe(CLOSE_CODES.unresolvedUpdates);
    expect(server.deps.sync.stats().pendingBytes).toBe(0);
  });

  it('integrates and stores unresolved updates once their dependency arrives within the bounds', async () => {
    await start({});
    const target = await registerInspection(server.url, world.director, world.projectId);
    const { socket } = await rawConnect(server, target, world.inspector);
    const [first, second] = updatesOfOneClient(2, 10);
    socket!.send(syncUpdateFrame(second!));
    await eventually(() => expect(server.deps.sync.stats().pendingBytes).toBeGreaterThan(0));
    expect(remarks(target)).toBe('');
    socket!.send(syncUpdateFrame(first!));
    await eventually(() => expect(remarks(target)).toBe('a'.repeat(10) + 'b'.repeat(10)));
    expect(server.deps.sync.stats().pendingBytes).toBe(0);
    expect(storedUpdates(server, target).length).toBeGreaterThan(0);
    socket!.terminate();
  });
});
