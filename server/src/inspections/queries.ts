import { and, asc, eq, isNotNull, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  docUpdates,
  documents,
  enterprises,
  inspectionFindings,
  inspectionSheets,
  inspections,
  materializationErrors,
  projects,
} from '../db/schema/index.js';
import { MATERIALIZER_VERSION } from './materialize.js';

export type InspectionRecord = typeof inspections.$inferSelect;
export type SheetRecord = typeof inspectionSheets.$inferSelect;
export type FindingRecord = typeof inspectionFindings.$inferSelect;
export type MaterializationErrorRecord = typeof materializationErrors.$inferSelect;

/** The materialized row of an inspection that is not soft-deleted. */
export async function findInspection(db: Db, id: string): Promise<InspectionRecord | undefined> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), isNull(inspections.deletedAt)))
    .limit(1);
  return row;
}

export async function findMaterializationError(
  db: Db,
  docName: string,
): Promise<MaterializationErrorRecord | undefined> {
  const [row] = await db
    .select()
    .from(materializationErrors)
    .where(eq(materializationErrors.docName, docName))
    .limit(1);
  return row;
}

/** Sheets in the inspection's order and their findings. */
export async function listSheetsAndFindings(
  db: Db,
  inspectionId: string,
): Promise<{ sheets: SheetRecord[]; findings: FindingRecord[] }> {
  const sheets = await db
    .select()
    .from(inspectionSheets)
    .where(eq(inspectionSheets.inspectionId, inspectionId))
    .orderBy(asc(inspectionSheets.position));
  const findings = await db
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, inspectionId))
    .orderBy(asc(inspectionFindings.id));
  return { sheets, findings };
}

/**
 * Inspection documents whose rows are missing or stale at start (catch-up): no row and no recorded error
 * (written by the demo loader, or before the materializer existed), a row of an older materializer, a seal the
 * row does not reflect, or updates not yet compacted (a change may have arrived just before a stop).
 */
export async function inspectionsNeedingMaterialization(db: Db): Promise<string[]> {
  const stale = await db
    .select({ name: documents.name })
    .from(documents)
    .leftJoin(inspections, eq(inspections.docName, documents.name))
    .leftJoin(materializationErrors, eq(materializationErrors.docName, documents.name))
    .where(
      and(
        eq(documents.kind, 'inspection'),
        or(
          and(isNull(inspections.id), isNull(materializationErrors.docName)),
          ne(inspections.materializerVersion, MATERIALIZER_VERSION),
          and(eq(inspections.status, 'draft'), isNotNull(documents.sealedAt)),
        ),
      ),
    );
  const pending = await db
    .selectDistinct({ name: docUpdates.docName })
    .from(docUpdates)
    .innerJoin(documents, eq(documents.name, docUpdates.docName))
    .where(eq(documents.kind, 'inspection'));
  return [...new Set([...stale, ...pending].map((r) => r.name))].sort();
}

/** The scoring policy an enterprise chose for its new inspections. */
export async function findEnterprisePolicy(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({ scoringPolicy: enterprises.scoringPolicy })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId))
    .limit(1);
  return row?.scoringPolicy;
}

export async function setEnterprisePolicy(db: Db, enterpriseId: string, policy: 'provincial' | 'strict') {
  await db.update(enterprises).set({ scoringPolicy: policy }).where(eq(enterprises.id, enterpriseId));
}

export async function findProjectRow(db: Db, projectId: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId)).limit(1);
  return row;
}
