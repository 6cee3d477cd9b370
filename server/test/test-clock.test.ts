import { afterEach, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@anguan/standards';
import { configFromEnv } from '../src/config.js';
import { TEST_NOW_HEADER } from '../src/test-clock/test-clock.js';
import { api, seedWorld, startSyncServer, type SyncTestServer } from './sync-fixtures.js';
import { sealInspection } from './rectification-fixtures.js';

let server: SyncTestServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

/** A server on the real clock with a rectification due today (Asia/Shanghai); returns what a request needs. */
async function rectificationDueToday(testClock: boolean) {
  server = await startSyncServer({}, testClock ? { testClock: true } : {});
  const world = seedWorld(server.deps.database.db);
  const deadline = shanghaiDate(new Date());
  const { id } = await sealInspection(server, world, {
    rectification: { requirement: '补齐临边防护', deadline, rectifier: '张项目' },
  });
  const url = `${server.url}/api/rectifications/${id}`;
  /** GET as the project department, its clock at `instant` when given. */
  const read = async (instant?: string) => {
    const res = await fetch(url, {
      headers: { cookie: world.department.cookie, ...(instant ? { [TEST_NOW_HEADER]: instant } : {}) },
    });
    return { status: res.status, body: (await res.json()) as { rectification: { overdue: boolean } } };
  };
  return { world, deadline, read };
}

describe('the e2e test clock (ANGUAN_TEST_CLOCK)', () => {
  it('is on only when the environment says 1', () => {
    expect(configFromEnv({ ANGUAN_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(configFromEnv({}).testClock).toBeUndefined();
  });

  it('lets a loopback request read 逾期 on its own instant, while other requests keep the real clock', async () => {
    const { deadline, read, world } = await rectificationDueToday(true);
    // The Asia/Shanghai day after the deadline starts at 16:00 UTC of the deadline.
    const lastSecond = await read(`${deadline}T15:59:59Z`);
    expect([lastSecond.status, lastSecond.body.rectification.overdue]).toEqual([200, false]);
    expect((await read(`${deadline}T16:00:00Z`)).body.rectification.overdue).toBe(true);
    expect((await read()).body.rectification.overdue).toBe(false);
    // A week on, the session is still good: sessions are checked on the real clock.
    const weekLater = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    expect((await read(weekLater)).status).toBe(200);
    expect((await api(server!.url, world.department, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await read('not a date')).status).toBe(400);
  });

  it('ignores the header when the flag is off', async () => {
    const { deadline, read } = await rectificationDueToday(false);
    expect((await read(`${deadline}T16:00:00Z`)).body.rectification.overdue).toBe(false);
  });
});
