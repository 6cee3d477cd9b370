import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './accounts.js';
import { INSPECTION_ORIGIN_VALUES } from './documents.js';

/** 待整改 / 已回复 / 已通过 / 已退回, as `@anguan/model` derives them and the API names them. */
export const RECTIFICATION_STATE_VALUES = ['pending', 'replied', 'passed', 'returned'] as const;

/**
 * One row per rectification (整改) opened by sealing an inspection that requires it: the request from the sealed
 * inspection, the state derived from the `rectification:<inspection uuid>` document, and the figures lists and
 * statistics read (rounds, days to close). Written by the rectification materializer only (and first by the seal
 * path, through the same function); overdue is not stored, since it depends on the day it is asked.
 */
export const rectifications = sqliteTable(
  'rectifications',
  {
    /** The inspection UUID; the document is `rectification:<id>`. */
    inspectionId: text('inspection_id').primaryKey(),
    docName: text('doc_name').notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** The inspection's origin: it decides who reviews. */
    origin: text('origin', { enum: INSPECTION_ORIGIN_VALUES }).notNull(),
    state: text('state', { enum: RECTIFICATION_STATE_VALUES }).notNull(),
    /** 整改期限, YYYY-MM-DD (Asia/Shanghai), inclusive. */
    deadline: text('deadline').notNull(),
    /** 整改要求. */
    requirement: text('requirement').notNull(),
    /** 整改责任人. */
    rectifierName: text('rectifier_name').notNull(),
    rectifierUserId: text('rectifier_user_id'),
    /** Replies (整改回复) submitted so far. */
    rounds: integer('rounds').notNull(),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
    /** When the passing review was written; null while not passed. */
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** Asia/Shanghai calendar days from opening to the passing review; null while not passed. */
    daysToClose: integer('days_to_close'),
    lastReplyAt: integer('last_reply_at', { mode: 'timestamp_ms' }),
    lastReviewAt: integer('last_review_at', { mode: 'timestamp_ms' }),
    materializedAt: integer('materialized_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // The deadline makes the statistics' overdue counts of a scope index-only.
    index('rectifications_project_idx').on(t.projectId, t.state, t.deadline),
    // Covers the statistics' 整改 figures of a scope (projects × opening period → state, deadline, days to close)
    // without reading the wide rows.
    index('rectifications_project_opened_idx').on(t.projectId, t.openedAt, t.state, t.deadline, t.daysToClose),
    index('rectifications_state_deadline_idx').on(t.state, t.deadline),
  ],
);

/**
 * In-app notifications, one row per recipient (督促 reminders now; the oversight issue adds alert notices and other
 * channels). `link` is an app path the notification opens.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    recipientUserId: text('recipient_user_id')
      .notNull()
      .references(() => users.id),
    /** What kind of notice, e.g. `rectification.reminder`. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    projectId: text('project_id'),
    /** The subject, e.g. the inspection UUID of a rectification. */
    subjectId: text('subject_id'),
    senderUserId: text('sender_user_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('notifications_recipient_idx').on(t.recipientUserId, t.createdAt)],
);
