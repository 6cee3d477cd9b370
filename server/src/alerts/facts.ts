import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { WorkStep, WorkSteps } from '@anguan/standards';
import type { Db } from '../db/client.js';
import {
  dangerousWorks,
  dangerousWorkSteps,
  inspectionPlans,
  inspections,
  projects,
  rectifications,
} from '../db/schema/index.js';
import { previousMonth } from './rules/calendar.js';
import type { ProjectFacts } from './rules/types.js';

/** Loads what the rules read about one project on `today`; null when the project does not exist. */
export async function loadProjectFacts(
  db: Db,
  projectId: string,
  today: string,
): Promise<ProjectFacts | null> {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) return null;
  const year = Number(today.slice(0, 4));
  const live = and(
    eq(inspections.projectId, projectId),
    eq(inspections.status, 'completed'),
    isNull(inspections.deletedAt),
  );
  const enterprise = await db
    .select({ date: inspections.date })
    .from(inspections)
    .where(
      and(
        live,
        eq(inspections.origin, 'enterprise'),
        gte(inspections.date, `${year - 1}-01-01`),
        lte(inspections.date, `${year}-12-31`),
      ),
    );
  const month = today.slice(0, 7);
  const monthly = await db
    .select({ date: inspections.date })
    .from(inspections)
    .where(
      and(
        live,
        eq(inspections.origin, 'monthly'),
        gte(inspections.date, `${previousMonth(month)}-01`),
        lte(inspections.date, `${month}-31`),
      ),
    );
  const open = await db
    .select({
      inspectionId: rectifications.inspectionId,
      deadline: rectifications.deadline,
      state: rectifications.state,
    })
    .from(rectifications)
    .where(
      and(eq(rectifications.projectId, projectId), inArray(rectifications.state, ['pending', 'returned'])),
    );
  return {
    project: {
      id: project.id,
      filingNumber: project.filingNumber,
      name: project.name,
      status: project.status,
      startDate: project.startDate,
      expectedCompletionDate: project.expectedCompletionDate,
      completionFilingDate: project.completionFilingDate,
      requiredInspectionsPerYear: project.requiredInspectionsPerYear,
      registeredAt: project.registeredAt,
    },
    enterpriseInspectionDates: enterprise.map((r) => r.date),
    monthlyEvaluationMonths: new Set(monthly.map((r) => r.date.slice(0, 7))),
    openRectifications: open,
    dangerousWorks: await loadWorks(db, projectId),
    inspectionPlans: await db
      .select({
        id: inspectionPlans.id,
        inspectorName: inspectionPlans.inspectorName,
        frequency: inspectionPlans.frequency,
        startDate: inspectionPlans.startDate,
      })
      .from(inspectionPlans)
      .where(eq(inspectionPlans.projectId, projectId)),
  };
}

async function loadWorks(db: Db, projectId: string): Promise<ProjectFacts['dangerousWorks']> {
  const works = await db.select().from(dangerousWorks).where(eq(dangerousWorks.projectId, projectId));
  if (works.length === 0) return [];
  const steps = await db.select().from(dangerousWorkSteps).where(eq(dangerousWorkSteps.projectId, projectId));
  return works.map((work) => {
    const own: Partial<Record<WorkStep, { date: string | null; conclusion: string | null }>> = {};
    for (const s of steps) {
      if (s.workId === work.workId) own[s.step] = { date: s.date, conclusion: s.conclusion };
    }
    return { workId: work.workId, name: work.name, steps: own as WorkSteps };
  });
}
