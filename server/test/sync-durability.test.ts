import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInspection, inspectionToJSON, setRemarks, setTermNote } from '@anguan/model';
import { defaultConfig } from '../src/config.js';
import { DATABASE_FILE } from '../src/db/client.js';
import { startServer, type RunningServer } from '../src/server.js';
import { connectPeer, eventually, registerInspection, seedWorld, type TestPeer } from './sync-fixtures.js';

const dirs: string[] = [];
const peers: TestPeer[] = [];
let server: RunningServer | null = null;

afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const start = (dataDir: string, port: number) =>
  startServer(
    { ...defaultConfig, port, hostname: '127.0.0.1', dataDir, webRoot: null },
    { sync: { unloadGraceMs: 50, log: () => {} }, scheduler: { debounceMs: 20, maxWaitMs: 100 } },
  );

const serverJson = (s: RunningServer, name: string) => s.deps.sync.withDoc(name, (d) => inspectionToJSON(d));

describe('durability beyond the database', () => {
  it('heals a server restored from an older copy of its database: connected clients send back every update it lost', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-durability-'));
    const backupDir = mkdtempSync(path.join(tmpdir(), 'anguan-durability-backup-'));
    dirs.push(dataDir, backupDir);
    server = await start(dataDir, 0);
    const port = server.port;
    const world = seedWorld(server.deps.database.db);
    const name = await registerInspection(server.url, world.director, world.projectId);
    const director = connectPeer(server, name, world.director);
    const inspector = connectPeer(server, name, world.inspector);
    peers.push(director, inspector);
    await Promise.all([director.synced(), inspector.synced()]);
    createInspection(director.doc, {
      projectId: world.projectId,
      origin: 'enterprise',
      method: 'jgj59',
      date: '2026-03-15',
      createdBy: world.director.id,
    });
    setRemarks(director.doc, '备份之前');
    await eventually(() => expect(serverJson(server!, name).remarks).toBe('备份之前'));

    // An online backup (SQLite's backup API: consistent while the server runs), then more work by both clients.
    await server.deps.database.sqlite.backup(path.join(backupDir, DATABASE_FILE));
    setRemarks(director.doc, '备份之后，总监');
    setTermNote(inspector.doc, 'terms.1', '备份之后，检查员');
    await eventually(() => {
      expect(serverJson(server!, name).remarks).toBe('备份之后，总监');
      expect(inspectionToJSON(director.doc)).toEqual(inspectionToJSON(inspector.doc));
    });
    const everything = inspectionToJSON(director.doc);

    // The disk is lost: the server comes back on the same address from the older copy, clients still connected.
    await server.close();
    server = null;
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    copyFileSync(path.join(backupDir, DATABASE_FILE), path.join(dataDir, DATABASE_FILE));
    server = await start(dataDir, port);
    expect(serverJson(server, name).remarks).toBe('备份之前');

    // The providers reconnect by themselves; sync step 2 carries what the restored server lacks, and it is stored.
    await eventually(() => expect(serverJson(server!, name)).toEqual(everything), 15_000);
    for (const p of peers.splice(0)) p.destroy();
    await server.close();
    server = await start(dataDir, 0);
    expect(serverJson(server, name)).toEqual(everything);
  });
});
