import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projectEquipment } from '../db/schema/index.js';

/** Figures of a project's equipment on a day: certificates past their valid-until, inspections past their due date. */
export interface EquipmentAlerts {
  expiredCertificates: number;
  overdueInspections: number;
}

/** What the alerts are computed from: one equipment row as the project materializer stores it. */
type AlertSource = Pick<typeof projectEquipment.$inferSelect, 'nextInspectionDate' | 'operators'>;

/** A 特种作业 certificate is expired the day after its valid-until (valid through that day). */
export const certificateExpired = (validUntil: string | null, today: string): boolean =>
  validUntil !== null && validUntil < today;

/** An inspection is overdue the day after its due date. */
export const inspectionOverdue = (nextInspectionDate: string | null, today: string): boolean =>
  nextInspectionDate !== null && nextInspectionDate < today;

/** Adds one equipment row's alerts to `into` (operators are stored as JSON text by the materializer). */
export function addEquipmentAlerts(into: EquipmentAlerts, row: AlertSource, today: string): EquipmentAlerts {
  const operators = JSON.parse(row.operators) as Array<{ validUntil: string | null }>;
  into.expiredCertificates += operators.filter((o) => certificateExpired(o.validUntil, today)).length;
  if (inspectionOverdue(row.nextInspectionDate, today)) into.overdueInspections++;
  return into;
}

/**
 * The equipment alerts of a page of projects in one query over the `(project_id, equipment_id)` primary key.
 * Certificates live in a JSON column, so they are counted here rather than in SQL (portable to PostgreSQL).
 */
export async function equipmentAlertsByProject(
  db: Db,
  ids: readonly string[],
  today: string,
): Promise<Map<string, EquipmentAlerts>> {
  const result = new Map<string, EquipmentAlerts>();
  if (ids.length === 0) return result;
  const rows = await db
    .select({
      projectId: projectEquipment.projectId,
      nextInspectionDate: projectEquipment.nextInspectionDate,
      operators: projectEquipment.operators,
    })
    .from(projectEquipment)
    .where(inArray(projectEquipment.projectId, [...ids]));
  for (const row of rows) {
    const alerts = result.get(row.projectId) ?? { expiredCertificates: 0, overdueInspections: 0 };
    result.set(row.projectId, addEquipmentAlerts(alerts, row, today));
  }
  return result;
}
