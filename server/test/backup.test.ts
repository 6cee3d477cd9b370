import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { addFile, createInspection, documentToJSON, parseDocName, setRemarks } from '@anguan/model';
import { blobs, documents } from '../src/db/schema/index.js';
import { restoreDataDir } from '../src/admin/restore.js';
import { AdminError } from '../src/admin/supervisors.js';
import { defaultConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import {
  connectPeer,
  eventually,
  registerInspection,
  seedWorld,
  startSyncServer,
  type SyncTestServer,
  type TestPeer,
  type TestUser,
} from './sync-fixtures.js';

const run = promisify(execFile);
// Each `admin` call starts a node process with tsx: seconds on a busy machine, hence the long test timeouts.
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `anguan-${label}-`));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** `pnpm admin …` as an operator runs it: a separate process on the same DATA_DIR. */
function admin(dataDir: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'admin', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATA_DIR: dataDir },
  });
}

const png = (seed: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(seed)]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function upload(server: RunningServer, user: TestUser, bytes: Uint8Array) {
  const res = await fetch(`${server.url}/api/blobs/${sha(bytes)}`, {
    method: 'PUT',
    headers: { origin: server.url, cookie: user.cookie },
    body: bytes,
  });
  expect(res.status).toBeLessThan(300);
}

function docNames(server: RunningServer): string[] {
  return server.deps.database.db
    .select({ name: documents.name })
    .from(documents)
    .all()
    .map((d) => d.name);
}

function docState(server: RunningServer, name: string) {
  const { kind } = parseDocName(name);
  return server.deps.sync.withDoc(name, (doc) => ({
    json: documentToJSON(kind, doc),
    vector: Y.decodeStateVector(Y.encodeStateVector(doc)),
    pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
  }));
}

async function startOn(dataDir: string) {
  const server = await startServer({
    ...defaultConfig,
    port: 0,
    hostname: '127.0.0.1',
    dataDir,
    webRoot: null,
  });
  cleanup.push(() => server.close());
  return server;
}

/** Every blob row of `server` has its file, whose bytes hash to its name. */
function blobFiles(server: RunningServer): Map<string, string> {
  const rows = server.deps.database.db.select({ sha256: blobs.sha256 }).from(blobs).all();
  return new Map(rows.map((r) => [r.sha256, sha(readFileSync(server.deps.blobStore.pathOf(r.sha256)))]));
}

describe('pnpm admin backup / restore', () => {
  it('backs up consistently while writes go on, and a quiet backup restores every document and blob exactly', async () => {
    const live: SyncTestServer = await startSyncServer();
    cleanup.push(() => live.dispose());
    const world = seedWorld(live.deps.database.db);
    const peers: TestPeer[] = [];
    cleanup.push(() => peers.forEach((p) => p.destroy()));
    for (let i = 0; i < 3; i++) {
      const name = await registerInspection(live.url, world.inspector, world.projectId, { method: 'terms' });
      const peer = connectPeer(live, name, world.inspector);
      peers.push(peer);
      await peer.synced();
      createInspection(peer.doc, {
        projectId: world.projectId,
        origin: 'enterprise',
        method: 'terms',
        date: '2026-03-15',
        createdBy: world.inspector.id,
      });
    }

    // The load: remarks typed and photos uploaded and attached on every document, until stopped.
    let writes = 0;
    let stop = false;
    const load = (async () => {
      while (!stop) {
        for (const peer of peers) {
          const bytes = png(randomUUID());
          await upload(live, world.inspector, bytes);
          addFile(peer.doc, {
            sha256: sha(bytes),
            name: `${writes}.png`,
            mediaType: 'image/png',
            size: bytes.length,
            addedBy: world.inspector.id,
          });
          setRemarks(peer.doc, `备注 ${writes++}`);
        }
      }
    })();
    await eventually(() => expect(writes).toBeGreaterThan(10));
    const before = writes;
    const underLoad = tempDir('backup-load');
    rmSync(underLoad, { recursive: true });
    const { stdout } = await admin(live.dataDir, 'backup', underLoad);
    expect(stdout).toMatch(/backup written to .*: 3 documents/);
    expect(writes).toBeGreaterThan(before); // writes really ran during the backup
    stop = true;
    await load;
    await eventually(
      () =>
        peers.forEach((peer) => {
          const name = (peer.provider as unknown as { roomname: string }).roomname;
          expect(docState(live, name).json).toEqual(documentToJSON('inspection', peer.doc));
        }),
      60_000,
    );

    // The backup taken under load is one consistent moment: whole documents, a prefix of the live ones, and
    // every blob it names on disk.
    const restoredLoad = tempDir('restore-load');
    restoreDataDir(underLoad, restoredLoad);
    const fromLoad = await startOn(restoredLoad);
    expect(docNames(fromLoad).sort()).toEqual(docNames(live).sort());
    for (const name of docNames(fromLoad)) {
      const copy = docState(fromLoad, name);
      expect(copy.pending).toBe(false);
      const current = docState(live, name).vector;
      for (const [client, clock] of copy.vector) {
        expect(current.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
      }
    }
    for (const [hash, actual] of blobFiles(fromLoad)) expect(actual).toBe(hash);

    // A backup of the quiet server restores exactly: every document's content and every blob's bytes.
    const quiet = tempDir('backup-quiet');
    rmSync(quiet, { recursive: true });
    await admin(live.dataDir, 'backup', quiet);
    const restoredQuiet = tempDir('restore-quiet');
    await admin(restoredQuiet, 'restore', quiet);
    const fromQuiet = await startOn(restoredQuiet);
    for (const name of docNames(live)) {
      expect(docState(fromQuiet, name).json).toEqual(docState(live, name).json);
    }
    expect(blobFiles(fromQuiet)).toEqual(blobFiles(live));
    expect(blobFiles(live).size).toBeGreaterThan(10);
  }, 300_000);

  it('refuses to restore over a DATA_DIR a server is running on, unless forced, and sets old data aside', async () => {
    const dataDir = tempDir('data');
    const server = await startOn(dataDir);
    seedWorld(server.deps.database.db);
    const backup = path.join(tempDir('backup'), 'b');
    await admin(dataDir, 'backup', backup);
    expect(() => restoreDataDir(backup, dataDir)).toThrow(AdminError);
    await expect(admin(dataDir, 'restore', backup)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/a server \(pid \d+\) is running/),
    });
    await server.close();
    cleanup.pop();
    const result = restoreDataDir(backup, dataDir);
    expect(result.setAside).toMatch(/pre-restore-/);
    expect(result.manifest.database.documents).toBe(0);
  }, 120_000);

  it('prints a generated password for a new supervisor', async () => {
    const dataDir = tempDir('supervisor');
    const server = await startOn(dataDir);
    seedWorld(server.deps.database.db);
    await server.close();
    cleanup.pop();
    const { stdout } = await admin(
      dataDir,
      'supervisor',
      'add',
      '--login',
      'nj-jd',
      '--name',
      '南京市监督站',
      '--region',
      '320100',
    );
    expect(stdout).toMatch(
      /supervisor nj-jd \(南京市监督站, region 320100\) created; generated password: [A-Za-z0-9]{16}/,
    );
    await expect(
      admin(dataDir, 'supervisor', 'add', '--login', 'nj-jd', '--name', 'x', '--region', '320100'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('already taken'),
    });
  }, 120_000);
});
