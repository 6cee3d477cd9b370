import { and, asc, eq, isNull } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Database_, Db } from '../db/client.js';
import { documents, inspections, projects } from '../db/schema/index.js';

export type DocumentRow = typeof documents.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
/** The project columns the document lookup reads (what access decisions and sealing need). */
export type DocumentProject = Pick<
  ProjectRow,
  | 'id'
  | 'filingNumber'
  | 'name'
  | 'address'
  | 'regionCode'
  | 'constructorCreditCode'
  | 'constructorName'
  | 'enterpriseId'
  | 'status'
  | 'startDate'
  | 'expectedCompletionDate'
>;

export function findDocument(db: Db, name: string): DocumentRow | undefined {
  return db.select().from(documents).where(eq(documents.name, name)).get();
}

interface DocumentProjectRow {
  name: string;
  kind: DocumentRow['kind'];
  id: string;
  project_id: string;
  method: DocumentRow['method'];
  origin: DocumentRow['origin'];
  creator_user_id: string;
  created_at: number;
  sealed_at: number | null;
  sealed_hash: string | null;
  sealed_by_user_id: string | null;
  p_filing_number: string;
  p_name: string;
  p_address: string | null;
  p_region_code: string | null;
  p_constructor_credit_code: string;
  p_constructor_name: string;
  p_enterprise_id: string | null;
  p_status: ProjectRow['status'];
  p_start_date: string | null;
  p_expected_completion_date: string | null;
}

/**
 * Every `/sync` upgrade and blob read runs this lookup, so it is a plain prepared statement (prepared once per
 * database): the query builder's per-call building and row mapping cost ten times the query itself.
 */
const DOCUMENT_WITH_PROJECT_SQL = `
  SELECT d.name, d.kind, d.id, d.project_id, d.method, d.origin, d.creator_user_id, d.created_at, d.sealed_at,
         d.sealed_hash, d.sealed_by_user_id, p.filing_number AS p_filing_number, p.name AS p_name,
         p.address AS p_address, p.region_code AS p_region_code,
         p.constructor_credit_code AS p_constructor_credit_code, p.constructor_name AS p_constructor_name,
         p.enterprise_id AS p_enterprise_id, p.status AS p_status, p.start_date AS p_start_date,
         p.expected_completion_date AS p_expected_completion_date
    FROM documents d JOIN projects p ON p.id = d.project_id
   WHERE d.name = ?`;

const preparedDocumentWithProject = new WeakMap<
  Database.Database,
  Database.Statement<[string], DocumentProjectRow>
>();

/** A document with its project (every document belongs to one). */
export function findDocumentWithProject(
  { sqlite }: Database_,
  name: string,
): { doc: DocumentRow; project: DocumentProject } | undefined {
  let statement = preparedDocumentWithProject.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<[string], DocumentProjectRow>(DOCUMENT_WITH_PROJECT_SQL);
    preparedDocumentWithProject.set(sqlite, statement);
  }
  const row = statement.get(name);
  return row ? toDocumentWithProject(row) : undefined;
}

function toDocumentWithProject(row: DocumentProjectRow): { doc: DocumentRow; project: DocumentProject } {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    doc: {
      name: row.name,
      kind: row.kind,
      id: row.id,
      projectId: row.project_id,
      method: row.method,
      origin: row.origin,
      creatorUserId: row.creator_user_id,
      createdAt: new Date(row.created_at),
      sealedAt: date(row.sealed_at),
      sealedHash: row.sealed_hash,
      sealedByUserId: row.sealed_by_user_id,
    },
    project: {
      id: row.project_id,
      filingNumber: row.p_filing_number,
      name: row.p_name,
      address: row.p_address,
      regionCode: row.p_region_code,
      constructorCreditCode: row.p_constructor_credit_code,
      constructorName: row.p_constructor_name,
      enterpriseId: row.p_enterprise_id,
      status: row.p_status,
      startDate: row.p_start_date,
      expectedCompletionDate: row.p_expected_completion_date,
    },
  };
}

export function findProject(db: Db, projectId: string): ProjectRow | undefined {
  return db.select().from(projects).where(eq(projects.id, projectId)).get();
}

/** A project's documents, leaving out soft-deleted inspections and their rectifications (rectify, issue 9). */
export function listProjectDocuments(db: Db, projectId: string, kind?: DocumentRow['kind']): DocumentRow[] {
  const where = kind
    ? and(eq(documents.projectId, projectId), eq(documents.kind, kind))
    : eq(documents.projectId, projectId);
  return db
    .select({ document: documents })
    .from(documents)
    .leftJoin(inspections, eq(inspections.id, documents.id)) // an inspection and its rectification share the id
    .where(and(where, isNull(inspections.deletedAt)))
    .orderBy(asc(documents.createdAt), asc(documents.name))
    .all()
    .map((row) => row.document);
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
