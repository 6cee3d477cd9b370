import { inspections } from '../../src/db/schema/index.js';
import type { AlertWorld } from '../alert-fixtures.js';

export interface InspectionRow {
  /** Generated when omitted. */
  id?: string;
  projectId: string;
  /** The enterprise's own inspection, or a 标准化月评. */
  origin: 'enterprise' | 'monthly';
  /** `YYYY-MM-DD`, the day inspected. */
  date: string;
}

/**
 * A completed, materialized JGJ59 inspection row, written straight to the table as the materializer would: the
 * alert rules read only the row, so the alert tests need no document.
 */
export async function addInspection(w: AlertWorld, row: InspectionRow): Promise<string> {
  const id = row.id ?? crypto.randomUUID();
  await w.deps.database.db.insert(inspections).values({
    id,
    docName: `inspection:${id}`,
    projectId: row.projectId,
    origin: row.origin,
    method: 'jgj59',
    date: row.date,
    status: 'completed',
    inspectors: '[]',
    rectificationRequired: false,
    findingCount: 0,
    createdByUserId: w.ids.director,
    createdAt: w.clock.now,
    materializedAt: w.clock.now,
  } as typeof inspections.$inferInsert);
  return id;
}
