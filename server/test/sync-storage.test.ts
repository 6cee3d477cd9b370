import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StartOptions } from '../src/server.js';
import {
  connectPeer,
  eventually,
  registerInspection,
  seedWorld,
  startSyncServer,
  storedSnapshot,
  storedUpdates,
  type SyncTestServer,
  type TestPeer,
  type World,
} from './sync-fixtures.js';
import { RandomSource } from '@anguan/model/testing';

let server: SyncTestServer;
let world: World;
const peers: TestPeer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await server.dispose();
});

async function start(sync: StartOptions['sync']) {
  server = await startSyncServer({ sync });
  world = seedWorld(server.deps.database.db);
  return registerInspection(server.url, world.director, world.projectId);
}

/** Everything a document holds, for comparing contents. */
const content = (doc: Y.Doc) => ({
  stream: doc.getMap('deductions').toJSON(),
  notes: doc.getText('remarks').toString(),
  stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(),
});

function randomEdits(doc: Y.Doc, random: RandomSource, count: number) {
  for (let i = 0; i < count; i++) {
    const text = doc.getText('remarks');
    if (random.chance(0.5)) doc.getMap('deductions').set(`k${random.int(20)}`, random.int(1000));
    else if (random.chance(0.3) && text.length > 0) text.delete(random.int(text.length), 1);
    else text.insert(random.int(text.length + 1), random.pick(['整', '改', 'a', '1']));
  }
}

describe('compaction', () => {
  it('folds the update log into a snapshot with identical content once idle and past the size', async () => {
    const name = await start({ compactIdleMs: 30, compactMinUpdates: 40, hibernateIdleMs: 60_000 });
    const writer = connectPeer(server, name, world.director);
    peers.push(writer);
    await writer.synced();
    const random = new RandomSource(7);
    // Below the size: idle compaction leaves the tail alone.
    randomEdits(writer.doc, random, 10);
    await eventually(() => expect(storedUpdates(server, name)).toHaveLength(10));
    const beforeCompaction = new Y.Doc();
    Y.applyUpdate(
      beforeCompaction,
      Y.mergeUpdates(storedUpdates(server, name).map((r) => new Uint8Array(r.update))),
    );
    randomEdits(writer.doc, random, 60);
    await eventually(() => {
      expect(storedUpdates(server, name)).toHaveLength(0);
      expect(storedSnapshot(server, name)).toBeDefined();
    });
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, new Uint8Array(storedSnapshot(server, name)!.state));
    expect(content(fromSnapshot)).toEqual(content(writer.doc));
    expect(Y.encodeStateVector(fromSnapshot)).toEqual(
      new Uint8Array(storedSnapshot(server, name)!.stateVector),
    );
    // What was stored before compaction is contained in the snapshot.
    expect(Y.snapshotContainsUpdate(Y.snapshot(fromSnapshot), Y.encodeStateAsUpdate(beforeCompaction))).toBe(
      true,
    );
    const reader = connectPeer(server, name, world.inspector);
    peers.push(reader);
    await reader.synced();
    expect(content(reader.doc)).toEqual(content(writer.doc));
  });

  it('drops the live document of an idle room and wakes it on the next update', async () => {
    const name = await start({ compactIdleMs: 10, hibernateIdleMs: 30 });
    const writer = connectPeer(server, name, world.director);
    const reader = connectPeer(server, name, world.inspector);
    peers.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    randomEdits(writer.doc, new RandomSource(3), 20);
    await eventually(() => expect(server.deps.sync.stats()).toMatchObject({ rooms: 1, liveRooms: 0 }));
    expect(storedUpdates(server, name)).toHaveLength(0);
    writer.doc.getMap('deductions').set('after', 1);
    await eventually(() => expect(reader.doc.getMap('deductions').get('after')).toBe(1));
    expect(content(reader.doc)).toEqual(content(writer.doc));
  });

  it('serves a cold load of a 10,000-update document from the stored snapshot without building a Y.Doc', async () => {
    const name = await start({ compactIdleMs: 10, hibernateIdleMs: 60_000 });
    const writer = connectPeer(server, name, world.director);
    peers.push(writer);
    await writer.synced();
    const text = writer.doc.getText('remarks');
    for (let i = 0; i < 10_000; i++) {
      if (i % 2 === 0) writer.doc.getMap('deductions').set(`k${(i / 2) % 100}`, `value ${i}`);
      else text.insert(text.length, `n${i} `);
    }
    await eventually(
      () => expect(server.deps.sync.withDoc(name, (d) => d.getText('remarks').length)).toBe(text.length),
      20_000,
    );
    writer.provider.disconnect();
    await eventually(() => expect(server.deps.sync.isLoaded(name)).toBe(false));
    const started = performance.now();
    const reader = connectPeer(server, name, world.inspector);
    peers.push(reader);
    await reader.synced();
    const elapsed = performance.now() - started;
    expect(content(reader.doc)).toEqual(content(writer.doc));
    expect(server.deps.sync.stats()).toMatchObject({ rooms: 1, liveRooms: 0 });
    expect(elapsed).toBeLessThan(1_000);
  }, 60_000);
});
