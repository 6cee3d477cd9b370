import type { DocumentJSON } from '@anguan/model';
import type { Db } from '../db/client.js';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { findDocument, type DocumentRow } from '../documents/queries.js';
import type { Materializer } from '../materializer/materializer.js';
import { InvalidInspectionError, materializeInspectionRows, type RegistryFacts } from './materialize.js';
import {
  findMaterializationError,
  type InspectionRecord,
  type MaterializationErrorRecord,
} from './queries.js';
import { recordMaterializationError, replaceInspectionRows } from './writer.js';

/** The registry's facts about an inspection document, for {@link materializeInspectionRows}. */
export function registryFacts(doc: DocumentRow): RegistryFacts {
  if (doc.kind !== 'inspection' || !doc.origin || !doc.method) {
    throw new Error(`${doc.name} is not an inspection document`);
  }
  return {
    docName: doc.name,
    id: doc.id,
    projectId: doc.projectId,
    origin: doc.origin,
    method: doc.method,
    creatorUserId: doc.creatorUserId,
    createdAt: doc.createdAt,
    sealedAt: doc.sealedAt,
    sealedHash: doc.sealedHash,
  };
}

/**
 * The materializer of inspection documents: scores the JSON and replaces the rows, or records why it cannot (an
 * invalid document is its editors' to fix: recorded once, not retried). Database failures throw, so the
 * scheduler retries them.
 */
export function inspectionMaterializer(deps: { db: Db; now: () => Date }): Materializer {
  return {
    async materialize(docName: string, json: DocumentJSON) {
      if (json.kind !== 'inspection') return;
      const registered = findDocument(deps.db, docName);
      if (!registered || registered.kind !== 'inspection') return;
      let rows;
      try {
        rows = materializeInspectionRows(json, registryFacts(registered), deps.now());
      } catch (error) {
        if (!(error instanceof InvalidInspectionError)) throw error;
        await recordMaterializationError(deps.db, docName, error, deps.now());
        return;
      }
      await replaceInspectionRows(deps.db, rows);
    },
  };
}

/** `GET /api/inspections/<uuid>`'s `inspection` (DESIGN "Interfaces that stay stable"). */
export interface InspectionView {
  id: string;
  projectId: string;
  origin: InspectionRecord['origin'];
  method: InspectionRecord['method'];
  status: InspectionRecord['status'];
  sealedAt: string | null;
  policy: InspectionRecord['policy'];
  catalogVersion: string | null;
  total: string | null;
  grade: string | null;
}

export interface MaterializationErrorView {
  message: string;
  issues: unknown[];
  at: string;
}

import { readableInspection, type ReadableInspection } from '../inspection-sheets/access.js';

export { readableInspection, type ReadableInspection };

/** The stable view from the materialized row; before the first materialization, from the registry alone. */
export function toInspectionView({ doc, row }: Pick<ReadableInspection, 'doc' | 'row'>): InspectionView {
  return {
    id: doc.id,
    projectId: doc.projectId,
    origin: doc.origin!,
    method: doc.method!,
    status: row?.status ?? (doc.sealedAt ? 'completed' : 'draft'),
    sealedAt: (row?.sealedAt ?? doc.sealedAt)?.toISOString() ?? null,
    policy: row?.policy ?? null,
    catalogVersion: row?.catalogVersion ?? null,
    total: row?.total ?? null,
    grade: row?.grade ?? null,
  };
}

export function toErrorView(error: MaterializationErrorRecord | undefined): MaterializationErrorView | null {
  if (!error) return null;
  return {
    message: error.message,
    issues: JSON.parse(error.issues) as unknown[],
    at: error.at.toISOString(),
  };
}

/** `GET /api/inspections/<uuid>`: the inspection and, for its editors' sake, its last materialization error. */
export async function getInspection(deps: AppDeps, user: SessionUser, id: string) {
  const readable = await readableInspection(deps, user, id);
  const error = await findMaterializationError(deps.database.db, readable.doc.name);
  return { inspection: toInspectionView(readable), materializationError: toErrorView(error) };
}
