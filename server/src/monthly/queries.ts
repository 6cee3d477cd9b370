import { and, asc, count, eq, exists, gte, inArray, isNull, lte, not, or, sql, type SQL } from 'drizzle-orm';
import { inspectionDocName } from '@anguan/model';
import type { Db } from '../db/client.js';
import { blobRefs, blobs, inspections, projects, rectificationOrders } from '../db/schema/index.js';
import { latestMonthlyEvaluations, monthRange } from '../projects/figures.js';
import type { Page } from '../projects/queries.js';
import type { ProjectRow } from '../projects/views.js';

export type MonthlyStatus = 'pending' | 'done';

export interface EvaluationView {
  inspectionId: string;
  date: string;
  selfScore: string | null;
  sealedAt: string | null;
  files: Array<{ sha256: string; mediaType: string | null; size: number | null }>;
  /** Sealed evaluations of that month (a replaced scan keeps its history); the newest counts. */
  history: number;
  rectificationOrder: { requirement: string; deadline: string; orderedAt: string; docName: string } | null;
}

/**
 * Whether the project has a sealed, live 标准化月评 dated in `month` (`YYYY-MM`). Inspection dates are Asia/Shanghai
 * calendar days, so the month is a plain range of them; no instant is converted here.
 */
function evaluatedIn(db: Db, month: string): SQL {
  const { first, last } = monthRange(month);
  return exists(
    db
      .select({ one: sql`1` })
      .from(inspections)
      .where(
        and(
          eq(inspections.projectId, projects.id),
          eq(inspections.origin, 'monthly'),
          eq(inspections.status, 'completed'),
          gte(inspections.date, first),
          lte(inspections.date, last),
          isNull(inspections.deletedAt),
        ),
      ),
  );
}

/**
 * 标准化月评统计 of `month` within `scope` (the readable, filtered projects). `pending`: in-construction projects
 * that had started by the month's end and have no evaluation that month (DESIGN workflow 3's default); `done`:
 * projects with one, each with the evaluation that counts, its scans and any 责令整改.
 */
export async function monthlyStatistics(
  db: Db,
  scope: SQL,
  month: string,
  status: MonthlyStatus,
  page: Page,
): Promise<{ total: number; rows: Array<{ project: ProjectRow; evaluation: EvaluationView | null }> }> {
  const { last } = monthRange(month);
  const where =
    status === 'pending'
      ? and(
          scope,
          eq(projects.status, 'in_construction'),
          or(isNull(projects.startDate), lte(projects.startDate, last)),
          not(evaluatedIn(db, month)),
        )
      : and(scope, evaluatedIn(db, month));
  const [totalRow] = await db.select({ n: count() }).from(projects).where(where);
  const rows = await db
    .select()
    .from(projects)
    .where(where)
    .orderBy(asc(projects.filingNumber))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  if (status === 'pending') {
    return { total: totalRow?.n ?? 0, rows: rows.map((project) => ({ project, evaluation: null })) };
  }
  const evaluations = await evaluationViews(
    db,
    rows.map((r) => r.id),
    month,
  );
  return {
    total: totalRow?.n ?? 0,
    rows: rows.map((project) => ({ project, evaluation: evaluations.get(project.id) ?? null })),
  };
}

async function evaluationViews(
  db: Db,
  projectIds: string[],
  month: string,
): Promise<Map<string, EvaluationView>> {
  const latest = await latestMonthlyEvaluations(db, projectIds, month);
  const inspectionIds = [...latest.values()].map((e) => e.id);
  if (inspectionIds.length === 0) return new Map();
  const docNames = inspectionIds.map(inspectionDocName);
  const [files, orders] = await Promise.all([
    db
      .select({
        docName: blobRefs.docName,
        sha256: blobRefs.sha256,
        mediaType: blobs.mediaType,
        size: blobs.size,
      })
      .from(blobRefs)
      .leftJoin(blobs, eq(blobs.sha256, blobRefs.sha256))
      .where(inArray(blobRefs.docName, docNames))
      .orderBy(asc(blobRefs.sha256)),
    db.select().from(rectificationOrders).where(inArray(rectificationOrders.inspectionId, inspectionIds)),
  ]);
  const result = new Map<string, EvaluationView>();
  for (const [projectId, e] of latest) {
    const order = orders.find((o) => o.inspectionId === e.id);
    result.set(projectId, {
      inspectionId: e.id,
      date: e.date,
      selfScore: e.selfScore,
      sealedAt: e.sealedAt?.toISOString() ?? null,
      files: files
        .filter((f) => f.docName === inspectionDocName(e.id))
        .map((f) => ({ sha256: f.sha256, mediaType: f.mediaType, size: f.size })),
      history: e.history,
      rectificationOrder: order
        ? {
            requirement: order.requirement,
            deadline: order.deadline,
            orderedAt: order.orderedAt.toISOString(),
            docName: `rectification:${order.inspectionId}`,
          }
        : null,
    });
  }
  return result;
}
