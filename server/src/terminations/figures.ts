import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { shanghaiDate } from '@anguan/standards';
import type { Db } from '../db/client.js';
import { inspections, projectEvaluations, rectifications } from '../db/schema/index.js';
import { loadProjectFacts } from '../alerts/facts.js';
import { requiredInYear } from '../alerts/rules/r3-inspection-pace.js';
import { isOverdue } from '../rectifications/state.js';
import type { ProjectRow } from '../projects/queries.js';

/** What feeds the 安标考评 grade of a project, for the supervisor's review page. */
export interface GradeFigures {
  /** Per calendar year under construction: sealed enterprise inspections against the (pro-rated) requirement. */
  enterpriseInspections: Array<{ year: number; done: number; required: number }>;
  /** 标准化月评: months under construction, the ones with a sealed evaluation, the ones without. */
  monthlyEvaluations: { expected: number; done: number; missing: string[] };
  /** 安监抽查 results, newest first. */
  spotChecks: Array<{
    inspectionId: string;
    date: string;
    method: string;
    total: string | null;
    grade: string | null;
  }>;
  rectifications: {
    total: number;
    open: number;
    overdue: Array<{ inspectionId: string; deadline: string; state: string; origin: string }>;
  };
  /** Automatic 不合格 decisions (R1/R3), revoked ones included with when. */
  automaticFailures: Array<{
    id: string;
    source: string | null;
    reason: string;
    decidedAt: string;
    revokedAt: string | null;
  }>;
}

const MAX_MONTHS = 120;

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  while (months.length < MAX_MONTHS) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    months.push(month);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return months;
}

export async function gradeFigures(db: Db, project: ProjectRow, now: Date): Promise<GradeFigures> {
  const today = shanghaiDate(now);
  const last = project.completionFilingDate ?? today;
  const first = project.startDate ?? (project.registeredAt ? shanghaiDate(project.registeredAt) : last);
  const live = and(
    eq(inspections.projectId, project.id),
    eq(inspections.status, 'completed'),
    isNull(inspections.deletedAt),
  );
  const sealed = await db
    .select({
      id: inspections.id,
      origin: inspections.origin,
      method: inspections.method,
      date: inspections.date,
      total: inspections.total,
      grade: inspections.grade,
    })
    .from(inspections)
    .where(and(live, inArray(inspections.origin, ['enterprise', 'monthly', 'spot'])))
    .orderBy(desc(inspections.date));
  const facts = await loadProjectFacts(db, project.id, today);
  const enterprise = sealed.filter((r) => r.origin === 'enterprise');
  const years: GradeFigures['enterpriseInspections'] = [];
  for (let year = Number(first.slice(0, 4)); facts && year <= Number(last.slice(0, 4)); year++) {
    years.push({
      year,
      done: enterprise.filter((r) => r.date.startsWith(`${year}-`)).length,
      required: requiredInYear(facts, year),
    });
  }
  const months = first <= last ? monthsBetween(first, last) : [];
  const evaluated = new Set(sealed.filter((r) => r.origin === 'monthly').map((r) => r.date.slice(0, 7)));
  const rects = await db
    .select()
    .from(rectifications)
    .where(eq(rectifications.projectId, project.id))
    .orderBy(asc(rectifications.deadline));
  const automatic = await db
    .select()
    .from(projectEvaluations)
    .where(and(eq(projectEvaluations.projectId, project.id), eq(projectEvaluations.automatic, true)))
    .orderBy(asc(projectEvaluations.decidedAt));
  return {
    enterpriseInspections: years,
    monthlyEvaluations: {
      expected: months.length,
      done: months.filter((m) => evaluated.has(m)).length,
      missing: months.filter((m) => !evaluated.has(m)),
    },
    spotChecks: sealed
      .filter((r) => r.origin === 'spot')
      .map((r) => ({ inspectionId: r.id, date: r.date, method: r.method, total: r.total, grade: r.grade })),
    rectifications: {
      total: rects.length,
      open: rects.filter((r) => r.state !== 'passed').length,
      overdue: rects
        .filter((r) => isOverdue(r.state, r.deadline, now))
        .map((r) => ({
          inspectionId: r.inspectionId,
          deadline: r.deadline,
          state: r.state,
          origin: r.origin,
        })),
    },
    automaticFailures: automatic.map((r) => ({
      id: r.id,
      source: r.source,
      reason: r.reason,
      decidedAt: r.decidedAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
    })),
  };
}
