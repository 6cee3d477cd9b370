import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dangerousWorks, documents, projectEquipment, rectifications } from '../db/schema/index.js';
import { inspectionsNeedingMaterialization } from '../inspections/queries.js';

/**
 * The documents to materialize at start: inspections whose rows are missing or stale, and rectification and
 * project documents that have no row yet, e.g. written by the demo loader or by a version before their
 * materializer existed. A project document without works or equipment has no row either; scheduling it again is
 * cheap and writes nothing.
 */
export async function documentsNeedingMaterialization(db: Db): Promise<string[]> {
  const inspectionDocs = await inspectionsNeedingMaterialization(db);
  const rectificationDocs = await db
    .select({ name: documents.name })
    .from(documents)
    .leftJoin(rectifications, eq(rectifications.docName, documents.name))
    .where(and(eq(documents.kind, 'rectification'), isNull(rectifications.inspectionId)));
  const projectDocs = await db
    .selectDistinct({ name: documents.name })
    .from(documents)
    .leftJoin(dangerousWorks, eq(dangerousWorks.projectId, documents.projectId))
    .leftJoin(projectEquipment, eq(projectEquipment.projectId, documents.projectId))
    .where(
      and(eq(documents.kind, 'project'), isNull(dangerousWorks.workId), isNull(projectEquipment.equipmentId)),
    );
  return [...inspectionDocs, ...[...rectificationDocs, ...projectDocs].map((row) => row.name).sort()];
}
