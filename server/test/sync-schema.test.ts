import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, createInspection, inspectionToJSON, setRemarks } from '@anguan/model';
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
import { closed, syncUpdateFrame } from './sync-helpers.js';

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

/** A registered inspection created by a real client, and that client (who watches for broadcasts). */
async function createdInspection() {
  const name = await registerInspection(server.url, world.director, world.projectId);
  const author = connectPeer(server, name, world.director);
  peers.push(author);
  await author.synced();
  createInspection(author.doc, {
    projectId: world.projectId,
    origin: 'enterprise',
    method: 'jgj59',
    date: '2026-03-15',
    createdBy: world.director.id,
  });
  await eventually(() =>
    expect(server.deps.sync.withDoc(name, (d) => d.getMap('meta').get('origin'))).toBe('enterprise'),
  );
  return { name, author };
}

/** The updates a client holding the server's current state would send for `edit` (one per transaction). */
function editOnCopy(name: string, edit: (doc: Y.Doc) => void): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    server.deps.sync.withDoc(name, (d) => Y.encodeStateAsUpdate(d)),
  );
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  edit(doc);
  doc.destroy();
  return updates;
}

async function sendAndAwaitClose(name: string, updates: readonly Uint8Array[]): Promise<number> {
  const { socket } = await rawConnect(server, name, world.inspector);
  const closing = closed(socket!);
  for (const update of updates) socket!.send(syncUpdateFrame(update));
  return closing;
}

describe('schema checks on the sync socket', () => {
  const attacks: Array<[string, (doc: Y.Doc) => void]> = [
    ['changes meta.origin', (d) => d.getMap('meta').set('origin', 'spot')],
    ['changes meta.projectId', (d) => d.getMap('meta').set('projectId', world.otherProjectId)],
    ['sets schemaVersion 999', (d) => d.getMap('meta').set('schemaVersion', 999)],
    ['deletes meta.createdBy', (d) => d.getMap('meta').delete('createdBy')],
    ['adds an unknown root', (d) => d.getMap('extra').set('x', 'y'.repeat(100))],
  ];
  for (const [what, attack] of attacks) {
    it(`refuses valid Yjs that ${what} (4422): nothing stored or broadcast`, async () => {
      const { name, author } = await createdInspection();
      const before = inspectionToJSON(author.doc);
      const storedBefore = storedUpdates(server, name).length;
      expect(await sendAndAwaitClose(name, editOnCopy(name, attack))).toBe(CLOSE_CODES.schemaViolation);
      expect(storedUpdates(server, name)).toHaveLength(storedBefore);
      expect(server.deps.sync.withDoc(name, (d) => inspectionToJSON(d))).toEqual(before);
      expect(server.deps.sync.withDoc(name, (d) => d.share.has('extra'))).toBe(false);
      // The author's next edit goes through and is the only thing it receives.
      setRemarks(author.doc, '照常');
      await eventually(() =>
        expect(server.deps.sync.withDoc(name, (d) => d.getText('remarks').toString())).toBe('照常'),
      );
      expect(inspectionToJSON(author.doc).meta).toEqual(before.meta);
      expect(author.doc.share.has('extra')).toBe(false);
    });
  }

  it('refuses a meta change that waits for a missing dependency (its deletion of the old value shows at once)', async () => {
    const { name } = await createdInspection();
    // One client: a remarks edit, then a meta change with later clocks; only the second is sent.
    const updates = editOnCopy(name, (d) => {
      d.getText('remarks').insert(0, '先');
      d.getMap('meta').set('origin', 'spot');
    });
    expect(updates).toHaveLength(2);
    expect(await sendAndAwaitClose(name, [updates[1]!])).toBe(CLOSE_CODES.schemaViolation);
    expect(server.deps.sync.withDoc(name, (d) => d.getMap('meta').get('origin'))).toBe('enterprise');
    expect(server.deps.sync.stats().pendingBytes).toBe(0);
  });

  it('accepts the ordinary edits of a real client, mutable meta included', async () => {
    const { name, author } = await createdInspection();
    author.doc.getMap('meta').set('date', '2026-03-16');
    setRemarks(author.doc, '日期已改');
    author.doc.getText('termNote:terms.1').insert(0, '条款备注');
    author.doc.getText('termLocation:terms.1').insert(0, '3号楼');
    await eventually(() =>
      expect(server.deps.sync.withDoc(name, (d) => d.getText('termNote:terms.1').toString())).toBe(
        '条款备注',
      ),
    );
    await eventually(() =>
      expect(server.deps.sync.withDoc(name, (d) => d.getText('termLocation:terms.1').toString())).toBe(
        '3号楼',
      ),
    );
    expect(server.deps.sync.withDoc(name, (d) => d.getMap('meta').get('date'))).toBe('2026-03-16');
    expect(author.closeCodes).toEqual([]);
  });
});
