import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loginThrottle } from '../db/schema/index.js';

/** 5 consecutive failures lock a login (issue 2); each further lock lasts twice as long, up to a day (issue 12). */
export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const MAX_LOCKOUT_MS = 24 * 60 * 60 * 1000;
/** Per address: this many failed attempts (any logins) in a window throttle the address until the window ends. */
export const ADDRESS_MAX_FAILURES = 30;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
/** A throttle row untouched this long (and not locked) is forgotten, so unknown logins do not pile up. */
export const THROTTLE_ROW_TTL_MS = 24 * 60 * 60 * 1000;

type Row = typeof loginThrottle.$inferSelect;

const find = (db: Db, key: string): Row | undefined =>
  db.select().from(loginThrottle).where(eq(loginThrottle.login, key)).get();

const isLocked = (row: Row | undefined, now: Date) =>
  !!row?.lockedUntil && row.lockedUntil.getTime() > now.getTime();

/** When the login is locked at `now`, the moment it unlocks; otherwise null. */
export function lockedUntil(db: Db, login: string, now: Date): Date | null {
  const row = find(db, login);
  return isLocked(row, now) ? (row?.lockedUntil ?? null) : null;
}

/** Failures left before the login locks (what the 401 tells the user). */
export function remainingAttempts(db: Db, login: string, now: Date): number {
  const row = find(db, login);
  const expired = row?.lockedUntil != null && row.lockedUntil.getTime() <= now.getTime();
  return MAX_CONSECUTIVE_FAILURES - (row && !expired ? row.failures : 0);
}

/**
 * Counts a failure; returns the unlock time when this failure locked the login. Locks are progressive: the n-th
 * lock in a run of failures lasts 15 min × 2ⁿ⁻¹ (at most a day); a successful login ends the run.
 */
export function recordFailure(db: Db, login: string, now: Date): Date | null {
  const row = find(db, login);
  // A lock that has expired starts a fresh count (but remembers how many locks came before).
  const expired = row?.lockedUntil != null && row.lockedUntil.getTime() <= now.getTime();
  const failures = (row && !expired ? row.failures : 0) + 1;
  const locks = row?.locks ?? 0;
  const lockMs = Math.min(LOCKOUT_MS * 2 ** locks, MAX_LOCKOUT_MS);
  const locked = failures >= MAX_CONSECUTIVE_FAILURES ? new Date(now.getTime() + lockMs) : null;
  const values = {
    failures: locked ? 0 : failures,
    lockedUntil: locked,
    locks: locked ? locks + 1 : locks,
    updatedAt: now,
  };
  db.insert(loginThrottle)
    .values({ login, ...values })
    .onConflictDoUpdate({ target: loginThrottle.login, set: values })
    .run();
  return locked;
}

export function clearFailures(db: Db, login: string): void {
  db.delete(loginThrottle).where(eq(loginThrottle.login, login)).run();
}

const addressKey = (ip: string) => `ip:${ip}`;

/** Until when the address is throttled (too many failures from it in the current window), or null. */
export function addressThrottledUntil(db: Db, ip: string, now: Date): Date | null {
  const row = find(db, addressKey(ip));
  return isLocked(row, now) ? (row?.lockedUntil ?? null) : null;
}

/** Counts a failed attempt from an address; returns true when this one throttled it. */
export function recordAddressFailure(db: Db, ip: string, now: Date): boolean {
  const key = addressKey(ip);
  const row = find(db, key);
  const inWindow = !!row?.updatedAt && now.getTime() - row.updatedAt.getTime() < ADDRESS_WINDOW_MS;
  const windowStart = inWindow && row?.updatedAt ? row.updatedAt : now;
  const failures = (inWindow ? (row?.failures ?? 0) : 0) + 1;
  const throttled = failures >= ADDRESS_MAX_FAILURES && !isLocked(row, now);
  const lockedUntilAt =
    failures >= ADDRESS_MAX_FAILURES ? new Date(windowStart.getTime() + ADDRESS_WINDOW_MS) : null;
  const values = { failures, lockedUntil: lockedUntilAt, locks: 0, updatedAt: windowStart };
  db.insert(loginThrottle)
    .values({ login: key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.login, set: values })
    .run();
  return throttled;
}

/**
 * Forgets throttle rows (logins known or not, addresses) untouched for a day and not locked: the maintenance
 * sweep runs this, so guessed logins do not accumulate forever. Returns how many were deleted.
 */
export async function sweepThrottleRows(db: Db, now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - THROTTLE_ROW_TTL_MS);
  const result = await db
    .delete(loginThrottle)
    .where(
      and(
        or(isNull(loginThrottle.updatedAt), lt(loginThrottle.updatedAt, staleBefore)),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
      ),
    );
  return result.changes;
}
