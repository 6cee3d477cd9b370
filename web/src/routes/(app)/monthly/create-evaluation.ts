/**
 * Creates a 标准化月评 on this device: an inspection document (origin `monthly`, method `internal`) holding the
 * scanned form's files and the optional self-score, marked completed, registered through the outbox. Works with
 * no network; the outbox registers it and uploads the scans when the network returns.
 *
 * @module
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import {
  addFile,
  createInspection,
  inspectionDocName,
  setInspector,
  setSelfScore,
  setStatus,
} from '@anguan/model';
import type { User } from '$lib/api';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';

export interface NewEvaluation {
  projectId: string;
  date: string;
  selfScore: number | null;
  files: readonly File[];
}

/** Returns the new inspection's id. */
export async function createEvaluationOnDevice(user: User, input: NewEvaluation): Promise<string> {
  const id = crypto.randomUUID();
  const name = inspectionDocName(id);
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  try {
    await persistence.whenSynced;
    createInspection(doc, {
      projectId: input.projectId,
      origin: 'monthly',
      method: 'internal',
      date: input.date,
      createdBy: user.id,
    });
    // The department account fills the form in; it is the 月评's inspector (sealing needs one).
    setInspector(doc, { userId: user.id, name: user.displayName });
    // Registered before the scans are queued: the server accepts a blob only for a document it knows.
    await outboxManager.register({
      name,
      kind: 'inspection',
      projectId: input.projectId,
      method: 'internal',
      origin: 'monthly',
    });
    for (const file of input.files) {
      const kept = await outboxManager.addFile(file, name);
      addFile(doc, {
        sha256: kept.hash,
        name: file.name,
        mediaType: kept.type,
        size: kept.size,
        addedBy: user.id,
      });
    }
    setSelfScore(doc, input.selfScore);
    setStatus(doc, 'completed');
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
  return id;
}
