import { and, count, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { WorkStep, WorkSteps } from '@anguan/standards';
import type { Db } from '../../db/client.js';
import {
  dangerousWorks,
  dangerousWorkSteps,
  inspectionPlans,
  inspections,
  projects,
  rectifications,
} from '../../db/schema/index.js';
import { previousMonth } from '../rules/calendar.js';
import type { ProjectFacts } from '../rules/types.js';

/** Which projects a pass covers: every project (`null`) or the listed ones (at most a few hundred at a time). */
export type PassScope = readonly string[] | null;

/** What the engine needs beside the rules' facts: where the alert goes. */
export interface ProjectPlace {
  readonly id: string;
  readonly enterpriseId: string | null;
  readonly regionCode: string | null;
}

export interface ScopedFacts {
  readonly facts: ProjectFacts;
  readonly place: ProjectPlace;
}

type Element<A> = A extends ReadonlyArray<infer U> ? U : never;
/** ProjectFacts while its lists are being filled. */
interface Building {
  readonly project: ProjectFacts['project'];
  readonly enterpriseInspectionDates: string[];
  readonly monthlyEvaluationMonths: Set<string>;
  readonly openRectifications: Array<Element<ProjectFacts['openRectifications']>>;
  readonly dangerousWorks: Array<Element<ProjectFacts['dangerousWorks']>>;
  readonly inspectionPlans: Array<Element<NonNullable<ProjectFacts['inspectionPlans']>>>;
}

/**
 * A turn of the event loop for sockets, timers and requests: better-sqlite3 answers synchronously, so a pass that
 * ran its queries back to back would hold the server for all of them.
 */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const within = (column: SQLiteColumn, scope: PassScope): SQL | undefined =>
  scope ? inArray(column, [...scope]) : undefined;

/**
 * The rules' facts for every project in scope, gathered with one grouped query per kind of fact (instead of ten
 * queries per project), in the shape {@link loadProjectFacts} gives for one project.
 */
export async function loadScopedFacts(
  db: Db,
  scope: PassScope,
  today: string,
): Promise<Map<string, ScopedFacts>> {
  const out = new Map<string, ScopedFacts>();
  const building = new Map<string, Building>();
  const rows = await db
    .select({
      id: projects.id,
      filingNumber: projects.filingNumber,
      name: projects.name,
      status: projects.status,
      startDate: projects.startDate,
      expectedCompletionDate: projects.expectedCompletionDate,
      completionFilingDate: projects.completionFilingDate,
      requiredInspectionsPerYear: projects.requiredInspectionsPerYear,
      registeredAt: projects.registeredAt,
      enterpriseId: projects.enterpriseId,
      regionCode: projects.regionCode,
    })
    .from(projects)
    .where(within(projects.id, scope));
  for (const { enterpriseId, regionCode, ...project } of rows) {
    const p = { id: project.id, enterpriseId, regionCode };
    const facts: Building = {
      project,
      enterpriseInspectionDates: [],
      monthlyEvaluationMonths: new Set(),
      openRectifications: [],
      dangerousWorks: [],
      inspectionPlans: [],
    };
    building.set(p.id, facts);
    out.set(p.id, { facts, place: p });
  }
  if (building.size === 0) return out;
  for (const add of [addInspections, addRectificationsAndPlans, addWorks]) {
    await yieldToLoop();
    await add(db, scope, today, building);
  }
  return out;
}

async function addInspections(db: Db, scope: PassScope, today: string, building: Map<string, Building>) {
  const year = Number(today.slice(0, 4));
  const live = and(
    within(inspections.projectId, scope),
    eq(inspections.status, 'completed'),
    isNull(inspections.deletedAt),
  );
  // Grouped by day: the rules need dates (plans' periods) and counts, never the inspections themselves.
  const enterprise = await db
    .select({ projectId: inspections.projectId, date: inspections.date, n: count() })
    .from(inspections)
    .where(
      and(
        eq(inspections.origin, 'enterprise'),
        gte(inspections.date, `${year - 1}-01-01`),
        lte(inspections.date, `${year}-12-31`),
        live,
      ),
    )
    .groupBy(inspections.projectId, inspections.date);
  for (const row of enterprise) {
    const dates = building.get(row.projectId)?.enterpriseInspectionDates;
    for (let i = 0; dates && i < row.n; i++) dates.push(row.date);
  }
  await yieldToLoop();
  const month = today.slice(0, 7);
  const monthly = await db
    .selectDistinct({ projectId: inspections.projectId, date: inspections.date })
    .from(inspections)
    .where(
      and(
        eq(inspections.origin, 'monthly'),
        gte(inspections.date, `${previousMonth(month)}-01`),
        lte(inspections.date, `${month}-31`),
        live,
      ),
    );
  for (const row of monthly) building.get(row.projectId)?.monthlyEvaluationMonths.add(row.date.slice(0, 7));
}

async function addRectificationsAndPlans(
  db: Db,
  scope: PassScope,
  _today: string,
  building: Map<string, Building>,
) {
  const open = await db
    .select({
      projectId: rectifications.projectId,
      inspectionId: rectifications.inspectionId,
      deadline: rectifications.deadline,
      state: rectifications.state,
    })
    .from(rectifications)
    .where(
      and(inArray(rectifications.state, ['pending', 'returned']), within(rectifications.projectId, scope)),
    );
  for (const { projectId, ...rest } of open) building.get(projectId)?.openRectifications.push(rest);
  const plans = await db
    .select({
      projectId: inspectionPlans.projectId,
      id: inspectionPlans.id,
      inspectorName: inspectionPlans.inspectorName,
      frequency: inspectionPlans.frequency,
      startDate: inspectionPlans.startDate,
    })
    .from(inspectionPlans)
    .where(within(inspectionPlans.projectId, scope));
  for (const { projectId, ...plan } of plans) building.get(projectId)?.inspectionPlans.push(plan);
}

async function addWorks(db: Db, scope: PassScope, _today: string, building: Map<string, Building>) {
  const works = await db
    .select({ projectId: dangerousWorks.projectId, workId: dangerousWorks.workId, name: dangerousWorks.name })
    .from(dangerousWorks)
    .where(within(dangerousWorks.projectId, scope));
  if (works.length === 0) return;
  const steps = await db
    .select({
      projectId: dangerousWorkSteps.projectId,
      workId: dangerousWorkSteps.workId,
      step: dangerousWorkSteps.step,
      date: dangerousWorkSteps.date,
      conclusion: dangerousWorkSteps.conclusion,
    })
    .from(dangerousWorkSteps)
    .where(within(dangerousWorkSteps.projectId, scope));
  const stepsOf = new Map<
    string,
    Partial<Record<WorkStep, { date: string | null; conclusion: string | null }>>
  >();
  for (const s of steps) {
    const key = `${s.projectId}|${s.workId}`;
    const own = stepsOf.get(key) ?? {};
    own[s.step] = { date: s.date, conclusion: s.conclusion };
    stepsOf.set(key, own);
  }
  for (const w of works) {
    const steps = (stepsOf.get(`${w.projectId}|${w.workId}`) ?? {}) as WorkSteps;
    building.get(w.projectId)?.dangerousWorks.push({ workId: w.workId, name: w.name, steps });
  }
}
