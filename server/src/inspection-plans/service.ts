import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import { shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../auth/audit.js';
import { inspectionPlans, inspections, users } from '../db/schema/index.js';
import { evaluateProjectAlerts } from '../alerts/index.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';
import { findReadableProject, type ProjectRow } from '../projects/queries.js';
import { calendarDate } from '../registry/input.js';
import {
  currentPeriod,
  missedPeriods,
  planPeriod,
  PLAN_FREQUENCIES,
  PLAN_FREQUENCY_LABELS,
  type PlanFrequency,
  type PlanPeriod,
} from './periods.js';

type PlanRow = typeof inspectionPlans.$inferSelect;

export interface PlanView {
  id: string;
  projectId: string;
  inspectorUserId: string | null;
  inspectorName: string;
  frequency: PlanFrequency;
  frequencyLabel: string;
  startDate: string;
  /** The due date (last day) of the period today falls in, or of the first period before the plan starts. */
  nextDue: string;
  /** Periods of this year whose due date passed with no enterprise inspection in them. */
  missed: PlanPeriod[];
  createdAt: string;
}

export interface PlanInput {
  projectId: string;
  inspectorUserId: string | null;
  inspectorName: string | null;
  frequency: PlanFrequency;
  startDate: string;
}

async function readableProject(deps: AppDeps, user: SessionUser, id: string): Promise<ProjectRow> {
  const project = await findReadableProject(deps.database.db, user, id);
  if (!project) throw notFound('未找到该项目');
  return project;
}

/** Only the enterprise account (安全总监) sets its projects' plans. */
function requireEnterpriseOf(user: SessionUser, project: ProjectRow): void {
  if (user.role !== 'enterprise' || !user.enterpriseId || user.enterpriseId !== project.enterpriseId) {
    throw forbidden('只有施工企业账号可以设置企业检查计划');
  }
}

export async function listPlans(deps: AppDeps, user: SessionUser, projectIdOrFiling: string) {
  const { db } = deps.database;
  const project = await readableProject(deps, user, projectIdOrFiling);
  const today = shanghaiDate(deps.now());
  const rows = await db
    .select()
    .from(inspectionPlans)
    .where(eq(inspectionPlans.projectId, project.id))
    .orderBy(asc(inspectionPlans.createdAt));
  const dates = await enterpriseInspectionDates(deps, project.id, today);
  const editable = user.role === 'enterprise' && user.enterpriseId === project.enterpriseId;
  return {
    plans: rows.map((row) => toView(row, project, dates, today)),
    editable,
    inspectors: editable ? await enterpriseInspectors(deps, project) : [],
  };
}

async function enterpriseInspectionDates(deps: AppDeps, projectId: string, today: string) {
  const rows = await deps.database.db
    .select({ date: inspections.date })
    .from(inspections)
    .where(
      and(
        eq(inspections.projectId, projectId),
        eq(inspections.origin, 'enterprise'),
        eq(inspections.status, 'completed'),
        isNull(inspections.deletedAt),
        gte(inspections.date, `${today.slice(0, 4)}-01-01`),
        lte(inspections.date, today),
      ),
    );
  return rows.map((r) => r.date);
}

async function enterpriseInspectors(deps: AppDeps, project: ProjectRow) {
  if (!project.enterpriseId) return [];
  const rows = await deps.database.db
    .select({ id: users.id, name: users.displayName, login: users.login })
    .from(users)
    .where(
      and(
        eq(users.enterpriseId, project.enterpriseId),
        eq(users.role, 'inspector'),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.displayName));
  return rows;
}

function toView(row: PlanRow, project: ProjectRow, dates: readonly string[], today: string): PlanView {
  const yearFirst = `${today.slice(0, 4)}-01-01`;
  const from = project.startDate && project.startDate > yearFirst ? project.startDate : yearFirst;
  const period =
    currentPeriod(row.startDate, row.frequency, today) ?? planPeriod(row.startDate, row.frequency, 0);
  return {
    id: row.id,
    projectId: row.projectId,
    inspectorUserId: row.inspectorUserId,
    inspectorName: row.inspectorName,
    frequency: row.frequency,
    frequencyLabel: PLAN_FREQUENCY_LABELS[row.frequency],
    startDate: row.startDate,
    nextDue: period.end,
    missed: project.status === 'in_construction' ? missedPeriods(row, dates, today, { from, to: today }) : [],
    createdAt: row.createdAt.toISOString(),
  };
}

/** Validates a plan body (400 naming the field). */
export function parsePlanInput(body: Record<string, unknown>): PlanInput {
  const projectId = typeof body.projectId === 'string' ? body.projectId.trim() : '';
  if (!projectId) throw badRequest('missing_field', '请指定项目', { field: 'projectId' });
  const frequency = body.frequency as PlanFrequency;
  if (!PLAN_FREQUENCIES.includes(frequency)) {
    throw badRequest('invalid_frequency', '检查频次只能是每月、每两个月、每季度或每半年', {
      field: 'frequency',
    });
  }
  const startDate = calendarDate(body.startDate);
  if (!startDate)
    {throw badRequest('invalid_date', '开始日期应为有效日期，格式 YYYY-MM-DD', { field: 'startDate' });}
  const inspectorUserId =
    typeof body.inspectorUserId === 'string' && body.inspectorUserId !== '' ? body.inspectorUserId : null;
  const name = typeof body.inspectorName === 'string' ? body.inspectorName.trim() : '';
  if (!inspectorUserId && !name)
    {throw badRequest('missing_field', '请选择或填写检查人', { field: 'inspectorName' });}
  if (name.length > 50) throw badRequest('too_long', '检查人不能超过50个字', { field: 'inspectorName' });
  return { projectId, inspectorUserId, inspectorName: name || null, frequency, startDate };
}

export async function createPlan(deps: AppDeps, user: SessionUser, input: PlanInput, ip: string | null) {
  const { db } = deps.database;
  const project = await readableProject(deps, user, input.projectId);
  requireEnterpriseOf(user, project);
  let inspectorName = input.inspectorName ?? '';
  if (input.inspectorUserId) {
    const inspector = (await enterpriseInspectors(deps, project)).find((i) => i.id === input.inspectorUserId);
    if (!inspector)
      {throw badRequest('invalid_inspector', '检查人不是本企业的检查人员', { field: 'inspectorUserId' });}
    inspectorName = inspector.name;
  }
  const now = deps.now();
  const row: PlanRow = {
    id: randomUUID(),
    projectId: project.id,
    inspectorUserId: input.inspectorUserId,
    inspectorName,
    frequency: input.frequency,
    startDate: input.startDate,
    createdByUserId: user.id,
    createdAt: now,
  };
  await db.insert(inspectionPlans).values(row);
  audit(db, {
    event: 'inspection_plan.saved',
    at: now,
    ip,
    actorUserId: user.id,
    target: `${project.filingNumber} ${PLAN_FREQUENCY_LABELS[row.frequency]} ${inspectorName}`,
    enterpriseId: project.enterpriseId,
    projectId: project.id,
    detail: { planId: row.id, frequency: row.frequency, startDate: row.startDate, inspectorName },
  });
  await evaluateProjectAlerts(deps, project.id);
  const today = shanghaiDate(now);
  return toView(row, project, await enterpriseInspectionDates(deps, project.id, today), today);
}

export async function deletePlan(deps: AppDeps, user: SessionUser, planId: string, ip: string | null) {
  const { db } = deps.database;
  const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  if (!row) throw notFound('未找到该检查计划');
  const project = await readableProject(deps, user, row.projectId);
  requireEnterpriseOf(user, project);
  await db.delete(inspectionPlans).where(eq(inspectionPlans.id, planId));
  audit(db, {
    event: 'inspection_plan.deleted',
    at: deps.now(),
    ip,
    actorUserId: user.id,
    target: `${project.filingNumber} ${PLAN_FREQUENCY_LABELS[row.frequency]} ${row.inspectorName}`,
    enterpriseId: project.enterpriseId,
    projectId: project.id,
    detail: { planId },
  });
  await evaluateProjectAlerts(deps, project.id);
}
