import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Statistics pre-aggregation (issue 11): what the 统计分析 figures would otherwise compute by scanning every
 * inspection and finding of a province. Only sealed (`completed`), not deleted inspections count. Rows are
 * recomputed cell by cell from the materialized rows by `server/src/stats/rollups.ts`, for the cells whose
 * inspections were materialized or deleted since the last refresh (`statsRollupState`) or whose project moved,
 * changed enterprise or status (`statsProjectScopes`), so they are never trusted beyond what the base rows say:
 * dropping them and refreshing gives the same figures. Scopes: `e:<enterprise>`, `r:<district>`, and `p:<prefix>`
 * for a city (4 digits) or province (2) summed from its districts.
 */

/** The sealed inspections of a cell counted per origin, with JGJ59 score figures and the findings they hold. */
function inspectionFigures() {
  return {
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
  };
}

/**
 * One project's sealed inspections in one month (YYYY-MM), counted per origin, with JGJ59 score figures, and the
 * project's region, enterprise, 施工单位 and status as of the refresh (`statsProjectScopes` notices when they change).
 */
export const statsProjectMonths = sqliteTable(
  'stats_project_months',
  {
    projectId: text('project_id').notNull(),
    month: text('month').notNull(),
    regionCode: text('region_code'),
    enterpriseId: text('enterprise_id'),
    // Defaults only so the columns could be added to existing rows; the refresh rebuilds those (no snapshot yet).
    creditCode: text('credit_code').notNull().default(''),
    status: text('status').notNull().default(''),
    ...inspectionFigures(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.month] }),
    // Covers the supervisor's ranking (JGJ59 figures per 施工单位 in a region) and the region cells' refresh.
    index('stats_project_months_region_idx').on(
      t.regionCode,
      t.month,
      t.creditCode,
      t.jgj59Count,
      t.jgj59ScoreCenti,
    ),
    index('stats_project_months_enterprise_idx').on(t.enterpriseId, t.month),
  ],
);

/** The inspection figures above summed per scope (`r:<district>` / `e:<enterprise>`), month and project status. */
export const statsScopeMonths = sqliteTable(
  'stats_scope_months',
  {
    scope: text('scope').notNull(),
    month: text('month').notNull(),
    status: text('status').notNull(),
    ...inspectionFigures(),
    /** Projects with at least one sealed 标准化月评 in the month. */
    monthlyProjects: integer('monthly_projects').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.month, t.status] })],
);

/**
 * Enterprise inspections and JGJ59 figures per project and calendar year (YYYY): the 企业检查进度 and the ranking
 * read one row each. The columns with defaults were added later; the rollup format version rebuilds their rows.
 */
export const statsProjectYears = sqliteTable(
  'stats_project_years',
  {
    projectId: text('project_id').notNull(),
    year: text('year').notNull(),
    enterpriseCount: integer('enterprise_count').notNull(),
    /** Sealed JGJ59 inspections with a total and their total in hundredths (the ranking's year average). */
    jgj59Count: integer('jgj59_count').notNull().default(0),
    jgj59ScoreCenti: integer('jgj59_score_centi').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] })],
);

/**
 * Each project's region, enterprise, 施工单位 and status when its rollup rows were last written: a project whose
 * registry row no longer matches (moved, linked to another enterprise, completed) has its cells recomputed.
 */
export const statsProjectScopes = sqliteTable(
  'stats_project_scopes',
  {
    projectId: text('project_id').primaryKey(),
    regionCode: text('region_code'),
    enterpriseId: text('enterprise_id'),
    creditCode: text('credit_code').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    index('stats_project_scopes_region_idx').on(t.regionCode),
    index('stats_project_scopes_enterprise_idx').on(t.enterpriseId),
  ],
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
