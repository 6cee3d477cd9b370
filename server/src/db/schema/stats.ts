import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Statistics pre-aggregation (issue 11): what the 统计分析 figures would otherwise compute by scanning every
 * inspection and finding of a province. Only sealed (`completed`), not deleted inspections count. Rows are
 * recomputed cell by cell from the materialized rows by `server/src/stats/rollups.ts`, for the cells whose
 * inspections were materialized or deleted since the last refresh (`statsRollupState`), so they are never trusted
 * beyond what the base rows say: dropping them and refreshing gives the same figures.
 */

/** One project's sealed inspections in one month (YYYY-MM), counted per origin, with JGJ59 score figures. */
export const statsProjectMonths = sqliteTable(
  'stats_project_months',
  {
    projectId: text('project_id').notNull(),
    month: text('month').notNull(),
    enterpriseCount: integer('enterprise_count').notNull(),
    selfCount: integer('self_count').notNull(),
    monthlyCount: integer('monthly_count').notNull(),
    spotCount: integer('spot_count').notNull(),
    /** Sealed JGJ59 inspections with a total, their total in hundredths of a point, and grade counts. */
    jgj59Count: integer('jgj59_count').notNull(),
    jgj59ScoreCenti: integer('jgj59_score_centi').notNull(),
    excellentCount: integer('excellent_count').notNull(),
    passCount: integer('pass_count').notNull(),
    failCount: integer('fail_count').notNull(),
    /** JGJ59 totals by band: < 60, 60–69.99, 70–79.99, 80–89.99, ≥ 90. */
    band0: integer('band_0').notNull(),
    band1: integer('band_1').notNull(),
    band2: integer('band_2').notNull(),
    band3: integer('band_3').notNull(),
    band4: integer('band_4').notNull(),
    findingCount: integer('finding_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.month] }), index('stats_project_months_month_idx').on(t.month)],
);

/**
 * Findings per (scope, month, kind, item): `scope` is `r:<district code>` or `e:<enterprise id>`, so a supervisor's
 * region and a director's enterprise each read a few thousand rows instead of millions of findings. `item` is
 * `<table id>|<item id>` for JGJ59/dust deductions and 缺项, the term id for selected inspection terms.
 */
export const statsFindingCells = sqliteTable(
  'stats_finding_cells',
  {
    scope: text('scope').notNull(),
    month: text('month').notNull(),
    kind: text('kind').notNull(),
    item: text('item').notNull(),
    hazardLevel: text('hazard_level').notNull(),
    count: integer('count').notNull(),
    /** Points deducted, in hundredths. */
    pointsCenti: integer('points_centi').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.month, t.kind, t.item, t.hazardLevel] })],
);

/** Refresh watermarks: the newest `materialized_at` / `deleted_at` already rolled up (ms). */
export const statsRollupState = sqliteTable('stats_rollup_state', {
  name: text('name').primaryKey(),
  watermark: integer('watermark').notNull(),
});
