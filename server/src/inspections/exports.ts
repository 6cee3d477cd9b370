import { SHEET_METHODS } from '@anguan/model';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { partyOf } from '../documents/access.js';
import {
  findEnterprisePolicy,
  findProjectRow,
  listSheetsAndFindings,
  setEnterprisePolicy,
} from './queries.js';
import { readableInspection } from './service.js';
import { buildSummary, type InspectionSummary } from './summary.js';
import { summaryWorkbook } from './xlsx.js';

/** `GET /api/inspections/<uuid>/summary`: the 汇总表 from the materialized rows (drafts too). */
export async function getSummary(deps: AppDeps, user: SessionUser, id: string): Promise<InspectionSummary> {
  const { doc, project, row } = await readableInspection(deps, user, id);
  if (!(SHEET_METHODS as readonly string[]).includes(doc.method ?? '')) {
    throw new AppError(409, 'no_summary', '该检查方式没有汇总表');
  }
  if (!row) throw new AppError(409, 'not_materialized', '检查记录正在生成，请稍后重试');
  const { sheets, findings } = await listSheetsAndFindings(deps.database.db, id);
  const summary = buildSummary(doc, project, row, sheets, findings);
  if (!summary) throw new AppError(409, 'no_summary', '该检查方式没有汇总表');
  return summary;
}

/** `GET /api/inspections/<uuid>/summary.xlsx`: sealed inspections only, from the sealed materialized state. */
export async function getSummaryXlsx(deps: AppDeps, user: SessionUser, id: string) {
  // Unsealed is the answer for a draft whether or not its rows exist yet (they may still be materializing).
  const { doc } = await readableInspection(deps, user, id);
  if (!doc.sealedAt) throw new AppError(409, 'not_sealed', '检查尚未保存汇总，不能下载汇总表');
  const summary = await getSummary(deps, user, id);
  if (summary.inspection.status !== 'completed') {
    throw new AppError(409, 'not_sealed', '检查尚未保存汇总，不能下载汇总表');
  }
  const fileName = `${summary.project.name}-${summary.date}-汇总表.xlsx`;
  return { body: await summaryWorkbook(summary), fileName };
}

const POLICIES = ['provincial', 'strict'] as const;
type Policy = (typeof POLICIES)[number];

/** The policy a new inspection of this project scores with: its enterprise's setting, else provincial. */
export async function policyForProject(deps: AppDeps, user: SessionUser, projectId: string): Promise<Policy> {
  const project = await findProjectRow(deps.database.db, projectId);
  if (!project || partyOf(user, project) === null) throw notFound('项目不存在');
  if (!project.enterpriseId) return 'provincial';
  return (await findEnterprisePolicy(deps.database.db, project.enterpriseId)) ?? 'provincial';
}

export async function getEnterpriseSettings(deps: AppDeps, enterpriseId: string) {
  const scoringPolicy = await findEnterprisePolicy(deps.database.db, enterpriseId);
  if (!scoringPolicy) throw notFound('企业不存在');
  return { scoringPolicy };
}

export async function updateEnterpriseSettings(
  deps: AppDeps,
  enterpriseId: string,
  input: { scoringPolicy: unknown },
) {
  if (!POLICIES.includes(input.scoringPolicy as Policy)) {
    throw badRequest('invalid_policy', '评分口径只能是省平台口径或严格口径', { field: 'scoringPolicy' });
  }
  await setEnterprisePolicy(deps.database.db, enterpriseId, input.scoringPolicy as Policy);
  return getEnterpriseSettings(deps, enterpriseId);
}
