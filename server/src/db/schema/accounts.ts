import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Roles of DESIGN.md "Roles"; each logs in with a different identifier. */
export const ROLES = ['enterprise', 'inspector', 'project', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const enterprises = sqliteTable('enterprises', {
  id: text('id').primaryKey(),
  /** 统一社会信用代码, exactly as on the business licence. */
  creditCode: text('credit_code').notNull().unique(),
  name: text('name').notNull(),
  contactName: text('contact_name').notNull(),
  /** argon2id hash of the contact's 身份证号: proven again on password reset, never shown. */
  contactIdHash: text('contact_id_hash').notNull(),
  /** e.g. 3201**********1234, the only form ever returned. */
  contactIdMasked: text('contact_id_masked').notNull(),
  contactPhone: text('contact_phone').notNull(),
  /**
   * How the enterprise's new inspections score 缺项 (`provincial` | `strict`, see `SCORING_POLICY_VALUES`); copied
   * into each inspection document at creation, so changing it never rescores an existing inspection.
   */
  scoringPolicy: text('scoring_policy', { enum: ['provincial', 'strict'] })
    .notNull()
    .default('provincial'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Credit code, 手机号, 监督备案号 or username, by role. Unique across roles: one login form. */
    login: text('login').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    enterpriseId: text('enterprise_id').references(() => enterprises.id),
    projectId: text('project_id'),
    /** 行政区划码 of a supervisor's region. */
    regionCode: text('region_code'),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('users_enterprise_idx').on(t.enterpriseId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** Hex SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Consecutive failed logins per login string, whether or not an account has it, so a lockout looks the same
 * for unknown logins and real ones.
 */
export const loginThrottle = sqliteTable('login_throttle', {
  login: text('login').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

export const passwordResetTokens = sqliteTable('password_reset_tokens', {
  /** Hex SHA-256 of the token handed to the user. */
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    event: text('event').notNull(),
    actorUserId: text('actor_user_id'),
    /** The login string as typed, for failures where no account is known. */
    actorLogin: text('actor_login'),
    targetUserId: text('target_user_id'),
    ip: text('ip'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_at_idx').on(t.at)],
);
