import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { documents, projects } from '../db/schema/index.js';

export type DocumentRow = typeof documents.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;

export function findDocument(db: Db, name: string): DocumentRow | undefined {
  return db.select().from(documents).where(eq(documents.name, name)).get();
}

/** A document with its project (every document belongs to one). */
export function findDocumentWithProject(
  db: Db,
  name: string,
): { doc: DocumentRow; project: ProjectRow } | undefined {
  const row = db
    .select({ doc: documents, project: projects })
    .from(documents)
    .innerJoin(projects, eq(documents.projectId, projects.id))
    .where(eq(documents.name, name))
    .get();
  return row ?? undefined;
}

export function findProject(db: Db, projectId: string): ProjectRow | undefined {
  return db.select().from(projects).where(eq(projects.id, projectId)).get();
}

export function listProjectDocuments(db: Db, projectId: string, kind?: DocumentRow['kind']): DocumentRow[] {
  const where = kind
    ? and(eq(documents.projectId, projectId), eq(documents.kind, kind))
    : eq(documents.projectId, projectId);
  return db
    .select()
    .from(documents)
    .where(where)
    .orderBy(asc(documents.createdAt), asc(documents.name))
    .all();
}

export function insertDocument(db: Db, row: typeof documents.$inferInsert): void {
  db.insert(documents).values(row).run();
}

export function setSealed(
  db: Db,
  name: string,
  seal: { sealedAt: Date; sealedHash: string; sealedByUserId: string },
): void {
  db.update(documents).set(seal).where(eq(documents.name, name)).run();
}
