import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { knownDevices } from '../db/schema/index.js';
import { generateToken, tokenId } from './tokens.js';

/** The long-lived cookie that marks a browser which has signed in before (issue 12 item 8). */
export const DEVICE_COOKIE = 'anguan_device';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Whether this device token has signed in to the user's account before. */
export function isKnownDevice(db: Db, userId: string, deviceToken: string | undefined): boolean {
  if (!deviceToken) return false;
  return !!db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, tokenId(deviceToken))))
    .get();
}

/** Remembers the device after a successful login; returns the token for the cookie (a new one if it had none). */
export function rememberDevice(db: Db, userId: string, deviceToken: string | undefined, now: Date): string {
  const token = deviceToken && /^[a-z2-7]{32}$/.test(deviceToken) ? deviceToken : generateToken();
  db.insert(knownDevices)
    .values({ userId, deviceHash: tokenId(token), lastLoginAt: now })
    .onConflictDoUpdate({ target: [knownDevices.userId, knownDevices.deviceHash], set: { lastLoginAt: now } })
    .run();
  return token;
}
