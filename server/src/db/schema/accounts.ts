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
    /** Last request made with the session (to the minute); null means `createdAt`. Idle logout reads it. */
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_used_idx').on(t.lastUsedAt)],
);

/**
 * Consecutive failed logins per login string, whether or not an account has it, so a lockout looks the same
 * for unknown logins and real ones.
 */
export const loginThrottle = sqliteTable(
  'login_throttle',
  {
    /** The login string, `reset:<credit code>` for 找回密码, or `ip:<address>` for per-address throttling. */
    login: text('login').primaryKey(),
    failures: integer('failures').notNull(),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    /** Locks so far in this run of failures: each lock lasts twice the previous one (progressive lockout). */
    locks: integer('locks').notNull().default(0),
    /** Last failure (or the start of the address window); rows idle for a day are swept. */
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('login_throttle_updated_idx').on(t.updatedAt)],
);

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
    /** Whose audit view shows the row: the enterprise of the actor or target, and the project concerned. */
    enterpriseId: text('enterprise_id'),
    projectId: text('project_id'),
    /** Human label of what the event acted on (a document name, a file hash) when it is not a user. */
    target: text('target'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_enterprise_idx').on(t.enterpriseId, t.at),
    index('audit_project_idx').on(t.projectId, t.at),
  ],
);
