import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAlerts } from '../src/alerts/service.js';
import { MAX_STREAMS_PER_USER } from '../src/alerts/stream.js';
import { users } from '../src/db/schema/index.js';
import { notify } from '../src/notifications/service.js';
import { enterpriseRegistration } from './factories.js';
import { ANJIAN, projectInput, seedRegionsAndSupervisors, signIn } from './registry-fixtures.js';
import { SseReader } from './sse-reader.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
let streams: SseReader[] = [];
beforeEach(async () => {
  server = await startTestServer();
  await seedRegionsAndSupervisors(server.deps);
});
afterEach(async () => {
  for (const stream of streams) stream.close();
  streams = [];
  await server.dispose();
});

async function openStream(client: TestClient) {
  const stream = await SseReader.open(`${server.url}/api/alerts/stream`, client.cookieHeader);
  streams.push(stream);
  return stream;
}

async function registerDirector() {
  const director = new TestClient(server.url);
  expect((await director.post('/api/auth/register', enterpriseRegistration())).status).toBe(201);
  return signIn(server.url, ANJIAN);
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The test server's clock: 2026-03-15 10:00 Asia/Shanghai. Its timed alert pass runs only every 10 minutes.
describe('live alerts', () => {
  it('a director’s open stream receives the R1 alert as soon as the supervisor files the 竣工备案', async () => {
    const director = await registerDirector();
    const nanjing = await signIn(server.url, 'nanjing');
    // Started this month, so no earlier 月评 is due and the badge starts at 0.
    const registered = await nanjing.post(
      '/api/registry/projects',
      projectInput({ startDate: '2026-03-01' }),
    );
    expect(registered.status).toBe(201);
    const stream = await openStream(director);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    expect((await stream.next('ready')).data).toEqual({ unread: 0 });

    const filed = await nanjing.post('/api/registry/projects/3201052026001/completion', {
      date: '2026-03-15',
    });
    expect(filed.status).toBe(200);

    const { data } = await stream.next('alert');
    expect(data).toMatchObject({
      kind: 'created',
      rule: 'R1',
      level: 'warning',
      link: '/projects/3201052026001',
      unread: 1,
    });
    const listed = await director.get('/api/alerts?state=open');
    expect(listed.json.alerts).toEqual([expect.objectContaining({ rule: 'R1', daysLeft: 30, read: false })]);
    expect((await director.get('/api/alerts/unread-count')).json).toEqual({ unread: 1 });
  });

  it('a director who registers after the alert was raised receives it too', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    await nanjing.post('/api/registry/projects', projectInput());
    await nanjing.post('/api/registry/projects/3201052026001/completion', { date: '2026-03-10' });
    const projectDept = await until(
      async () => server.deps.database.db.select().from(users).where(eq(users.login, '3201052026001')).get()!,
      (u) => u !== undefined,
    );
    // The project department's account exists from registration, so the alert is raised for it alone first.
    await until(
      () => listAlerts(server.deps, projectDept.id, { state: 'open' }),
      (a) => a.length === 1,
    );

    const director = await registerDirector();
    const alerts = await until(
      async () =>
        (await director.get('/api/alerts?state=open')).json.alerts as Array<{
          rule: string;
          daysLeft: number;
        }>,
      (a) => a.length === 1,
    );
    expect(alerts[0]).toMatchObject({ rule: 'R1', daysLeft: 25 });
  });

  it('pushes in-app notifications (督促, reminders) to their recipient only', async () => {
    const director = await registerDirector();
    const nanjing = await signIn(server.url, 'nanjing');
    const directorStream = await openStream(director);
    const supervisorStream = await openStream(nanjing);
    await directorStream.next('ready');
    await supervisorStream.next('ready');
    const directorId = server.deps.database.db.select().from(users).where(eq(users.role, 'enterprise')).get()!
      .id;
    await notify(server.deps, [directorId], {
      kind: 'rectification.reminder',
      title: '整改期限将至',
      body: '请督促项目部按期整改',
      link: '/rectifications/x',
    });
    expect((await directorStream.next('notification')).data).toMatchObject({
      kind: 'rectification.reminder',
      title: '整改期限将至',
      link: '/rectifications/x',
    });
    // The supervisor's first notification is its own, not the director's.
    const supervisorId = server.deps.database.db.select().from(users).where(eq(users.login, 'nanjing')).get()!
      .id;
    await notify(server.deps, [supervisorId], { kind: 'test', title: '给监督站的通知', body: '' });
    expect((await supervisorStream.next('notification')).data).toMatchObject({ title: '给监督站的通知' });
  });

  it('ends the stream when its session signs out, and refuses one without a session', async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const stream = await openStream(nanjing);
    await stream.next('ready');
    expect((await nanjing.post('/api/auth/logout')).status).toBe(204);
    await expect(stream.next('alert')).rejects.toThrow(/stream ended/);
    const res = await fetch(`${server.url}/api/alerts/stream`);
    expect(res.status).toBe(401);
  });

  it(`refuses a user’s stream beyond ${MAX_STREAMS_PER_USER} open ones with 429, and a closed one (even cut off) frees its slot`, async () => {
    const nanjing = await signIn(server.url, 'nanjing');
    const held: SseReader[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) {
      const stream = await openStream(nanjing);
      expect(stream.response.status).toBe(200);
      await stream.next('ready');
      held.push(stream);
    }
    const refused = await fetch(`${server.url}/api/alerts/stream`, {
      headers: { cookie: nanjing.cookieHeader },
    });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: { code: 'too_many_streams', message: expect.stringContaining('请关闭其他页面或设备') },
    });
    // Another user is not counted against this one.
    const director = await registerDirector();
    const other = await openStream(director);
    expect(other.response.status).toBe(200);

    // The client goes away without a word (the connection is cut): the server notices and frees the slot.
    held[0]!.close();
    const reopened = await until(
      () => openStream(nanjing),
      (stream) => stream.response.status === 200,
    );
    await reopened.next('ready');
    expect((await openStream(nanjing)).response.status).toBe(429);
  });
});
