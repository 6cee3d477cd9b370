import { and, count, desc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dangerousWorks, inspections, rectifications } from '../db/schema/index.js';
import { equipmentAlertsByProject, type EquipmentAlerts } from './equipment-alerts.js';

/** Per-project figures of the 项目信息 list (see /work/notes/projects-api.md). */
export interface ProjectFigures {
  enterpriseInspections: { thisYear: number; required: number };
  /** Rectifications not yet 已通过 (待整改 / 已回复 / 已退回) of inspections that are not soft-deleted. */
  openRectifications: number;
  monthlyEvaluation: { inspectionId: string; date: string; selfScore: string | null } | null;
  superDangerousWorkCount: number;
  /** Expired operator certificates and overdue equipment inspections on `today` (as the overview counts them). */
  equipmentAlerts: EquipmentAlerts;
}

/** First and last day of a calendar month `YYYY-MM` (inspection dates are Asia/Shanghai calendar days). */
export function monthRange(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: `${month}-31` };
}

/**
 * The figures of a page of projects, in five grouped queries (each uses an index on the project id).
 * `today` is the Asia/Shanghai calendar day; its year and month decide "this year" and "this month".
 */
export async function projectFigures(
  db: Db,
  page: ReadonlyArray<{ id: string; requiredInspectionsPerYear: number }>,
  today: string,
): Promise<Map<string, ProjectFigures>> {
  const ids = page.map((p) => p.id);
  const result = new Map<string, ProjectFigures>();
  if (ids.length === 0) return result;
  const year = today.slice(0, 4);
  const [inspectionCounts, monthly, works, open, equipment] = await Promise.all([
    db
      .select({ projectId: inspections.projectId, n: count() })
      .from(inspections)
      .where(
        and(
          inArray(inspections.projectId, ids),
          eq(inspections.origin, 'enterprise'),
          gte(inspections.date, `${year}-01-01`),
          lte(inspections.date, `${year}-12-31`),
          isNull(inspections.deletedAt),
        ),
      )
      .groupBy(inspections.projectId),
    latestMonthlyEvaluations(db, ids, today.slice(0, 7)),
    db
      .select({ projectId: dangerousWorks.projectId, n: count() })
      .from(dangerousWorks)
      .where(inArray(dangerousWorks.projectId, ids))
      .groupBy(dangerousWorks.projectId),
    openRectificationCounts(db, ids),
    equipmentAlertsByProject(db, ids, today),
  ]);
  const countOf = (rows: Array<{ projectId: string; n: number }>) =>
    new Map(rows.map((r) => [r.projectId, r.n]));
  const inspected = countOf(inspectionCounts);
  const workCount = countOf(works);
  const openCount = countOf(open);
  for (const project of page) {
    const evaluation = monthly.get(project.id);
    result.set(project.id, {
      enterpriseInspections: {
        thisYear: inspected.get(project.id) ?? 0,
        required: project.requiredInspectionsPerYear,
      },
      openRectifications: openCount.get(project.id) ?? 0,
      monthlyEvaluation: evaluation
        ? { inspectionId: evaluation.id, date: evaluation.date, selfScore: evaluation.selfScore }
        : null,
      superDangerousWorkCount: workCount.get(project.id) ?? 0,
      equipmentAlerts: equipment.get(project.id) ?? { expiredCertificates: 0, overdueInspections: 0 },
    });
  }
  return result;
}

/** Open rectifications per project; an inspection row not materialized yet is not a deleted one (left join). */
function openRectificationCounts(db: Db, ids: string[]) {
  return db
    .select({ projectId: rectifications.projectId, n: count() })
    .from(rectifications)
    .leftJoin(inspections, eq(inspections.id, rectifications.inspectionId))
    .where(
      and(
        inArray(rectifications.projectId, ids),
        ne(rectifications.state, 'passed'),
        isNull(inspections.deletedAt),
      ),
    )
    .groupBy(rectifications.projectId);
}

export type MonthlyRow = Pick<
  typeof inspections.$inferSelect,
  'id' | 'projectId' | 'date' | 'selfScore' | 'sealedAt'
>;

/**
 * The 标准化月评 that counts for each project in a month (`YYYY-MM`): the newest sealed one (a replaced scan keeps
 * its history; the latest seal wins). Drafts do not count: the form is only submitted once it is sealed.
 */
export async function latestMonthlyEvaluations(
  db: Db,
  projectIds: readonly string[] | null,
  month: string,
): Promise<Map<string, MonthlyRow & { history: number }>> {
  const { first, last } = monthRange(month);
  const rows = await db
    .select({
      id: inspections.id,
      projectId: inspections.projectId,
      date: inspections.date,
      selfScore: inspections.selfScore,
      sealedAt: inspections.sealedAt,
    })
    .from(inspections)
    .where(
      and(
        projectIds ? inArray(inspections.projectId, [...projectIds]) : undefined,
        eq(inspections.origin, 'monthly'),
        eq(inspections.status, 'completed'),
        gte(inspections.date, first),
        lte(inspections.date, last),
        isNull(inspections.deletedAt),
      ),
    )
    .orderBy(desc(inspections.sealedAt), desc(inspections.id));
  const latest = new Map<string, MonthlyRow & { history: number }>();
  for (const row of rows) {
    const seen = latest.get(row.projectId);
    if (seen) seen.history++;
    else latest.set(row.projectId, { ...row, history: 1 });
  }
  return latest;
}
