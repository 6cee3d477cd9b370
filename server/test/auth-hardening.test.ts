import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, loginThrottle, sessions as sessionsTable } from '../src/db/schema/index.js';
import { defaultLimits } from '../src/config.js';
import { ADDRESS_MAX_FAILURES } from '../src/auth/lockout.js';
import { runMaintenance } from '../src/admin/maintenance.js';
import { enterpriseRegistration } from './factories.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
let client: TestClient;
beforeEach(async () => {
  server = await startTestServer();
  client = new TestClient(server.url);
});
afterEach(() => server.dispose());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LOGIN = '91320100MA1MXX0A01';
const PASSWORD = 'Anquan2026';
const attempt = (c: TestClient, password: string, login = LOGIN) =>
  c.post('/api/auth/login', { login, password });
const events = () => server.deps.database.db.select().from(auditLog).all();

async function register() {
  expect((await client.post('/api/auth/register', enterpriseRegistration())).status).toBe(201);
}

// Each login attempt is an argon2 verification (~50 ms alone, seconds on a busy machine): generous timeouts.
describe('lockout without denial of service (issue 12 item 8)', { timeout: 120_000 }, () => {
  it('tells how many attempts remain, the same for a known and an unknown login', async () => {
    await register();
    const first = await attempt(client, 'Wrong12345');
    expect(first.status).toBe(401);
    expect(first.json.error).toMatchObject({ code: 'invalid_credentials', remainingAttempts: 4 });
    expect(first.json.error.message).toMatch(/再失败 4 次/);
    const unknown = await attempt(client, 'Wrong12345', '91350100M000100Y43');
    expect(unknown.json).toEqual(first.json);
    expect((await attempt(client, 'Wrong12345')).json.error.remainingAttempts).toBe(3);
  });

  it('lets the owner in from a device that signed in before while guessers keep the account locked', async () => {
    await register();
    const owner = new TestClient(server.url);
    expect((await attempt(owner, PASSWORD)).status).toBe(200);
    const attacker = new TestClient(server.url);
    for (let i = 0; i < 5; i++) await attempt(attacker, 'Wrong12345');
    expect((await attempt(attacker, 'Wrong12345')).status).toBe(423);
    // Even the right password from a new device waits for the lock…
    expect((await attempt(new TestClient(server.url), PASSWORD)).status).toBe(423);
    // …but the owner's known device gets in, and the lock stays for the others.
    expect((await attempt(owner, PASSWORD)).status).toBe(200);
    expect((await attempt(attacker, PASSWORD)).status).toBe(423);
    // A wrong password from the known device is refused like anyone's.
    expect((await attempt(owner, 'Wrong12345')).status).toBe(423);
    const lockedAttempts = events().filter((e) => e.event === 'login.locked_attempt');
    expect(lockedAttempts.length).toBe(4);
    expect(lockedAttempts.every((e) => e.actorLogin === LOGIN && e.ip)).toBe(true);
  });

  it('doubles each lock in a run of failures and starts over after a successful login', async () => {
    await register();
    const lockOnce = async () => {
      let last = await attempt(client, 'Wrong12345');
      while (last.status === 401) last = await attempt(client, 'Wrong12345');
      expect(last.status).toBe(423);
      return new Date(last.json.error.unlockAt).getTime() - server.clock.now.getTime();
    };
    expect(await lockOnce()).toBe(15 * MINUTE);
    server.clock.advance(15 * MINUTE + 1);
    expect(await lockOnce()).toBe(30 * MINUTE);
    server.clock.advance(30 * MINUTE + 1);
    expect(await lockOnce()).toBe(60 * MINUTE);
    server.clock.advance(60 * MINUTE + 1);
    expect((await attempt(client, PASSWORD)).status).toBe(200);
    expect(await lockOnce()).toBe(15 * MINUTE);
  });

  it('throttles an address that tries many logins, except the right password from a known device', async () => {
    await register();
    const owner = new TestClient(server.url);
    expect((await attempt(owner, PASSWORD)).status).toBe(200);
    let throttled = null;
    for (let i = 0; i < ADDRESS_MAX_FAILURES + 1 && !throttled; i++) {
      const res = await attempt(client, 'Wrong12345', `1390000${String(i).padStart(4, '0')}`);
      if (res.status === 429) throttled = res;
    }
    expect(throttled?.json.error).toMatchObject({ code: 'too_many_attempts' });
    expect(throttled?.json.error.retryAfter).toBeGreaterThan(0);
    expect((await attempt(client, PASSWORD)).status).toBe(429);
    expect((await attempt(owner, PASSWORD)).status).toBe(200);
    expect(events().filter((e) => e.event === 'login.throttled')).toHaveLength(1);
    server.clock.advance(15 * MINUTE);
    expect((await attempt(client, PASSWORD)).status).toBe(200);
  });

  it('forgets throttle rows of unknown logins a day after their last failure, but not a running lock', async () => {
    for (let i = 0; i < 3; i++) await attempt(client, 'Wrong12345', '13900000001');
    for (let i = 0; i < 5; i++) await attempt(client, 'Wrong12345', '13900000002');
    const rows = () =>
      server.deps.database.db
        .select()
        .from(loginThrottle)
        .all()
        .map((r) => r.login);
    expect(rows()).toEqual(expect.arrayContaining(['13900000001', '13900000002']));
    server.clock.advance(DAY + 1);
    // A lock still running (a long progressive one) survives the sweep however old its last failure.
    server.deps.database.db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(server.clock.now.getTime() + MINUTE) })
      .where(eq(loginThrottle.login, '13900000002'))
      .run();
    await runMaintenance(server.deps);
    expect(rows()).toEqual(['13900000002']);
  });
});

