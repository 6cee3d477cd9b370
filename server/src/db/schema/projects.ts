import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { enterprises } from './accounts.js';

export const regions = sqliteTable('regions', {
  /** GB/T 2260 行政区划码, e.g. 320100 南京市. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
});

export const PROJECT_STATUSES = ['in_construction', 'completed', 'terminated'] as const;

export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    /** 安全监督备案号. */
    filingNumber: text('filing_number').notNull().unique(),
    name: text('name').notNull(),
    address: text('address'),
    regionCode: text('region_code').references(() => regions.code),
    /** 施工单位's 统一社会信用代码; links the project to an enterprise when it registers. */
    constructorCreditCode: text('constructor_credit_code').notNull(),
    constructorName: text('constructor_name').notNull(),
    enterpriseId: text('enterprise_id').references(() => enterprises.id),
    status: text('status', { enum: PROJECT_STATUSES }).notNull(),
    /** YYYY-MM-DD, Asia/Shanghai. */
    startDate: text('start_date'),
    expectedCompletionDate: text('expected_completion_date'),
    /** 建设单位. */
    builderName: text('builder_name'),
    /** 监理单位. */
    supervisionFirmName: text('supervision_firm_name'),
    /** 项目经理. */
    projectManager: text('project_manager'),
    /** 建筑面积, m². */
    area: real('area'),
    /** 合同价, 万元. */
    contractAmount: real('contract_amount'),
    /** 结构类型. */
    structure: text('structure'),
    /** 特殊项目: inspected more often than the default three times a year. */
    special: integer('special', { mode: 'boolean' }).notNull().default(false),
    requiredInspectionsPerYear: integer('required_inspections_per_year').notNull().default(3),
    /** 竣工备案日期, YYYY-MM-DD; set together with status `completed`. */
    completionFilingDate: text('completion_filing_date'),
    registeredAt: integer('registered_at', { mode: 'timestamp_ms' }),
    registeredByUserId: text('registered_by_user_id'),
  },
  (t) => {
    // After (scope, status, 备案号), the columns the statistics' pace of every in-construction project of a scope
    // reads, so that list (ten thousand rows for a province) is index-only.
    const pace = [
      t.id,
      t.constructorCreditCode,
      t.startDate,
      t.completionFilingDate,
      t.requiredInspectionsPerYear,
    ] as const;
    return [
      index('projects_constructor_idx').on(t.constructorCreditCode),
      // The 项目信息 lists page by (scope, status, 备案号); see bench/src/projects.
      index('projects_enterprise_idx').on(t.enterpriseId, t.status, t.filingNumber, ...pace),
      index('projects_region_idx').on(t.regionCode, t.status, t.filingNumber, ...pace),
    ];
  },
);
