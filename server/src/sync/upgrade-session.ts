import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type Database from 'better-sqlite3';
import type { AppDeps, AppEnv } from '../deps.js';
import { SESSION_RENEW_BEFORE_MS, type SessionUser } from '../auth/sessions.js';
import { tokenId } from '../auth/tokens.js';
import { SESSION_COOKIE, sessionMiddleware } from '../http/session.js';

interface Row {
  expires_at: number;
  id: string;
  role: SessionUser['role'];
  login: string;
  password_hash: string;
  display_name: string;
  enterprise_id: string | null;
  project_id: string | null;
  region_code: string | null;
  disabled_at: number | null;
  created_at: number;
  password_changed_at: number;
}

/**
 * The session middleware of `/sync` upgrades, with a fast path: one prepared statement answers the common case —
 * a live session of an enabled user that needs no renewal — without the query builder, which dominated an
 * upgrade's CPU time. Every other case (no cookie, unknown, expired, disabled, due for renewal) goes through the
 * standard session middleware and its `validateSessionToken`, so the rules stay in one place.
 */
export function upgradeSessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const standard = sessionMiddleware(deps);
  const lookup = prepareLookup(deps.database.sqlite);
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) return standard(c, next);
    const id = tokenId(token);
    const row = lookup.get(id);
    if (!row || row.disabled_at !== null || row.expires_at - deps.now().getTime() < SESSION_RENEW_BEFORE_MS) {
      return standard(c, next);
    }
    c.set('ip', clientIp(c));
    c.set('session', { id, user: toUser(row), expiresAt: new Date(row.expires_at), renewed: false });
    await next();
  };
}

function prepareLookup(sqlite: Database.Database) {
  return sqlite.prepare<[string], Row>(
    `SELECT s.expires_at, u.id, u.role, u.login, u.password_hash, u.display_name, u.enterprise_id, u.project_id,
            u.region_code, u.disabled_at, u.created_at, u.password_changed_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ?`,
  );
}

function toUser(row: Row): SessionUser {
  return {
    id: row.id,
    role: row.role,
    login: row.login,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    enterpriseId: row.enterprise_id,
    projectId: row.project_id,
    regionCode: row.region_code,
    disabledAt: null,
    createdAt: new Date(row.created_at),
    passwordChangedAt: new Date(row.password_changed_at),
  };
}

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
