import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Devices that have signed in to an account: the hex SHA-256 of the `anguan_device` cookie set on a successful
 * login. The right password from a known device gets through while the account is locked by someone else's
 * guesses (issue 12 item 8).
 */
export const knownDevices = sqliteTable(
  'known_devices',
  {
    userId: text('user_id').notNull(),
    deviceHash: text('device_hash').notNull(),
    lastLoginAt: integer('last_login_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);
