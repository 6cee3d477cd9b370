/**
 * 统计分析: the figures of one section for a director (own enterprise) or a supervisor (own region), each a
 * {@link StatsTable}. The pre-aggregation is refreshed first, so figures always match the materialized rows.
 *
 * @module
 */
import type { SessionUser } from '../auth/sessions.js';
import type { Db } from '../db/client.js';
import { forbidden, notFound } from '../http/errors.js';
import { deductionItemTable, findingGroups, hazardCategoryTable } from './finding-figures.js';
import { inspectionTables } from './inspection-figures.js';
import type { StatsFilter } from './periods.js';
import type { StatsSource } from './project-months.js';
import { rankingTable } from './ranking.js';
import { alertTable, dangerousWorkTable, projectTables, rectificationTable } from './register-figures.js';
import { refreshStatsRollups } from './rollups.js';
import { statsScope, type StatsScope } from './scope.js';
import type { StatsTable } from './tables.js';

export const STATS_SECTIONS = [
  'projects',
  'inspections',
  'findings',
  'rectifications',
  'dangerous-works',
  'alerts',
  'ranking',
] as const;
export type StatsSection = (typeof STATS_SECTIONS)[number];

const ROLLUP_SECTIONS = new Set(['inspections', 'findings', 'ranking']);

type Loader = (db: Db, scope: StatsScope, filter: StatsFilter, source: StatsSource) => Promise<StatsTable[]>;

const LOADERS: Record<StatsSection, Loader> = {
  projects: (db, scope) => projectTables(db, scope),
  inspections: inspectionTables,
  findings: async (db, scope, filter, source) => {
    const groups = await findingGroups(db, scope, filter, source);
    return [hazardCategoryTable(groups), deductionItemTable(groups)];
  },
  rectifications: async (db, scope, filter) => [await rectificationTable(db, scope, filter)],
  'dangerous-works': async (db, scope, filter) => [await dangerousWorkTable(db, scope, filter)],
  alerts: async (db, scope, filter) => [await alertTable(db, scope, filter)],
  ranking: async (db, scope, filter, source) => {
    if (scope.role !== 'supervisor') throw forbidden('企业排名仅对安监站开放');
    return [await rankingTable(db, scope, filter, source)];
  },
};

export interface SectionAnswer {
  section: StatsSection;
  filter: { period: string; from: string; to: string; region: string | null; project: string | null };
  generatedAt: string;
  tables: StatsTable[];
}

export interface StatsOptions {
  /** `base`: compute from the materialized rows without the pre-aggregation (the benchmark's baseline). */
  source?: StatsSource;
}

export async function statsSection(
  db: Db,
  user: SessionUser,
  section: string,
  filter: StatsFilter,
  now: Date,
  options: StatsOptions = {},
): Promise<SectionAnswer> {
  const load = LOADERS[section as StatsSection];
  if (!load) throw notFound('没有该统计');
  const scope = statsScope(user, filter);
  const source = options.source ?? 'rollup';
  // The registry-only sections read no rollup, so they need no refresh.
  if (source === 'rollup' && ROLLUP_SECTIONS.has(section)) await refreshStatsRollups(db, scope.owner);
  return {
    section: section as StatsSection,
    filter: {
      period: filter.period,
      from: filter.fromMonth,
      to: filter.toMonth,
      region: filter.region ?? null,
      project: filter.projectId ?? null,
    },
    generatedAt: now.toISOString(),
    tables: await load(db, scope, filter, source),
  };
}
