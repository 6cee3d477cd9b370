import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { enterprises, users } from './accounts.js';

export const ALERT_RULE_VALUES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const;
export const ALERT_STATE_VALUES = ['open', 'resolved'] as const;
export const ALERT_LEVEL_VALUES = ['warning', 'critical'] as const;

/**
 * One row per alert condition, keyed by rule + project + subject + period (`key`), so a pass that finds the same
 * condition again updates the row instead of adding one. Resolved rows stay (history); a condition that returns
 * reopens its row.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    rule: text('rule', { enum: ALERT_RULE_VALUES }).notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    enterpriseId: text('enterprise_id'),
    /** What within the project: a rectification's inspection id, a 超危大 work id, or the rule's fixed subject. */
    subject: text('subject').notNull(),
    /** The period the condition belongs to (a date, month or year), '' when none. */
    period: text('period').notNull(),
    level: text('level', { enum: ALERT_LEVEL_VALUES }).notNull(),
    state: text('state', { enum: ALERT_STATE_VALUES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    daysLeft: integer('days_left'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('alerts_key_idx').on(t.key),
    index('alerts_project_idx').on(t.projectId, t.state),
    index('alerts_enterprise_idx').on(t.enterpriseId, t.rule),
  ],
);

/** Who sees an alert, with each recipient's own read state (escalation adds recipients and marks it unread). */
export const alertRecipients = sqliteTable(
  'alert_recipients',
  {
    alertId: text('alert_id')
      .notNull()
      .references(() => alerts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.userId] }),
    index('alert_recipients_user_idx').on(t.userId, t.readAt),
  ],
);

/** What the director found when checking an R2 (overdue completion) alert; kept with the alert. */
export const alertVerifications = sqliteTable(
  'alert_verifications',
  {
    id: text('id').primaryKey(),
    alertId: text('alert_id')
      .notNull()
      .references(() => alerts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    finding: text('finding').notNull(),
    note: text('note').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('alert_verifications_alert_idx').on(t.alertId, t.createdAt)],
);

export const EVALUATION_GRADE_VALUES = ['优良', '合格', '不合格'] as const;

/**
 * 安标考评 decisions of a project: automatic failures from the alert rules (R1, R3) now, the supervisor's grading
 * later. `source` keys an automatic decision (e.g. `R1|<filing date>`, `R3|2026`) so a pass records it once.
 */
export const projectEvaluations = sqliteTable(
  'project_evaluations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    grade: text('grade', { enum: EVALUATION_GRADE_VALUES }).notNull(),
    reason: text('reason').notNull(),
    automatic: integer('automatic', { mode: 'boolean' }).notNull(),
    source: text('source'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull(),
    decidedByUserId: text('decided_by_user_id'),
    /** Set when the condition behind an automatic decision turned out not to hold (late-recorded inspections). */
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('project_evaluations_source_idx').on(t.projectId, t.source),
    index('project_evaluations_project_idx').on(t.projectId, t.decidedAt),
  ],
);

export const WEBHOOK_KIND_VALUES = ['wecom', 'dingtalk'] as const;

/** An enterprise's 企业微信 or 钉钉 group-robot webhook (one per enterprise). */
export const enterpriseWebhooks = sqliteTable('enterprise_webhooks', {
  enterpriseId: text('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id),
  kind: text('kind', { enum: WEBHOOK_KIND_VALUES }).notNull(),
  url: text('url').notNull(),
  /** 钉钉 加签 secret (SEC…); null for 企业微信 and unsigned robots. */
  secret: text('secret'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const DELIVERY_STATUS_VALUES = ['pending', 'sent', 'failed'] as const;

/** Queued webhook messages, retried with back-off; the log the director sees. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    enterpriseId: text('enterprise_id').notNull(),
    alertId: text('alert_id'),
    kind: text('kind', { enum: WEBHOOK_KIND_VALUES }).notNull(),
    title: text('title').notNull(),
    /** The markdown text sent. */
    text: text('text').notNull(),
    status: text('status', { enum: DELIVERY_STATUS_VALUES }).notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    lastStatusCode: integer('last_status_code'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_enterprise_idx').on(t.enterpriseId, t.createdAt),
  ],
);
