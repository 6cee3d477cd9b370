import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema/index.js';
import { generateToken, tokenId } from './tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions last 30 days and slide: renewed once less than 15 days remain (Lucia's guide). */
export const SESSION_TTL_MS = 30 * DAY_MS;
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;
/** `last_used_at` is written at most this often: idle logout is exact to the minute, not per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The rules of issue 12 item 10 besides the sliding expiry: an absolute lifetime counted from sign-in, and an
 * idle timeout (等保 2.0). Callers without the config (the `/sync` fast path) pass none and rely on the idle
 * sweep (`sweepIdleSessions`) having deleted idle sessions.
 */
export interface SessionPolicy {
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
}

export type SessionUser = typeof users.$inferSelect;

export interface ValidSession {
  readonly id: string;
  readonly user: SessionUser;
  readonly expiresAt: Date;
  /** True when this validation extended the expiry: the caller re-sends the cookie. */
  readonly renewed: boolean;
  /** Sign-in time: the absolute lifetime counts from it. */
  readonly createdAt?: Date;
}

/** Why a token no longer signs anyone in (for the idle-logout audit). */
export type SessionEnd = 'unknown' | 'expired' | 'idle' | 'disabled';

/** Creates a session for `userId` and returns the token for the cookie (only its hash is stored). */
export function createSession(
  db: Db,
  userId: string,
  now: Date,
  policy?: SessionPolicy,
): { token: string; expiresAt: Date } {
  const token = generateToken();
  const expiresAt = cappedExpiry(now, now, policy);
  db.insert(sessions)
    .values({ id: tokenId(token), userId, expiresAt, createdAt: now, lastUsedAt: now })
    .run();
  return { token, expiresAt };
}

/** The sliding expiry from `now`, never past the absolute lifetime. */
function cappedExpiry(createdAt: Date, now: Date, policy?: SessionPolicy): Date {
  const sliding = now.getTime() + SESSION_TTL_MS;
  const absolute = policy ? createdAt.getTime() + policy.sessionAbsoluteMs : Infinity;
  return new Date(Math.min(sliding, absolute));
}

/**
 * The session and its user for a cookie token, or null when unknown, expired, idle too long or the user is
 * disabled (`onEnd` hears which). Use counts: `last_used_at` moves (to the minute).
 */
export function validateSessionToken(
  db: Db,
  token: string,
  now: Date,
  policy?: SessionPolicy,
  onEnd?: (reason: SessionEnd, userId: string | null) => void,
): ValidSession | null {
  const id = tokenId(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, id))
    .get();
  if (!row) {
    onEnd?.('unknown', null);
    return null;
  }
  const { session, user } = row;
  const lastUsed = session.lastUsedAt ?? session.createdAt;
  const reason: SessionEnd | null =
    user.disabledAt !== null
      ? 'disabled'
      : session.expiresAt.getTime() <= now.getTime()
        ? 'expired'
        : policy && now.getTime() - lastUsed.getTime() >= policy.sessionIdleMs
          ? 'idle'
          : null;
  if (reason) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    onEnd?.(reason, user.id);
    return null;
  }
  if (now.getTime() - lastUsed.getTime() >= LAST_USED_RESOLUTION_MS) {
    db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, id)).run();
  }
  const base = { id, user, createdAt: session.createdAt };
  if (session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_BEFORE_MS) {
    const expiresAt = cappedExpiry(session.createdAt, now, policy);
    if (expiresAt.getTime() > session.expiresAt.getTime()) {
      db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
      return { ...base, expiresAt, renewed: true };
    }
  }
  return { ...base, expiresAt: session.expiresAt, renewed: false };
}

export function invalidateSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user: on password change, reset or disabling. */
export function invalidateUserSessions(db: Db, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/**
 * Deletes sessions idle for `idleMs` or past their expiry (the maintenance sweep), so every path that looks a
 * session up — including `/sync`'s fast path, which does not know the idle rule — finds them gone. Returns the
 * user ids of the idle ones, for the audit log.
 */
export async function sweepIdleSessions(db: Db, now: Date, idleMs: number): Promise<string[]> {
  const idleBefore = new Date(now.getTime() - idleMs);
  const ended = or(
    lt(sessions.expiresAt, now),
    lt(sessions.lastUsedAt, idleBefore),
    and(isNull(sessions.lastUsedAt), lt(sessions.createdAt, idleBefore)),
  );
  const rows = await db
    .select({ userId: sessions.userId, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(ended);
  await db.delete(sessions).where(ended);
  return rows.filter((r) => r.expiresAt.getTime() > now.getTime()).map((r) => r.userId);
}
