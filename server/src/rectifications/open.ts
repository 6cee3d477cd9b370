import * as Y from 'yjs';
import { createRectification, rectificationDocName } from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import { findDocument, insertDocument, type DocumentRow } from '../documents/queries.js';
import { sealedRequest, writeRectificationRow } from './rows.js';

/**
 * What sealing an inspection does for rectification (issue 9): when the sealed inspection requires rectification,
 * opens its rectification — registers `rectification:<inspection uuid>` (project and origin from the inspection,
 * so the project department may reply and the inspecting side review), fills the new document's metadata, and
 * writes its row (待整改, with requirement, deadline and rectifier from the sealed inspection). Idempotent: a
 * rectification a client registered first keeps its row and content. Returns the rectification's document name,
 * or null when no rectification is required.
 */
export async function openRectificationForSealedInspection(
  deps: Pick<ServerDeps, 'database' | 'sync' | 'now'>,
  sealedBy: { id: string },
  inspection: DocumentRow,
): Promise<string | null> {
  const { db } = deps.database;
  if (!sealedRequest(deps.sync, inspection)) return null;
  const name = rectificationDocName(inspection.id);
  const now = deps.now();
  if (!findDocument(db, name)) {
    insertDocument(db, {
      name,
      kind: 'rectification',
      id: inspection.id,
      projectId: inspection.projectId,
      method: null,
      origin: inspection.origin,
      creatorUserId: sealedBy.id,
      createdAt: now,
    });
  }
  deps.sync.seedNewDoc(name, initialState(inspection, sealedBy.id, now));
  await writeRectificationRow({ db, sync: deps.sync, now: deps.now }, inspection.id);
  return name;
}

function initialState(inspection: DocumentRow, createdBy: string, now: Date): Uint8Array {
  const doc = new Y.Doc();
  try {
    createRectification(
      doc,
      { inspectionId: inspection.id, projectId: inspection.projectId, createdBy },
      { now: () => now },
    );
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
