import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { addSheet, createInspection, setDeduction, setInspector } from '@anguan/model';
import { defaultConfig } from '../src/config.js';
import { inspections } from '../src/db/schema/index.js';
import { startServer, type RunningServer, type StartOptions } from '../src/server.js';
import { connectPeer, eventually, registerInspection, seedWorld } from './sync-fixtures.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-catch-up-'));
const running: RunningServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(options: StartOptions = {}) {
  const server = await startServer(
    { ...defaultConfig, port: 0, hostname: '127.0.0.1', dataDir, webRoot: null },
    {
      ...options,
      sync: { unloadGraceMs: 50, log: () => {} },
      scheduler: { debounceMs: 20, maxWaitMs: 100, log: () => {} },
    },
  );
  running.push(server);
  return server;
}

describe('materialization catch-up at start', () => {
  it('gives rows to inspection documents written while no materializer ran', async () => {
    const before = await start({ materializer: { materialize: () => {} } });
    const world = seedWorld(before.deps.database.db);
    const name = await registerInspection(before.url, world.inspector, world.projectId);
    const peer = connectPeer(before, name, world.inspector);
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
    const id = name.slice('inspection:'.length);
    await eventually(() =>
      expect(before.deps.sync.withDoc(name, (d) => d.getMap('deductions').size)).toBe(1),
    );
    peer.destroy();
    await running.pop()!.close();
    const rowOf = (server: RunningServer) =>
      server.deps.database.db.select().from(inspections).where(eq(inspections.id, id)).get();
    const after = await start();
    // 扣3分 on 安全生产责任制: the sheet scores 97; 安全管理 alone is converted by A2 = 9.7 / 10 × 100.
    await eventually(() => expect(rowOf(after)?.total).toBe('97.00'));
    expect(rowOf(after)).toMatchObject({ status: 'draft', grade: '优良', policy: 'provincial' });
  });
});
