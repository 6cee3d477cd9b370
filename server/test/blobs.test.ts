import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { auditLog, blobRefs } from '../src/db/schema/index.js';
import { addFile, addTerm, addTermPhoto, createInspection, removeTermPhoto } from '@anguan/model';
import {
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

const png = (seed: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR ${seed}`)]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function request(
  method: string,
  route: string,
  user: TestUser | null,
  body?: Uint8Array,
  headers = {},
) {
  const response = await fetch(server.url + route, {
    method,
    headers: { origin: server.url, ...(user ? { cookie: user.cookie } : {}), ...headers },
    body,
  });
  const buffer = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: buffer,
    json: type.includes('json') && buffer.length > 0 ? JSON.parse(buffer.toString()) : null,
  };
}

const put = (bytes: Uint8Array, user: TestUser = world.inspector, hash = sha(bytes)) =>
  request('PUT', `/api/blobs/${hash}`, user, bytes, { 'content-type': 'application/octet-stream' });

describe('/api/blobs', () => {
  it('stores a verified upload under DATA_DIR/blobs/ab/cd/<hash>, idempotently, and answers HEAD', async () => {
    const bytes = png('a');
    const hash = sha(bytes);
    expect((await request('HEAD', `/api/blobs/${hash}`, world.inspector)).status).toBe(404);
    const first = await put(bytes);
    expect(first.status).toBe(201);
    expect(first.json.blob).toEqual({ sha256: hash, size: bytes.length, mediaType: 'image/png' });
    const file = path.join(server.dataDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(readFileSync(file)).toEqual(bytes);
    expect((await put(bytes)).status).toBe(200);
    const head = await request('HEAD', `/api/blobs/${hash}`, world.inspector);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
  });

  it('refuses a wrong hash, an unsupported type, an oversized body, a cross-site upload and a signed-out one', async () => {
    const bytes = png('b');
    expect((await put(bytes, world.inspector, 'f'.repeat(64))).json.error.code).toBe('hash_mismatch');
    expect((await put(bytes, world.inspector, 'NOT-A-HASH')).json.error.code).toBe('invalid_hash');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const refused = await put(html);
    expect(refused.status).toBe(415);
    expect(existsSync(path.join(server.dataDir, 'blobs', sha(html).slice(0, 2)))).toBe(false);
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1);
    huge.set([0xff, 0xd8, 0xff]);
    expect((await put(huge)).status).toBe(413);
    const crossSite = await request('PUT', `/api/blobs/${sha(bytes)}`, world.inspector, bytes, {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect((await put(bytes, null as never)).status).toBe(401);
  });

  it('serves a blob to its uploader and to readers of a document that references it, and to no one else', async () => {
    const bytes = png('photo');
    const hash = sha(bytes);
    await put(bytes, world.inspector);
    const own = await request('GET', `/api/blobs/${hash}`, world.inspector);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(bytes);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await request('GET', `/api/blobs/${hash}`, world.department)).status).toBe(404);

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
    addTerm(peer.doc, 'T-3.2.1', world.inspector.id);
    addTermPhoto(peer.doc, 'T-3.2.1', hash);
    // Right away, naming the document proves the reference…
    await eventually(async () =>
      expect((await request('GET', `/api/blobs/${hash}?doc=${name}`, world.department)).status).toBe(200),
    );
    // …and once materialized the reference is recorded for every reader of the document.
    await server.deps.materializeScheduler.flush();
    expect((await request('GET', `/api/blobs/${hash}`, world.supervisor)).status).toBe(200);
    expect((await request('GET', `/api/blobs/${hash}`, world.otherDirector)).status).toBe(404);
    expect((await request('GET', `/api/blobs/${hash}?doc=${name}`, world.otherDirector)).status).toBe(404);
    expect((await request('GET', `/api/blobs/${'0'.repeat(64)}`, world.inspector)).status).toBe(404);
  });
});

/** Opens `name` as `user`, writes an inspection into it with `write`, and waits until it is materialized. */
async function writeInspection(
  name: string,
  user: TestUser,
  fields: { projectId: string; origin: 'enterprise' | 'self' },
  write: (doc: TestPeer['doc']) => void,
) {
  const peer = connectPeer(server, name, user);
  peers.push(peer);
  await peer.synced();
  createInspection(peer.doc, { ...fields, method: 'terms', date: '2026-03-15', createdBy: user.id });
  write(peer.doc);
  await eventually(async () => {
    await server.deps.materializeScheduler.flush();
    const refs = server.deps.database.db.select().from(blobRefs).where(eq(blobRefs.docName, name)).all();
    expect(refs.length).toBeGreaterThan(0);
  });
}

const fileOf = (bytes: Uint8Array, addedBy: string) => ({
  sha256: sha(bytes),
  name: '照片.png',
  mediaType: 'image/png',
  size: bytes.length,
  addedBy,
});

describe('a blob hash is not a bearer token (issue 12 item 3)', () => {
  it('gives another enterprise nothing for adding a known hash to its own inspection, nor its supervisor', async () => {
    const bytes = png('secret site photo');
    const hash = sha(bytes);
    const own = await registerInspection(server.url, world.inspector, world.projectId, { method: 'terms' });
    expect((await put(bytes, world.inspector)).status).toBe(201);
    await writeInspection(own, world.inspector, { projectId: world.projectId, origin: 'enterprise' }, (doc) =>
      addFile(doc, fileOf(bytes, world.inspector.id)),
    );

    // The attack from the issue: the hash added to the other enterprise's own inspection (addFile).
    const theirs = await registerInspection(server.url, world.otherDirector, world.otherProjectId, {
      method: 'terms',
    });
    await writeInspection(
      theirs,
      world.otherDirector,
      { projectId: world.otherProjectId, origin: 'enterprise' },
      (doc) => addFile(doc, fileOf(bytes, world.otherDirector.id)),
    );
    const unknown = await request('GET', `/api/blobs/${'1'.repeat(64)}`, world.otherDirector);
    for (const user of [world.otherDirector, world.otherSupervisor]) {
      for (const route of [`/api/blobs/${hash}`, `/api/blobs/${hash}?doc=${theirs}`]) {
        const refused = await request('GET', route, user);
        expect(refused.status).toBe(404);
        expect(refused.json).toEqual(unknown.json);
      }
      expect((await request('HEAD', `/api/blobs/${hash}`, user)).status).toBe(404);
    }
    // The rightful readers are unaffected.
    expect((await request('GET', `/api/blobs/${hash}`, world.supervisor)).status).toBe(200);
    expect((await request('GET', `/api/blobs/${hash}?doc=${own}`, world.director)).status).toBe(200);
  });

  it('grants a reference once a writer of the document uploads the bytes, even after the document synced', async () => {
    const bytes = png('offline photo');
    const hash = sha(bytes);
    const name = await registerInspection(server.url, world.inspector, world.projectId, { method: 'terms' });
    await writeInspection(
      name,
      world.inspector,
      { projectId: world.projectId, origin: 'enterprise' },
      (doc) => addFile(doc, fileOf(bytes, world.inspector.id)),
    );
    expect((await request('GET', `/api/blobs/${hash}`, world.supervisor)).status).toBe(404);
    // A reader of the document uploading the bytes does not make them part of it: only a writer does.
    expect((await put(bytes, world.supervisor)).status).toBe(201);
    expect((await request('GET', `/api/blobs/${hash}`, world.department)).status).toBe(404);
    expect((await put(bytes, world.inspector)).status).toBe(200);
    expect((await request('GET', `/api/blobs/${hash}`, world.department)).status).toBe(200);
  });

  it('lets a document reuse a blob that already belongs to another document of the same project', async () => {
    const bytes = png('shared within the project');
    const hash = sha(bytes);
    await put(bytes, world.inspector);
    const first = await registerInspection(server.url, world.inspector, world.projectId, { method: 'terms' });
    await writeInspection(
      first,
      world.inspector,
      { projectId: world.projectId, origin: 'enterprise' },
      (doc) => addFile(doc, fileOf(bytes, world.inspector.id)),
    );
    const self = await registerInspection(server.url, world.department, world.projectId, {
      method: 'terms',
      origin: 'self',
    });
    await writeInspection(self, world.department, { projectId: world.projectId, origin: 'self' }, (doc) =>
      addFile(doc, fileOf(bytes, world.department.id)),
    );
    const refs = server.deps.database.db.select().from(blobRefs).where(eq(blobRefs.sha256, hash)).all();
    expect(refs.map((r) => [r.docName, r.granted]).sort()).toEqual(
      [
        [first, true],
        [self, true],
      ].sort(),
    );
  });
});

describe('deleting a photo from a document', () => {
  it('is recorded in the audit log for the project, visible in the enterprise’s 安全审计', async () => {
    const bytes = png('to be removed');
    await put(bytes, world.inspector);
    const name = await registerInspection(server.url, world.inspector, world.projectId, { method: 'terms' });
    let doc: TestPeer['doc'] | undefined;
    await writeInspection(
      name,
      world.inspector,
      { projectId: world.projectId, origin: 'enterprise' },
      (d) => {
        doc = d;
        addTerm(d, 'T-3.2.1', world.inspector.id);
        addTermPhoto(d, 'T-3.2.1', sha(bytes));
      },
    );
    removeTermPhoto(doc!, 'T-3.2.1', sha(bytes));
    await eventually(async () => {
      await server.deps.materializeScheduler.flush();
      const removed = server.deps.database.db.select().from(auditLog).all();
      expect(removed.filter((e) => e.event === 'document.file_removed')).toMatchObject([
        { target: name, projectId: world.projectId, detail: { docName: name, sha256: sha(bytes) } },
      ]);
    });
    const seen = await request('GET', '/api/audit?type=document.file_removed', world.director);
    expect(seen.json.events).toMatchObject([{ typeLabel: '删除文档中的照片/文件', target: name }]);
    expect((await request('GET', '/api/audit', world.otherDirector)).json.total).toBe(0);
  });
});

describe('blob responses (issue 12 item 7)', () => {
  it('are sandboxed; images display inline and a PDF downloads instead of rendering as a page', async () => {
    const image = png('inline');
    await put(image);
    const shown = await request('GET', `/api/blobs/${sha(image)}`, world.inspector);
    expect(shown.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(shown.headers.get('content-disposition')).toBe(`inline; filename="${sha(image)}.png"`);
    const pdf = Buffer.from('%PDF-1.7\n<script>alert(1)</script>');
    await put(pdf);
    const downloaded = await request('GET', `/api/blobs/${sha(pdf)}`, world.inspector);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(downloaded.headers.get('content-disposition')).toBe(`attachment; filename="${sha(pdf)}.pdf"`);
  });
});
