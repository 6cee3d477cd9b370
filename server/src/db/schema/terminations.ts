import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './accounts.js';

export const TERMINATION_STATUS_VALUES = ['submitted', 'returned', 'graded'] as const;

/**
 * 终止监督 of a project (one row per project): the project department's submission with its 安标考评 materials, and
 * the supervisor's answer (退回 with a reason, or the grade that terminates supervision). A server record rather
 * than part of the project's Yjs document: every step is a state transition the server validates by role, and
 * the grade must never be writable by the project side. Each step is also in the audit log (the history).
 */
export const projectTerminations = sqliteTable(
  'project_terminations',
  {
    projectId: text('project_id')
      .primaryKey()
      .references(() => projects.id),
    status: text('status', { enum: TERMINATION_STATUS_VALUES }).notNull(),
    /** 申请日期 the department states, YYYY-MM-DD (Asia/Shanghai). */
    applicationDate: text('application_date').notNull(),
    note: text('note').notNull(),
    /** JSON array of `{ sha256, name, mediaType, size }`: the 安标考评 materials (blobs the submitter uploaded). */
    files: text('files').notNull(),
    /** How many times it was submitted (a 退回 and resubmission adds one). */
    round: integer('round').notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    submittedByUserId: text('submitted_by_user_id')
      .notNull()
      .references(() => users.id),
    returnReason: text('return_reason'),
    returnedAt: integer('returned_at', { mode: 'timestamp_ms' }),
    /** 优良 / 合格 / 不合格 once graded. */
    grade: text('grade'),
    gradeReason: text('grade_reason'),
    /** JSON array of `{ evaluationId, source, reason }`: automatic failures the supervisor revoked, and why. */
    revocations: text('revocations'),
    gradedAt: integer('graded_at', { mode: 'timestamp_ms' }),
    gradedByUserId: text('graded_by_user_id'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('project_terminations_status_idx').on(t.status, t.submittedAt)],
);

export const PLAN_FREQUENCY_VALUES = ['monthly', 'bimonthly', 'quarterly', 'half_yearly'] as const;

/**
 * Recurring enterprise inspection plans of a project (who inspects, how often, from when). Each plan divides time
 * into periods from its start date; an enterprise inspection is due within every period (R3 warns when a period
 * ended without one).
 */
export const inspectionPlans = sqliteTable(
  'inspection_plans',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** The enterprise's inspector who carries it out (null: the director's own team, named in `inspectorName`). */
    inspectorUserId: text('inspector_user_id').references(() => users.id),
    inspectorName: text('inspector_name').notNull(),
    frequency: text('frequency', { enum: PLAN_FREQUENCY_VALUES }).notNull(),
    /** First period's first day, YYYY-MM-DD (Asia/Shanghai). */
    startDate: text('start_date').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('inspection_plans_project_idx').on(t.projectId)],
);
