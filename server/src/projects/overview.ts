import { and, asc, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { InspectionMethod, InspectionOrigin } from '@anguan/model';
import type { Db } from '../db/client.js';
import { inspections, projectEquipment, projects } from '../db/schema/index.js';
import { listDangerousWorks, type DangerousWorkView } from './dangerous-works.js';
import {
  addEquipmentAlerts,
  certificateExpired,
  inspectionOverdue,
  type EquipmentAlerts,
} from './equipment-alerts.js';
import type { ProjectRow } from './views.js';

export interface TimelineFilter {
  origin?: InspectionOrigin;
  method?: InspectionMethod;
  from?: string;
  to?: string;
}

export interface TimelineEntry {
  id: string;
  origin: InspectionOrigin;
  method: InspectionMethod;
  date: string;
  status: 'draft' | 'completed';
  total: string | null;
  grade: string | null;
  selfScore: string | null;
  rectificationRequired: boolean;
  rectificationDeadline: string | null;
  sealedAt: string | null;
}

/** Days a completed project may go without 终止监督 before its evaluation fails (DESIGN workflow 4). */
export const TERMINATION_GRACE_DAYS = 30;

export interface EquipmentView {
  equipmentId: string;
  type: string;
  name: string;
  registrationNumber: string;
  installationDate: string | null;
  lastInspectionDate: string | null;
  nextInspectionDate: string | null;
  /** The next inspection date is before today. */
  inspectionOverdue: boolean;
  /** 特种作业人员; `expired`: the certificate's valid-until is before today. */
  operators: Array<{ name: string; certificateNumber: string; validUntil: string | null; expired: boolean }>;
}

export interface ProjectOverviewParts {
  timeline: TimelineEntry[];
  dangerousWorks: DangerousWorkView[];
  equipment: EquipmentView[];
  /** Figures of the equipment on `today`: certificates past their valid-until, inspections past their due date. */
  equipmentAlerts: EquipmentAlerts;
  monthlyEvaluations: Array<{
    month: string;
    inspectionId: string;
    date: string;
    selfScore: string | null;
    sealedAt: string | null;
  }>;
  termination: {
    /** A termination table comes with the oversight issue; until then the project status is all there is. */
    status: 'none' | 'terminated';
    completionFilingDate: string | null;
    daysSinceCompletion: number | null;
    /** Completed more than {@link TERMINATION_GRACE_DAYS} days ago and not terminated. */
    overdue: boolean;
  };
}

export async function projectOverview(
  db: Db,
  project: ProjectRow,
  filter: TimelineFilter,
  today: string,
): Promise<ProjectOverviewParts> {
  const rows = await db
    .select()
    .from(inspections)
    .where(
      and(
        eq(inspections.projectId, project.id),
        isNull(inspections.deletedAt),
        filter.origin ? eq(inspections.origin, filter.origin) : undefined,
        filter.method ? eq(inspections.method, filter.method) : undefined,
        filter.from ? gte(inspections.date, filter.from) : undefined,
        filter.to ? lte(inspections.date, filter.to) : undefined,
      ),
    )
    .orderBy(desc(inspections.date), desc(inspections.createdAt));
  const timeline = rows.map((r) => ({
    id: r.id,
    origin: r.origin,
    method: r.method,
    date: r.date,
    status: r.status,
    total: r.total,
    grade: r.grade,
    selfScore: r.selfScore,
    rectificationRequired: r.rectificationRequired,
    rectificationDeadline: r.rectificationDeadline,
    sealedAt: r.sealedAt?.toISOString() ?? null,
  }));
  const [works, equipment, monthly] = await Promise.all([
    listDangerousWorks(db, eq(projects.id, project.id), {}, today),
    db
      .select()
      .from(projectEquipment)
      .where(eq(projectEquipment.projectId, project.id))
      // Two machines registered in the same millisecond (an offline batch) keep a stable order by name.
      .orderBy(
        asc(projectEquipment.createdAt),
        asc(projectEquipment.name),
        asc(projectEquipment.equipmentId),
      ),
    monthlyHistory(db, project.id),
  ]);
  const equipmentViews = equipment.map((row) => equipmentView(row, today));
  return {
    timeline,
    dangerousWorks: works,
    equipment: equipmentViews,
    equipmentAlerts: equipment.reduce((alerts, row) => addEquipmentAlerts(alerts, row, today), {
      expiredCertificates: 0,
      overdueInspections: 0,
    }),
    monthlyEvaluations: monthly,
    termination: terminationState(project, today),
  };
}

function equipmentView(row: typeof projectEquipment.$inferSelect, today: string): EquipmentView {
  const { projectId: _p, createdAt: _c, operators, ...e } = row;
  const stored = JSON.parse(operators) as Array<Omit<EquipmentView['operators'][number], 'expired'>>;
  return {
    ...e,
    inspectionOverdue: inspectionOverdue(e.nextInspectionDate, today),
    operators: stored.map((o) => ({ ...o, expired: certificateExpired(o.validUntil, today) })),
  };
}

/** The evaluation that counts per month (newest sealed), newest month first. */
async function monthlyHistory(db: Db, projectId: string) {
  const rows = await db
    .select()
    .from(inspections)
    .where(
      and(
        eq(inspections.projectId, projectId),
        eq(inspections.origin, 'monthly'),
        eq(inspections.status, 'completed'),
        isNull(inspections.deletedAt),
      ),
    )
    .orderBy(desc(inspections.date), desc(inspections.sealedAt));
  const byMonth = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const month = row.date.slice(0, 7);
    const seen = byMonth.get(month);
    if (!seen || (row.sealedAt?.getTime() ?? 0) > (seen.sealedAt?.getTime() ?? 0)) byMonth.set(month, row);
  }
  return [...byMonth.entries()].map(([month, r]) => ({
    month,
    inspectionId: r.id,
    date: r.date,
    selfScore: r.selfScore,
    sealedAt: r.sealedAt?.toISOString() ?? null,
  }));
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function terminationState(project: ProjectRow, today: string): ProjectOverviewParts['termination'] {
  const terminated = project.status === 'terminated';
  const days = project.completionFilingDate ? daysBetween(project.completionFilingDate, today) : null;
  return {
    status: terminated ? 'terminated' : 'none',
    completionFilingDate: project.completionFilingDate,
    daysSinceCompletion: days,
    overdue: !terminated && days !== null && days > TERMINATION_GRACE_DAYS,
  };
}
