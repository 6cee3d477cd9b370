import { afterEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { addFile, createInspection } from '@anguan/model';
import { defaultLimits, type Limits } from '../src/config.js';
import { auditLog } from '../src/db/schema/index.js';
import { runMaintenance } from '../src/admin/maintenance.js';
import {
  api,
  connectPeer,
  eventually,
  registerInspection,
  seedWorld,
  startSyncServer,
  type SyncTestServer,
  type TestPeer,
  type TestUser,
  type World,
} from './sync-fixtures.js';

const HOUR = 60 * 60 * 1000;
let server: SyncTestServer;
let world: World;
const peers: TestPeer[] = [];
const clock = { now: new Date('2026-03-15T02:00:00Z') };
const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

async function start(limits: Partial<Limits>) {
  clock.now = new Date('2026-03-15T02:00:00Z');
  // Sessions stay valid across the clock jumps: idle logout is not what these tests are about.
  const sessionIdleMs = 365 * 24 * HOUR;
  server = await startSyncServer(
    { now: () => clock.now },
    { limits: { ...defaultLimits, sessionIdleMs, ...limits } },
  );
  world = seedWorld(server.deps.database.db, clock.now);
}
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await server.dispose();
});

const png = (seed: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(92, seed)]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function getStatus(route: string, user: TestUser) {
  const res = await fetch(server.url + route, { headers: { cookie: user.cookie } });
  await res.arrayBuffer();
  return res.status;
}

async function put(bytes: Uint8Array, user: TestUser = world.inspector) {
  const res = await fetch(`${server.url}/api/blobs/${sha(bytes)}`, {
    method: 'PUT',
    headers: { origin: server.url, cookie: user.cookie, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as any };
}

describe('upload quota (issue 12 item 9)', () => {
  it('refuses uploads past the day’s bytes with a zh-CN 429, lets a retry of counted bytes through, and resets', async () => {
    await start({ uploadBytesPerDay: 250 });
    expect((await put(png('a'))).status).toBe(201);
    expect((await put(png('b'))).status).toBe(201);
    const refused = await put(png('c'));
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatchObject({ code: 'upload_quota_exceeded', retryAfter: 3600 });
    expect(refused.json.error.message).toMatch(/今日上传的文件已超过/);
    expect(refused.retryAfter).toBe('3600');
    expect((await put(png('a'))).status).toBe(200); // the outbox retrying counted bytes
    expect((await put(png('c'), world.director)).status).toBe(201); // per user
    advance(24 * HOUR + 1);
    expect((await put(png('c'))).status).toBe(200);
  });
});

describe('document registration quota (issue 12 item 9)', () => {
  it('refuses the registrations past the hour’s limit, but never a retry of an existing one', async () => {
    await start({ documentRegistrationsPerHour: 2 });
    const first = await registerInspection(server.url, world.inspector, world.projectId);
    await registerInspection(server.url, world.inspector, world.projectId);
    const body = (name: string) => ({
      name,
      kind: 'inspection',
      projectId: world.projectId,
      method: 'jgj59',
      origin: 'enterprise',
    });
    const refused = await api(
      server.url,
      world.inspector,
      'POST',
      '/api/documents',
      body(`inspection:${randomUUID()}`),
    );
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatchObject({ code: 'registration_quota_exceeded' });
    expect(refused.json.error.message).toMatch(/每小时最多新建 2 份文档/);
    expect((await api(server.url, world.inspector, 'POST', '/api/documents', body(first))).status).toBe(200);
    advance(HOUR);
    expect(
      (await api(server.url, world.inspector, 'POST', '/api/documents', body(`inspection:${randomUUID()}`)))
        .status,
    ).toBe(201);
  });
});

describe('unreferenced blobs expire (issue 12 item 9)', () => {
  it('deletes a blob no document references once the grace period has passed since its last upload', async () => {
    await start({ unreferencedBlobGraceMs: HOUR });
    const orphan = png('orphan');
    const kept = png('kept');
    await put(orphan);
    await put(kept);
    const name = await registerInspection(server.url, world.inspector, world.projectId, { method: 'terms' });
    const peer = connectPeer(server, name, world.inspector);
    peers.push(peer);
    await peer.synced();
    createInspection(peer.doc, {
      projectId: world.projectId,
      origin: 'enterprise',
      method: 'terms',
      date: '2026-03-15',
      createdBy: world.inspector.id,
    });
    addFile(peer.doc, { sha256: sha(kept), name: 'a.png', mediaType: 'image/png', size: 100, addedBy: 'x' });
    await eventually(async () => {
      await server.deps.materializeScheduler.flush();
      expect(await getStatus(`/api/blobs/${sha(kept)}`, world.supervisor)).toBe(200);
    });

    advance(HOUR - 1);
    await put(png('young'));
    expect((await runMaintenance(server.deps)).expiredBlobs).toBe(0);
    advance(2);
    const report = await runMaintenance(server.deps);
    expect(report.expiredBlobs).toBe(1);
    expect(existsSync(server.deps.blobStore.pathOf(sha(orphan)))).toBe(false);
    expect(existsSync(server.deps.blobStore.pathOf(sha(kept)))).toBe(true);
    expect(existsSync(server.deps.blobStore.pathOf(sha(png('young'))))).toBe(true);
    expect(await getStatus(`/api/blobs/${sha(orphan)}`, world.inspector)).toBe(404);
    const expired = server.deps.database.db
      .select()
      .from(auditLog)
      .all()
      .filter((e) => e.event === 'blob.expired');
    expect(expired.map((e) => e.target)).toEqual([sha(orphan)]);
    // Uploading the bytes again brings the blob back.
    expect((await put(orphan)).status).toBe(201);
  });

  it('sweeps on a timer as well as on demand', async () => {
    await start({ unreferencedBlobGraceMs: HOUR, maintenanceIntervalMs: 20 });
    const orphan = png('timer');
    await put(orphan);
    advance(HOUR + 1);
    await eventually(() => expect(existsSync(server.deps.blobStore.pathOf(sha(orphan)))).toBe(false));
  });
});
