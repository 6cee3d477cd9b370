import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '@anguan/model';
import { createSession } from '../src/auth/sessions.js';
import { SESSION_COOKIE } from '../src/http/session.js';
import { auditLog } from '../src/db/schema/index.js';
import {
  api,
  eventually,
  rawConnect,
  registerInspection,
  seedWorld,
  startSyncServer,
  storedUpdates,
  type SyncTestServer,
  type TestUser,
  type World,
} from './sync-fixtures.js';
import { closed, syncUpdateFrame } from './sync-helpers.js';

let server: SyncTestServer;
let world: World;

beforeEach(async () => {
  // The periodic recheck is an hour away: only the revocation itself can close the sockets in these tests.
  server = await startSyncServer({ sync: { sessionRecheckMs: 3_600_000 } });
  world = seedWorld(server.deps.database.db);
});
afterEach(() => server.dispose());

const remarks = (name: string) => server.deps.sync.withDoc(name, (d) => d.getText('remarks').toString());

/** A raw client that sends every local change of its own doc as it happens (as a provider does). */
async function writer(name: string, user: TestUser) {
  const { socket } = await rawConnect(server, name, user);
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => {
    if (socket!.readyState === socket!.OPEN) socket!.send(syncUpdateFrame(update));
  });
  const closing = closed(socket!);
  return { socket: socket!, doc, closing, type: (text: string) => doc.getText('remarks').insert(0, text) };
}

function secondSession(user: TestUser): TestUser {
  const { token } = createSession(server.deps.database.db, user.id, new Date());
  return { ...user, cookie: `${SESSION_COOKIE}=${token}` };
}

const storedText = (name: string) =>
  storedUpdates(server, name)
    .map((row) => Buffer.from(row.update).toString('utf8'))
    .join('');

describe('session revocation on the sync socket', () => {
  it('closes the sockets of a session at once with 4401 on logout, and stores nothing sent after it', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const device = await writer(name, world.inspector);
    const otherDevice = await writer(name, secondSession(world.inspector));
    device.type('注销前');
    await eventually(() => expect(remarks(name)).toBe('注销前'));
    const logout = await api(server.url, world.inspector, 'POST', '/api/auth/logout');
    expect(logout.status).toBe(204);
    device.type('注销后');
    expect(await device.closing).toBe(CLOSE_CODES.unauthorized);
    expect(remarks(name)).toBe('注销前');
    expect(storedText(name)).not.toContain('注销后');
    // The same user's other session is not revoked by this logout.
    otherDevice.type('另一台设备');
    await eventually(() => expect(remarks(name)).toContain('另一台设备'));
    expect(otherDevice.socket.readyState).toBe(otherDevice.socket.OPEN);
    otherDevice.socket.terminate();
  });

  it('closes every socket of a member at once (4401) when the director resets its password or disables it', async () => {
    const name = await registerInspection(server.url, world.director, world.projectId);
    const phone = await writer(name, world.inspector);
    const laptop = await writer(name, secondSession(world.inspector));
    const director = await writer(name, world.director);
    const reset = await api(
      server.url,
      world.director,
      'POST',
      `/api/members/${world.inspector.id}/password`,
      {
        password: 'Zhuanyong#2026anquan',
      },
    );
    expect(reset.status).toBe(204);
    phone.type('重置后');
    expect(await phone.closing).toBe(CLOSE_CODES.unauthorized);
    expect(await laptop.closing).toBe(CLOSE_CODES.unauthorized);
    expect(storedText(name)).not.toContain('重置后');

    const again = await writer(name, secondSession(world.inspector));
    const disable = await api(
      server.url,
      world.director,
      'POST',
      `/api/members/${world.inspector.id}/disable`,
    );
    expect(disable.status).toBe(204);
    again.type('停用后');
    expect(await again.closing).toBe(CLOSE_CODES.unauthorized);
    expect(storedText(name)).not.toContain('停用后');
    expect(director.socket.readyState).toBe(director.socket.OPEN);
    director.socket.terminate();
  });
});

describe('idle sessions on the /sync upgrade', () => {
  it('refuses an upgrade from a session left idle past the timeout before any sweep ran, and audits it', async () => {
    let offsetMs = 0;
    await server.dispose();
    server = await startSyncServer({ now: () => new Date(Date.now() + offsetMs) });
    world = seedWorld(server.deps.database.db);
    const name = await registerInspection(server.url, world.director, world.projectId);
    const fresh = await rawConnect(server, name, world.inspector);
    expect(fresh.status).toBe(101); // used within the minute: the fast path
    fresh.socket!.terminate();

    offsetMs = server.deps.config.limits.sessionIdleMs + 60_000;
    const idle = await rawConnect(server, name, world.inspector);
    expect(idle.status).toBe(401);
    const events = server.deps.database.db.select().from(auditLog).all();
    expect(events.some((e) => e.event === 'session.idle_timeout' && e.actorUserId === world.inspector.id)).toBe(true);
  });

  it('lets a session used a few minutes ago open sockets and counts the upgrade as use', async () => {
    let offsetMs = 0;
    await server.dispose();
    server = await startSyncServer({ now: () => new Date(Date.now() + offsetMs) });
    world = seedWorld(server.deps.database.db);
    const name = await registerInspection(server.url, world.director, world.projectId);
    const idleMs = server.deps.config.limits.sessionIdleMs;
    offsetMs = idleMs - 60_000;
    const first = await rawConnect(server, name, world.inspector);
    expect(first.status).toBe(101);
    first.socket!.terminate();
    // The upgrade moved last use: another idle period minus a minute later the session is still alive.
    offsetMs += idleMs - 60_000;
    const second = await rawConnect(server, name, world.inspector);
    expect(second.status).toBe(101);
    second.socket!.terminate();
  });
});

describe('the seeded accounts these tests use', () => {
  it('answer a wrong current password as any account does (the fuzzer changes passwords with their sessions)', async () => {
    const change = await api(server.url, world.inspector, 'POST', '/api/auth/password', {
      currentPassword: 'x',
      newPassword: 'Zhuanyong#2026anquan',
    });
    expect(change).toMatchObject({ status: 400, json: { error: { code: 'wrong_password' } } });
  });
});
