import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import type { AppDeps } from '../deps.js';
import {
  LAST_USED_RESOLUTION_MS,
  SESSION_RENEW_BEFORE_MS,
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from '../auth/sessions.js';
import { createHash } from 'node:crypto';
import { SESSION_COOKIE } from '../http/session.js';
import { audit } from '../audit/log.js';

interface Row {
  expires_at: number;
  /** The session's last use (or its sign-in when never used since). */
  used_at: number;
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

/** A validated upgrade session; `setCookie` is the renewed cookie to send with the 101 response, if any. */
export interface UpgradeSession extends ValidSession {
  readonly setCookie: string | null;
}

/**
 * `tokenId` of `auth/tokens.ts` (hex SHA-256 of the UTF-8 token) with node's native hash: the pure-JS one costs
 * milliseconds per call when it is not hot, and an upgrade calls it once. The session tests pin both to agree.
 */
export const upgradeTokenId = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Session validation for `/sync` upgrades, with a fast path: one prepared statement answers the common case —
 * a live session of an enabled user, used within the last minute, that needs no renewal — without the query
 * builder, which dominated an upgrade's CPU time. Every other case (unknown, expired, disabled, idle, due for a
 * `last_used_at` write or a renewal) goes through the API's own `validateSessionToken` with the idle and absolute
 * limits, so the rules stay in one place and an idle session cannot open a socket between two sweeps.
 */
export function createUpgradeSessions(deps: AppDeps) {
  const lookup = prepareLookup(deps.database.sqlite);
  return {
    validate(token: string, request: IncomingMessage): UpgradeSession | null {
      const id = upgradeTokenId(token);
      const row = lookup.get(id);
      const now = deps.now();
      if (
        row &&
        row.disabled_at === null &&
        row.expires_at - now.getTime() >= SESSION_RENEW_BEFORE_MS &&
        now.getTime() - row.used_at < LAST_USED_RESOLUTION_MS
      ) {
        return {
          id,
          user: toUser(row),
          expiresAt: new Date(row.expires_at),
          renewed: false,
          setCookie: null,
        };
      }
      const session = validateSessionToken(deps.database.db, token, now, deps.config.limits, (reason, userId) => {
        if (reason !== 'idle') return;
        audit(deps.database.db, {
          event: 'session.idle_timeout',
          at: now,
          ip: request.socket.remoteAddress ?? null,
          actorUserId: userId,
        });
      });
      if (!session) return null;
      return {
        ...session,
        setCookie: session.renewed ? renewedCookie(deps, token, session.expiresAt, request) : null,
      };
    },
    /** The user of a still-live session (by session id), or null once it expired, ended or its user is disabled. */
    userOf(sessionId: string): SessionUser | null {
      const row = lookup.get(sessionId);
      if (!row || row.disabled_at !== null || row.expires_at <= deps.now().getTime()) return null;
      return toUser(row);
    },
  };
}

/** The same attributes as `setSessionCookie` in `http/session.ts`. */
function renewedCookie(deps: AppDeps, token: string, expiresAt: Date, request: IncomingMessage): string {
  const secure = deps.config.secureCookies || (request.socket as { encrypted?: boolean }).encrypted === true;
  return `${SESSION_COOKIE}=${token}; Path=/; Expires=${expiresAt.toUTCString()}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

function prepareLookup(sqlite: Database.Database) {
  return sqlite.prepare<[string], Row>(
    `SELECT s.expires_at, coalesce(s.last_used_at, s.created_at) AS used_at, u.id, u.role, u.login, u.password_hash, u.display_name, u.enterprise_id, u.project_id,
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
