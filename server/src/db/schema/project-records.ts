import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './accounts.js';

/**
 * Rows materialized from `project:<id>` documents (the `project`-kind materializer is their only writer; it
 * replaces a project's rows in one transaction): its 超危大 works with one row per lifecycle step, and its 机械设备.
 * Gaps are not stored: they depend on today's date and are computed by `@anguan/standards` when read.
 */
export const dangerousWorks = sqliteTable(
  'dangerous_works',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    workId: text('work_id').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    createdAt: text('created_at').notNull(),
    /** 建办质〔2018〕31号 附件2 item id (`@anguan/standards`), or null when not chosen. */
    itemId: text('item_id'),
    /** JSON object: parameter key → { value, unit } as entered. */
    parameters: text('parameters').notNull().default('{}'),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.workId] }),
    index('dangerous_works_category_idx').on(t.category),
  ],
);

export const WORK_STEP_VALUES = ['plan', 'expertReview', 'briefing', 'acceptance', 'implementation'] as const;

export const dangerousWorkSteps = sqliteTable(
  'dangerous_work_steps',
  {
    projectId: text('project_id').notNull(),
    workId: text('work_id').notNull(),
    step: text('step', { enum: WORK_STEP_VALUES }).notNull(),
    /** YYYY-MM-DD or null. */
    date: text('date'),
    note: text('note').notNull(),
    conclusion: text('conclusion'),
    /** JSON array of blob hashes. */
    files: text('files').notNull(),
    /** 参加人员 / 交底人员 / 验收人员 as written. */
    people: text('people').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.workId, t.step] })],
);

export const projectEquipment = sqliteTable(
  'project_equipment',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    equipmentId: text('equipment_id').notNull(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    registrationNumber: text('registration_number').notNull(),
    lastInspectionDate: text('last_inspection_date'),
    nextInspectionDate: text('next_inspection_date'),
    createdAt: text('created_at').notNull(),
    installationDate: text('installation_date'),
    /** JSON array of { name, certificateNumber, validUntil } (特种作业操作证). */
    operators: text('operators').notNull().default('[]'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.equipmentId] })],
);

/**
 * Project-department accounts the registry created with the project: their first password is generated when the
 * enterprise asks for it and shown that once (`passwordIssuedAt`), so no plain password is ever stored.
 */
export const projectAccountIssues = sqliteTable('project_account_issues', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  passwordIssuedAt: integer('password_issued_at', { mode: 'timestamp_ms' }),
});

/**
 * 责令整改 on a 标准化月评 whose self-evaluation looks untrue: the enterprise's order; the project department answers
 * in the `rectification:<inspection id>` document registered with it.
 */
export const rectificationOrders = sqliteTable(
  'rectification_orders',
  {
    inspectionId: text('inspection_id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    requirement: text('requirement').notNull(),
    /** 整改期限, YYYY-MM-DD. */
    deadline: text('deadline').notNull(),
    orderedByUserId: text('ordered_by_user_id').notNull(),
    orderedAt: integer('ordered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('rectification_orders_project_idx').on(t.projectId)],
);
