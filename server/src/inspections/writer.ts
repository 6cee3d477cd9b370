import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  inspectionFindings,
  inspectionSheets,
  inspections,
  materializationErrors,
} from '../db/schema/index.js';
import type { InspectionRows, MaterializeIssue } from './materialize.js';

/**
 * The only writer of the materialized inspection rows. One transaction replaces everything derived from the
 * document, so readers never see a half-written inspection, and writing the same rows again changes nothing
 * (idempotent). Soft deletion (`deletedAt`, `deletedByUserId`) is not derived from the document and survives.
 */
export async function replaceInspectionRows(db: Db, rows: InspectionRows): Promise<void> {
  const { inspection, sheets, findings } = rows;
  const { id, ...updatable } = inspection;
  db.transaction((tx) => {
    tx.insert(inspections)
      .values(inspection)
      .onConflictDoUpdate({ target: inspections.id, set: updatable })
      .run();
    tx.delete(inspectionSheets).where(eq(inspectionSheets.inspectionId, id)).run();
    tx.delete(inspectionFindings).where(eq(inspectionFindings.inspectionId, id)).run();
    if (sheets.length > 0) {
      tx.insert(inspectionSheets)
        .values([...sheets])
        .run();
    }
    if (findings.length > 0) {
      tx.insert(inspectionFindings)
        .values([...findings])
        .run();
    }
    tx.delete(materializationErrors).where(eq(materializationErrors.docName, inspection.docName)).run();
  });
}

/**
 * Records why a document could not be materialized (shown to its editors); its previous rows stay as they were,
 * so lists and statistics keep the last valid state.
 */
export async function recordMaterializationError(
  db: Db,
  docName: string,
  error: { message: string; issues: readonly MaterializeIssue[] },
  at: Date,
): Promise<void> {
  const row = { docName, message: error.message, issues: JSON.stringify(error.issues), at };
  await db
    .insert(materializationErrors)
    .values(row)
    .onConflictDoUpdate({ target: materializationErrors.docName, set: row });
}
