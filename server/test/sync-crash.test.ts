import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../src/db/client.js';
import type { RunningServer } from '../src/server.js';
import { connectPeer, eventually, registerInspection, seedWorld, type TestPeer } from './sync-fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Child {
  process: ChildProcess;
  url: string;
}

/** Starts `node --import tsx server/src/main.ts` (the production entry) on a free port with `dataDir`. */
function spawnServer(dataDir: string): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_ROOT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ process: child, url: match[1]! });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const children: ChildProcess[] = [];
const peers: TestPeer[] = [];
let dataDir = '';
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await Promise.all(children.splice(0).map(killed));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps every update any client saw broadcast when the server is killed mid-stream (kill -9) and restarted', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-crash-'));
    const first = await spawnServer(dataDir);
    children.push(first.process);
    const database = openDatabase(dataDir);
    const world = seedWorld(database.db);
    database.close();
    const server = { url: first.url } as RunningServer;
    const name = await registerInspection(first.url, world.director, world.projectId);

    const writer = connectPeer(server, name, world.director);
    const observer = connectPeer(server, name, world.inspector);
    peers.push(writer, observer);
    await Promise.all([writer.synced(), observer.synced()]);
    const seen = new Set<string>();
    observer.doc.getMap('deductions').observe((event) => event.keysChanged.forEach((k) => seen.add(k)));
    const observerClosed = new Promise<void>((resolve) =>
      observer.provider.once('connection-close', () => resolve()),
    );

    // Stream updates until the observer has seen plenty, then kill the server while the stream continues.
    let sent = 0;
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        writer.doc.getMap('deductions').set(`k${sent++}`, sent);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await eventually(() => expect(seen.size).toBeGreaterThanOrEqual(150), 15_000);
    await killed(first.process);
    await observerClosed;
    streaming = false;
    await stream;
    const seenAtCrash = [...seen];
    // Neither client may resend anything to the new server: only storage can answer.
    writer.provider.destroy();
    observer.provider.destroy();
    expect(sent).toBeGreaterThan(seenAtCrash.length);

    const second = await spawnServer(dataDir);
    children.push(second.process);
    const fresh = connectPeer({ url: second.url } as RunningServer, name, world.director, new Y.Doc());
    peers.push(fresh);
    await fresh.synced();
    const stored = fresh.doc.getMap('deductions');
    const missing = seenAtCrash.filter((k) => !stored.has(k));
    expect(missing).toEqual([]);
  }, 60_000);
});
