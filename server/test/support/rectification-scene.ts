import { afterEach, beforeEach } from 'vitest';
import { connectPeer, seedWorld, type TestPeer, type TestUser, type World } from '../sync-fixtures.js';
import { startClockedServer, type ClockedServer } from '../rectification-fixtures.js';

/**
 * The scene of the rectification tests: each test gets its own server (clock at 2026-03-15T02:00:00Z, settable) with
 * the seeded users, and the devices it opens close after it. `server` and `world` are live bindings: read them inside
 * a test, never capture them at import time.
 */

/** The running test's server. */
export let server: ClockedServer;
/** The running test's users (director, project department, inspector, supervisors). */
export let world: World;
const peers: TestPeer[] = [];

/** Registers the per-test scene in the calling test file; call it once, at the top. */
export function eachTestGetsAServer(): void {
  beforeEach(async () => {
    server = await startClockedServer();
    world = seedWorld(server.deps.database.db, server.clock.now);
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) p.destroy();
    await server.dispose();
  });
}

/** `user`'s own device on rectification `id`, synced with the server. */
export async function peerOn(id: string, user: TestUser): Promise<TestPeer> {
  const peer = connectPeer(server, `rectification:${id}`, user);
  peers.push(peer);
  await peer.synced();
  return peer;
}
