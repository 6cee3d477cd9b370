import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppDeps, AppEnv } from '../deps.js';
import { validateSessionToken, type ValidSession } from '../auth/sessions.js';
import { audit } from '../audit/log.js';
import { unauthorized } from './errors.js';

export const SESSION_COOKIE = 'anguan_session';

/** Resolves the session cookie (if any) into `c.var.session`, renewing the cookie when the session slid. */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('ip', clientIp(c));
    const token = getCookie(c, SESSION_COOKIE);
    const now = deps.now();
    const session = token
      ? validateSessionToken(deps.database.db, token, now, deps.config.limits, (reason, userId) => {
          if (reason !== 'idle') return;
          audit(deps.database.db, {
            event: 'session.idle_timeout',
            at: now,
            ip: c.get('ip'),
            actorUserId: userId,
          });
        })
      : null;
    c.set('session', session);
    if (token && !session) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    if (token && session?.renewed) setSessionCookie(c, deps, token, session.expiresAt);
    await next();
  };
}

export function setSessionCookie(c: Context, deps: AppDeps, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies || new URL(c.req.url).protocol === 'https:',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The signed-in session, or a 401. */
export function requireSession(c: Context<AppEnv>): ValidSession {
  const session = c.get('session');
  if (!session) throw unauthorized();
  return session;
}

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}
