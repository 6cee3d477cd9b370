import { eq } from 'drizzle-orm';
import { parseDocName, type DocumentJSON, type ProjectDocJSON } from '@anguan/model';
import type { Db } from '../db/client.js';
import { dangerousWorkSteps, dangerousWorks, projectEquipment, projects } from '../db/schema/index.js';
import type { Materializer } from '../materializer/materializer.js';

/**
 * The `project`-kind materializer: a `project:<id>` document's 超危大 works (one row per work, one per recorded
 * lifecycle step) and equipment replace that project's rows in one transaction. Idempotent: the same JSON gives
 * the same rows. Other kinds are not its business (the server composes materializers per kind).
 */
export function projectMaterializer(db: Db): Materializer {
  return {
    materialize(docName: string, json: DocumentJSON) {
      if (json.kind !== 'project') return;
      const projectId = parseDocName(docName).id;
      replaceProjectRows(db, projectId, json);
    },
  };
}

export function replaceProjectRows(db: Db, projectId: string, json: ProjectDocJSON): void {
  const works = json.works.map((w) => ({
    projectId,
    workId: w.workId,
    name: w.name,
    category: w.category,
    createdAt: w.createdAt,
    itemId: w.itemId,
    parameters: JSON.stringify(w.parameters),
  }));
  const steps = json.works.flatMap((w) =>
    Object.entries(w.records).map(([step, record]) => ({
      projectId,
      workId: w.workId,
      step: step as (typeof dangerousWorkSteps.$inferInsert)['step'],
      date: record.date,
      note: record.note,
      conclusion: record.conclusion,
      files: JSON.stringify(record.files),
      people: record.people,
    })),
  );
  const equipment = json.equipment.map((e) => ({
    projectId,
    equipmentId: e.equipmentId,
    type: e.type,
    name: e.name,
    registrationNumber: e.registrationNumber,
    lastInspectionDate: e.lastInspectionDate,
    nextInspectionDate: e.nextInspectionDate,
    createdAt: e.createdAt,
    installationDate: e.installationDate,
    operators: JSON.stringify(e.operators),
  }));
  db.transaction((tx) => {
    // A document of a project the registry does not know (never registered) has nowhere to go.
    if (!tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get()) return;
    tx.delete(dangerousWorkSteps).where(eq(dangerousWorkSteps.projectId, projectId)).run();
    tx.delete(dangerousWorks).where(eq(dangerousWorks.projectId, projectId)).run();
    tx.delete(projectEquipment).where(eq(projectEquipment.projectId, projectId)).run();
    if (works.length > 0) tx.insert(dangerousWorks).values(works).run();
    if (steps.length > 0) tx.insert(dangerousWorkSteps).values(steps).run();
    if (equipment.length > 0) tx.insert(projectEquipment).values(equipment).run();
  });
}
