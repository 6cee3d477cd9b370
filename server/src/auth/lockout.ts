import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loginThrottle } from '../db/schema/index.js';

/** 5 consecutive failures lock a login for 15 minutes (issue 2). */
export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** When the login is locked at `now`, the moment it unlocks; otherwise null. */
export function lockedUntil(db: Db, login: string, now: Date): Date | null {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.login, login)).get();
  if (!row?.lockedUntil || row.lockedUntil.getTime() <= now.getTime()) return null;
  return row.lockedUntil;
}

/** Counts a failure; returns the unlock time when this failure locked the login. */
export function recordFailure(db: Db, login: string, now: Date): Date | null {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.login, login)).get();
  // A lock that has expired starts a fresh count.
  const expired = row?.lockedUntil != null && row.lockedUntil.getTime() <= now.getTime();
  const failures = (row && !expired ? row.failures : 0) + 1;
  const locked = failures >= MAX_CONSECUTIVE_FAILURES ? new Date(now.getTime() + LOCKOUT_MS) : null;
  db.insert(loginThrottle)
    .values({ login, failures: locked ? 0 : failures, lockedUntil: locked })
    .onConflictDoUpdate({
      target: loginThrottle.login,
      set: { failures: locked ? 0 : failures, lockedUntil: locked },
    })
    .run();
  return locked;
}

export function clearFailures(db: Db, login: string): void {
  db.delete(loginThrottle).where(eq(loginThrottle.login, login)).run();
}
