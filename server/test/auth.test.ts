import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, enterprises, projects, users } from '../src/db/schema/index.js';
import { SESSION_COOKIE } from '../src/http/session.js';
import { enterpriseRegistration } from './factories.js';
import { startTestServer, TestClient, type TestServer } from './test-server.js';
import { defaultLimits } from '../src/config.js';

let server: TestServer;
let client: TestClient;
beforeEach(async () => {
  server = await startTestServer();
  client = new TestClient(server.url);
});
afterEach(() => server.dispose());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('health', () => {
  it('answers {"ok":true}', async () => {
    const res = await client.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });
});

describe('registration, login, me and logout', () => {
  it('registers an enterprise, logs in with its credit code, reads me, and logs out', async () => {
    const registered = await client.post('/api/auth/register', enterpriseRegistration());
    expect(registered.status).toBe(201);

    const login = await client.post('/api/auth/login', {
      login: '91320100MA1MXX0A01',
      password: 'Anquan2026',
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(login.json.user).toMatchObject({ role: 'enterprise', displayName: '江苏安建建设集团有限公司' });

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.json.user.enterprise.creditCode).toBe('91320100MA1MXX0A01');

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('stores only a hash and a masked form of the contact 身份证号 and never returns it', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const row = server.deps.database.db.select().from(enterprises).get();
    expect(row?.contactIdMasked).toBe('3201**********0034');
    expect(JSON.stringify(row)).not.toContain('320102198506120034');
    const dump = server.deps.database.sqlite.serialize().toString('latin1');
    expect(dump).not.toContain('320102198506120034');
  });

  it('refuses a credit code with a wrong check character, naming the field in Chinese', async () => {
    const res = await client.post(
      '/api/auth/register',
      enterpriseRegistration({ creditCode: '91320100MA1MXX0A02' }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('creditCode');
    expect(res.json.error.message).toMatch(/统一社会信用代码/);
  });

  it('refuses an invalid 身份证号, an invalid 手机号 and a weak password', async () => {
    const badId = await client.post(
      '/api/auth/register',
      enterpriseRegistration({ contactIdNumber: '321002199902290086' }),
    );
    expect(badId.json.error.field).toBe('contactIdNumber');
    const badPhone = await client.post(
      '/api/auth/register',
      enterpriseRegistration({ contactPhone: '12812345678' }),
    );
    expect(badPhone.json.error.field).toBe('contactPhone');
    const weak = await client.post('/api/auth/register', enterpriseRegistration({ password: 'abcdefgh' }));
    expect(weak.status).toBe(400);
    expect(weak.json.error.code).toBe('weak_password');
    expect(server.deps.database.db.select().from(enterprises).all()).toHaveLength(0);
  });

  it('refuses a second registration of the same credit code', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const again = await client.post('/api/auth/register', enterpriseRegistration({ name: '冒名公司' }));
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('credit_code_taken');
  });

  it('links every project whose constructor has the registering credit code', async () => {
    const { db } = server.deps.database;
    const project = (filingNumber: string, constructorCreditCode: string) => ({
      id: crypto.randomUUID(),
      filingNumber,
      name: `项目${filingNumber}`,
      constructorCreditCode,
      constructorName: '某施工单位',
      status: 'in_construction' as const,
    });
    db.insert(projects)
      .values([
        project('3201002026001', '91320100MA1MXX0A01'),
        project('3201002026002', '91320100MA1MXX0A01'),
        project('3201002026003', '91350100M000100Y43'),
      ])
      .run();
    const res = await client.post('/api/auth/register', enterpriseRegistration());
    expect(res.json.linkedProjects).toBe(2);
    const linked = db
      .select()
      .from(projects)
      .where(eq(projects.constructorCreditCode, '91320100MA1MXX0A01'))
      .all();
    expect(linked.every((p) => p.enterpriseId !== null)).toBe(true);
  });

  it('gives the same 401 for an unknown login and for a wrong password', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const wrong = await client.post('/api/auth/login', {
      login: '91320100MA1MXX0A01',
      password: 'Wrong12345',
    });
    const unknown = await client.post('/api/auth/login', {
      login: '91350100M000100Y43',
      password: 'Wrong12345',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
  });
});

describe('lockout', () => {
  it('locks a login for 15 minutes after 5 consecutive failures, says when it unlocks, then lets it in', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const attempt = (password: string) =>
      client.post('/api/auth/login', { login: '91320100MA1MXX0A01', password });
    for (let i = 0; i < 4; i++) expect((await attempt('Wrong12345')).status).toBe(401);
    const fifth = await attempt('Wrong12345');
    expect(fifth.status).toBe(423);
    expect(fifth.json.error.code).toBe('locked');
    expect(new Date(fifth.json.error.unlockAt).getTime()).toBe(server.clock.now.getTime() + 15 * MINUTE);
    expect(fifth.json.error.message).toMatch(/后重试/);

    // Even the right password is refused while locked.
    expect((await attempt('Anquan2026')).status).toBe(423);
    server.clock.advance(14 * MINUTE);
    expect((await attempt('Anquan2026')).status).toBe(423);
    server.clock.advance(1 * MINUTE + 1);
    expect((await attempt('Anquan2026')).status).toBe(200);

    const events = server.deps.database.db.select({ event: auditLog.event }).from(auditLog).all();
    expect(events.map((e) => e.event)).toContain('login.locked');
  });

  it('locks an unknown login exactly like a real one', async () => {
    let last = 0;
    for (let i = 0; i < 5; i++) {
      last = (await client.post('/api/auth/login', { login: '13900000000', password: 'Wrong12345' })).status;
    }
    expect(last).toBe(423);
  });

  it('resets the failure count after a successful login', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const attempt = (password: string) =>
      client.post('/api/auth/login', { login: '91320100MA1MXX0A01', password });
    for (let i = 0; i < 4; i++) await attempt('Wrong12345');
    expect((await attempt('Anquan2026')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('Wrong12345')).status).toBe(401);
  });
});

describe('sessions', () => {
  it('expire after 30 days without use and slide when used in the second half', async () => {
    // Idle logout and the absolute lifetime off, to see the sliding expiry alone.
    await server.dispose();
    const limits = { ...defaultLimits, sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY };
    server = await startTestServer({ limits });
    client = new TestClient(server.url);
    await client.post('/api/auth/register', enterpriseRegistration());
    await client.post('/api/auth/login', { login: '91320100MA1MXX0A01', password: 'Anquan2026' });
    server.clock.advance(20 * 24 * 60 * MINUTE);
    const renewed = await client.get('/api/auth/me');
    expect(renewed.status).toBe(200);
    expect(renewed.headers.getSetCookie().join()).toContain(SESSION_COOKIE);
    server.clock.advance(25 * 24 * 60 * MINUTE); // 45 days after login, 25 after renewal
    expect((await client.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(31 * 24 * 60 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('all end when the password changes, and the changing device gets a fresh one', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const other = new TestClient(server.url);
    await other.post('/api/auth/login', { login: '91320100MA1MXX0A01', password: 'Anquan2026' });
    await client.post('/api/auth/login', { login: '91320100MA1MXX0A01', password: 'Anquan2026' });
    const change = await client.post('/api/auth/password', {
      currentPassword: 'Anquan2026',
      newPassword: 'Changed2026',
    });
    expect(change.status).toBe(204);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });
});

describe('password reset (找回密码)', () => {
  const proof = {
    creditCode: '91320100MA1MXX0A01',
    contactIdNumber: '320102198506120034',
    contactPhone: '13812345678',
  };

  it('sets a new password with a single-use token after proving the contact 身份证号 and 手机号', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const loggedIn = new TestClient(server.url);
    await loggedIn.post('/api/auth/login', { login: proof.creditCode, password: 'Anquan2026' });

    const verified = await client.post('/api/auth/reset/verify', proof);
    expect(verified.status).toBe(200);
    const { resetToken } = verified.json;
    const done = await client.post('/api/auth/reset/complete', { resetToken, newPassword: 'Reset2026x' });
    expect(done.status).toBe(204);

    expect((await loggedIn.get('/api/auth/me')).status).toBe(401);
    expect(
      (await client.post('/api/auth/login', { login: proof.creditCode, password: 'Anquan2026' })).status,
    ).toBe(401);
    expect(
      (await client.post('/api/auth/login', { login: proof.creditCode, password: 'Reset2026x' })).status,
    ).toBe(200);
    const reuse = await client.post('/api/auth/reset/complete', { resetToken, newPassword: 'Again2026x' });
    expect(reuse.status).toBe(400);
    expect(reuse.json.error.code).toBe('reset_token_invalid');
  });

  it('refuses a wrong 手机号 or 身份证号 with the same answer as an unknown credit code', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const wrongPhone = await client.post('/api/auth/reset/verify', { ...proof, contactPhone: '13900000000' });
    const wrongId = await client.post('/api/auth/reset/verify', {
      ...proof,
      contactIdNumber: '11010519491231002X',
    });
    const unknown = await client.post('/api/auth/reset/verify', {
      ...proof,
      creditCode: '91350100M000100Y43',
    });
    expect(wrongPhone.status).toBe(400);
    expect(wrongId.json).toEqual(wrongPhone.json);
    expect(unknown.json).toEqual(wrongPhone.json);
  });

  it('refuses a token after 15 minutes', async () => {
    await client.post('/api/auth/register', enterpriseRegistration());
    const { resetToken } = (await client.post('/api/auth/reset/verify', proof)).json;
    server.clock.advance(15 * MINUTE + 1);
    const late = await client.post('/api/auth/reset/complete', { resetToken, newPassword: 'Reset2026x' });
    expect(late.status).toBe(400);
  });
});

describe('CSRF', () => {
  it('refuses a cross-origin POST and a POST without an Origin header', async () => {
    const evil = new TestClient(server.url, 'https://evil.example');
    const res = await evil.post('/api/auth/register', enterpriseRegistration());
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('cross_origin');
    const noOrigin = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'x', password: 'y' }),
    });
    expect(noOrigin.status).toBe(403);
    expect(server.deps.database.db.select().from(users).all()).toHaveLength(0);
  });

  it('refuses a same-origin form post that is not JSON', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=x&password=y',
    });
    expect(res.status).toBe(415);
  });
});
