import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { INSPECTION_METHOD_VALUES, INSPECTION_ORIGIN_VALUES } from './documents.js';

/**
 * Materialized rows of inspection documents (DESIGN.md "Truth lives in two places"). The materializer is their
 * only writer: it decodes the document, validates it, scores it with `@anguan/standards` and replaces these rows
 * in one transaction. Lists, project overviews, statistics and alert rules read them; nobody reads a client's
 * figure. Soft deletion (`deletedAt`) is the one column set elsewhere, and every reader filters on it.
 */
export const INSPECTION_STATUS_VALUES = ['draft', 'completed'] as const;
export const SCORING_POLICY_VALUES = ['provincial', 'strict'] as const;

export const inspections = sqliteTable(
  'inspections',
  {
    /** The inspection UUID (the id part of `inspection:<uuid>`). */
    id: text('id').primaryKey(),
    docName: text('doc_name').notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    origin: text('origin', { enum: INSPECTION_ORIGIN_VALUES }).notNull(),
    method: text('method', { enum: INSPECTION_METHOD_VALUES }).notNull(),
    /** 检查日期, YYYY-MM-DD (Asia/Shanghai). */
    date: text('date').notNull(),
    status: text('status', { enum: INSPECTION_STATUS_VALUES }).notNull(),
    catalogVersion: text('catalog_version'),
    /** Scoring policy the total was computed with (scored methods only). */
    policy: text('policy', { enum: SCORING_POLICY_VALUES }),
    /** Total for display, two decimals ("90.90"); null for unscored methods. */
    total: text('total'),
    /** The exact rational the engine returned ("3085/36"), so statistics never add rounded figures. */
    totalExact: text('total_exact'),
    /** 优良 / 合格 / 不合格 (JGJ59), 达标 / 不达标 (dust), or null. */
    grade: text('grade'),
    /** 评语 as sealed (JGJ59/dust summaries print it); '' when empty. */
    comment: text('comment').notNull().default(''),
    /** 标准化月评: the project's own score from its uploaded evaluation form (two decimals), else null. */
    selfScore: text('self_score'),
    /** JSON array of `{ userId, name }`, the inspection's inspectors. */
    inspectors: text('inspectors').notNull(),
    rectificationRequired: integer('rectification_required', { mode: 'boolean' }).notNull(),
    /** 整改期限, YYYY-MM-DD or null. */
    rectificationDeadline: text('rectification_deadline'),
    findingCount: integer('finding_count').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sealedAt: integer('sealed_at', { mode: 'timestamp_ms' }),
    sealedHash: text('sealed_hash'),
    /** Soft delete (audited); deleted rows are hidden from every list and statistic. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    deletedByUserId: text('deleted_by_user_id'),
    materializedAt: integer('materialized_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * `MATERIALIZER_VERSION` of the code that wrote the rows: a server whose materializer computes something new
     * re-materializes older rows at start (catch-up).
     */
    materializerVersion: integer('materializer_version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('inspections_doc_name_idx').on(t.docName),
    index('inspections_project_date_idx').on(t.projectId, t.date),
    index('inspections_origin_date_idx').on(t.origin, t.date),
    // The statistics rollups refresh what changed since their watermark (server/src/stats/rollups.ts).
    index('inspections_materialized_idx').on(t.materializedAt),
    index('inspections_deleted_idx').on(t.deletedAt),
    // Covers the alert pass's per-project counts of live sealed inspections by origin (server/src/alerts/pass).
    index('inspections_origin_live_idx').on(t.origin, t.status, t.deletedAt, t.projectId, t.date),
  ],
);

/** One 分项检查评分表 of a scored inspection, with its server-computed score. */
export const inspectionSheets = sqliteTable(
  'inspection_sheets',
  {
    inspectionId: text('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    sheetId: text('sheet_id').notNull(),
    /** Order of the sheet in the inspection (as the document lists them: oldest first), from 0. */
    position: integer('position').notNull().default(0),
    tableId: text('table_id').notNull(),
    label: text('label').notNull(),
    /** Two decimals, or null when the whole sheet is 缺项. */
    score: text('score'),
    notApplicable: integer('not_applicable', { mode: 'boolean' }).notNull(),
    saved: integer('saved', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    uniqueIndex('inspection_sheets_pk').on(t.inspectionId, t.sheetId),
    index('inspection_sheets_table_idx').on(t.tableId),
  ],
);

export const FINDING_KIND_VALUES = ['deduction', 'na_item', 'na_sheet', 'term'] as const;

/**
 * One finding per row, for statistics (top deduction items, hazard categories): a deduction of a sheet, a 缺项
 * item or sheet, or a selected inspection term.
 */
export const inspectionFindings = sqliteTable(
  'inspection_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: text('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: FINDING_KIND_VALUES }).notNull(),
    sheetId: text('sheet_id'),
    tableId: text('table_id'),
    itemId: text('item_id'),
    ruleId: text('rule_id'),
    termId: text('term_id'),
    /** Points deducted in total for this rule (per occurrence × occurrences), two decimals; null otherwise. */
    points: text('points'),
    occurrences: integer('occurrences'),
    /** 一般隐患 `general` / 重大隐患 `major` for terms; null otherwise. */
    hazardLevel: text('hazard_level'),
    /** 楼栋/部位 the inspector wrote for a term (trimmed), so lists and statistics can show it; null otherwise. */
    location: text('location'),
  },
  (t) => [
    index('inspection_findings_inspection_idx').on(t.inspectionId),
    index('inspection_findings_item_idx').on(t.tableId, t.itemId),
  ],
);

/** The last materialization failure of a document (invalid content); cleared when it next materializes. */
export const materializationErrors = sqliteTable('materialization_errors', {
  docName: text('doc_name').primaryKey(),
  /** zh-CN summary shown to the document's editors. */
  message: text('message').notNull(),
  /** JSON array of the validation issues (paths and codes). */
  issues: text('issues').notNull(),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});
