import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema/index.js';
import { generateToken, tokenId } from './tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions last 30 days and slide: renewed once less than 15 days remain (Lucia's guide). */
export const SESSION_TTL_MS = 30 * DAY_MS;
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;

export type SessionUser = typeof users.$inferSelect;

export interface ValidSession {
  readonly id: string;
  readonly user: SessionUser;
  readonly expiresAt: Date;
  /** True when this validation extended the expiry: the caller re-sends the cookie. */
  readonly renewed: boolean;
}

/** Creates a session for `userId` and returns the token for the cookie (only its hash is stored). */
export function createSession(db: Db, userId: string, now: Date): { token: string; expiresAt: Date } {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  db.insert(sessions).values({ id: tokenId(token), userId, expiresAt, createdAt: now }).run();
  return { token, expiresAt };
}

/** The session and its user for a cookie token, or null when unknown, expired or the user is disabled. */
export function validateSessionToken(db: Db, token: string, now: Date): ValidSession | null {
  const id = tokenId(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (row.session.expiresAt.getTime() <= now.getTime() || row.user.disabledAt !== null) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (row.session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_BEFORE_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
    return { id, user: row.user, expiresAt, renewed: true };
  }
  return { id, user: row.user, expiresAt: row.session.expiresAt, renewed: false };
}

export function invalidateSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user: on password change, reset or disabling. */
export function invalidateUserSessions(db: Db, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