describe('passwords (issue 12 item 10)', { timeout: 60_000 }, () => {
  it('refuses a common password and one containing the login, at registration and on change', async () => {
    const common = await client.post(
      '/api/auth/register',
      enterpriseRegistration({ password: 'Password123' }),
    );
    expect(common.status).toBe(400);
    expect(common.json.error).toMatchObject({
      code: 'weak_password',
      field: 'password',
      reason: 'too_common',
    });
    expect(common.json.error.message).toBe('该密码过于常见，容易被猜中，请换一个');
    const withLogin = await client.post(
      '/api/auth/register',
      enterpriseRegistration({ password: `x${LOGIN.toLowerCase()}` }),
    );
    expect(withLogin.json.error).toMatchObject({ reason: 'contains_login', message: '密码不能包含账号' });
    await register();
    await attempt(client, PASSWORD);
    const change = await client.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: '1qaz2wsx',
    });
    expect(change.json.error).toMatchObject({ code: 'weak_password', reason: 'too_common' });
  });
});

describe('session limits (issue 12 item 10)', { timeout: 60_000 }, () => {
  it('ends a session left unused for the idle timeout, audits it, and tells the web the timeout', async () => {
    await register();
    await attempt(client, PASSWORD);
    const me = await client.get('/api/auth/me');
    expect(me.json.session.idleTimeoutMs).toBe(30 * MINUTE);
    server.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(200); // use resets the idle clock
    server.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(30 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(events().map((e) => e.event)).toContain('session.idle_timeout');
  });

  it('deletes idle sessions in the sweep, so paths that do not check idleness find them gone', async () => {
    await register();
    await attempt(client, PASSWORD);
    expect(server.deps.database.db.select().from(sessionsTable).all()).toHaveLength(1);
    server.clock.advance(31 * MINUTE);
    await runMaintenance(server.deps);
    expect(server.deps.database.db.select().from(sessionsTable).all()).toHaveLength(0);
  });

  it('ends a session at its absolute lifetime however recently it was used', async () => {
    await server.dispose();
    server = await startTestServer({ limits: { ...defaultLimits, sessionIdleMs: 365 * DAY } });
    client = new TestClient(server.url);
    await register();
    await attempt(client, PASSWORD);
    const absolute = new Date((await client.get('/api/auth/me')).json.session.absoluteExpiresAt).getTime();
    expect(absolute - server.clock.now.getTime()).toBe(30 * DAY);
    server.clock.advance(20 * DAY); // the sliding expiry would renew to day 50 here
    expect((await client.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(9 * DAY);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(DAY + 1);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});
