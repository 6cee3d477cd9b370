import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../deps.js';
import { readJsonObject, stringField } from '../http/json-body.js';
import { clearSessionCookie, requireSession, setSessionCookie } from '../http/session.js';
import { audit } from './audit.js';
import { normalizeLogin, validCreditCode, validMobile, validPassword, validResidentId } from './inputs.js';
import { toPublicUser } from './public-user.js';
import * as service from './service.js';
import { invalidateSession } from './sessions.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S } from './devices.js';

/** /api/auth: register, login, logout, me, change password, 找回密码. */
export function authRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .post('/register', async (c) => {
      const body = await readJsonObject(c);
      const creditCode = validCreditCode(stringField(body, 'creditCode', '统一社会信用代码'));
      const input = {
        creditCode,
        name: stringField(body, 'name', '企业名称', { maxLength: 100 }),
        password: validPassword('password', stringField(body, 'password', '密码', { raw: true }), creditCode),
        contactName: stringField(body, 'contactName', '联系人姓名', { maxLength: 50 }),
        contactIdNumber: validResidentId(stringField(body, 'contactIdNumber', '联系人身份证号'), deps.now()),
        contactPhone: validMobile('contactPhone', stringField(body, 'contactPhone', '联系人手机号')),
      };
      const result = await service.registerEnterprise(deps, input, { ip: c.get('ip') });
      return c.json({ linkedProjects: result.linkedProjects }, 201);
    })
    .post('/login', async (c) => {
      const body = await readJsonObject(c);
      const login = normalizeLogin(stringField(body, 'login', '账号'));
      const password = stringField(body, 'password', '密码', { raw: true });
      const deviceToken = getCookie(c, DEVICE_COOKIE);
      const result = await service.login(deps, login, password, { ip: c.get('ip'), deviceToken });
      setSessionCookie(c, deps, result.token, result.expiresAt);
      setCookie(c, DEVICE_COOKIE, result.deviceToken, {
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'Strict',
        secure: deps.config.secureCookies || new URL(c.req.url).protocol === 'https:',
        maxAge: DEVICE_COOKIE_MAX_AGE_S,
      });
      return c.json({ user: toPublicUser(db, result.user) });
    })
    .post('/logout', (c) => {
      const session = c.get('session');
      if (session) {
        invalidateSession(db, session.id);
        deps.sessionsRevoked?.({ sessionId: session.id });
        audit(db, { event: 'logout', at: deps.now(), ip: c.get('ip'), actorUserId: session.user.id });
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/me', (c) => {
      const session = requireSession(c);
      const { sessionIdleMs, sessionAbsoluteMs } = deps.config.limits;
      const createdAt = session.createdAt ?? deps.now();
      return c.json({
        user: toPublicUser(db, session.user),
        session: {
          idleTimeoutMs: sessionIdleMs,
          expiresAt: session.expiresAt.toISOString(),
          absoluteExpiresAt: new Date(createdAt.getTime() + sessionAbsoluteMs).toISOString(),
        },
      });
    })
    .post('/password', async (c) => {
      const session = requireSession(c);
      const body = await readJsonObject(c);
      const current = stringField(body, 'currentPassword', '当前密码', { raw: true });
      const next = validPassword(
        'newPassword',
        stringField(body, 'newPassword', '新密码', { raw: true }),
        session.user.login,
      );
      const fresh = await service.changeOwnPassword(deps, session.user, current, next, { ip: c.get('ip') });
      setSessionCookie(c, deps, fresh.token, fresh.expiresAt);
      return c.body(null, 204);
    })
    .post('/reset/verify', async (c) => {
      const body = await readJsonObject(c);
      const input = {
        creditCode: validCreditCode(stringField(body, 'creditCode', '统一社会信用代码')),
        contactIdNumber: validResidentId(stringField(body, 'contactIdNumber', '联系人身份证号'), deps.now()),
        contactPhone: validMobile('contactPhone', stringField(body, 'contactPhone', '联系人手机号')),
      };
      const result = await service.verifyResetIdentity(deps, input, { ip: c.get('ip') });
      return c.json({ resetToken: result.resetToken, expiresAt: result.expiresAt.toISOString() });
    })
    .post('/reset/complete', async (c) => {
      const body = await readJsonObject(c);
      const token = stringField(body, 'resetToken', '重置凭证');
      const password = validPassword(
        'newPassword',
        stringField(body, 'newPassword', '新密码', { raw: true }),
      );
      await service.completeReset(deps, token, password, { ip: c.get('ip') });
      return c.body(null, 204);
    });
}
