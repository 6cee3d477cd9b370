import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, MAX_AWARENESS_STATE_BYTES } from '@anguan/model';
import {
  connectPeer,
  eventually,
  rawConnect,
  registerInspection,
  seedWorld,
  startSyncServer,
  type SyncTestServer,
  type TestPeer,
  type World,
} from './sync-fixtures.js';
import { awarenessFrame, closed } from './sync-helpers.js';

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

const focusOf = (peer: TestPeer, clientId: number) =>
  (peer.provider.awareness.getStates().get(clientId) as { focus?: unknown } | undefined)?.focus;

describe('awareness on the sync socket', () => {
  it("ignores a read-only supervisor publishing an inspector's client id; everyone keeps the inspector's presence", async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const inspector = connectPeer(server, name, world.inspector);
    const watcher = connectPeer(server, name, world.director);
    peers.push(inspector, watcher);
    await Promise.all([inspector.synced(), watcher.synced()]);
    inspector.provider.awareness.setLocalStateField('focus', { section: 'tower_crane', item: null });
    const victim = inspector.doc.clientID;
    await eventually(() => expect(focusOf(watcher, victim)).toEqual({ section: 'tower_crane', item: null }));

    const { socket } = await rawConnect(server, name, world.supervisor);
    const answered = new Promise<void>((resolve) =>
      socket!.on('message', (data: ArrayBuffer) => {
        const bytes = new Uint8Array(data);
        if (bytes[0] === 0 && bytes[1] === 1) resolve();
      }),
    );
    const spoof = { focus: { section: 'x', item: 'y' }, user: { name: '冒充' } };
    socket!.send(awarenessFrame([{ clientId: victim, clock: 1_000, state: spoof }]));
    socket!.send(new Uint8Array([0, 0, 1, 0])); // answered after the spoof was handled
    await answered;
    const newcomer = connectPeer(server, name, world.director);
    peers.push(newcomer);
    await eventually(() => expect(focusOf(newcomer, victim)).toEqual({ section: 'tower_crane', item: null }));
    expect(focusOf(watcher, victim)).toEqual({ section: 'tower_crane', item: null });
    expect([inspector.closeCodes, watcher.closeCodes]).toEqual([[], []]);
    socket!.terminate();
  });

  it('closes a connection sending 1e5 entries or an oversized state, and newcomers get a small greeting', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const flood = Array.from({ length: 100_000 }, (_, i) => ({ clientId: i + 1, clock: 1, state: {} }));
    const first = await rawConnect(server, name, world.director);
    const floodClosed = closed(first.socket!);
    first.socket!.send(awarenessFrame(flood));
    expect(await floodClosed).toBe(CLOSE_CODES.awarenessRefused);

    const second = await rawConnect(server, name, world.director);
    const bigClosed = closed(second.socket!);
    const big = { focus: { section: 'x'.repeat(MAX_AWARENESS_STATE_BYTES), item: null } };
    second.socket!.send(awarenessFrame([{ clientId: 7, clock: 1, state: big }]));
    expect(await bigClosed).toBe(CLOSE_CODES.awarenessRefused);
    expect(server.deps.sync.stats().presenceEntries).toBe(0);

    const { socket } = await rawConnect(server, name, world.director);
    const greeting: Uint8Array[] = [];
    socket!.on('message', (data: ArrayBuffer) => greeting.push(new Uint8Array(data)));
    socket!.send(new Uint8Array([0, 0, 1, 0])); // sync step 1, empty state vector: answered with step 2
    await eventually(() => expect(greeting.some((m) => m[0] === 0 && m[1] === 1)).toBe(true));
    expect(Math.max(...greeting.map((m) => m.length))).toBeLessThan(1_000);
    socket!.terminate();
  });
});
