import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
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
  },
  (t) => [
    index('projects_constructor_idx').on(t.constructorCreditCode),
    index('projects_enterprise_idx').on(t.enterpriseId),
  ],
);
