import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import {
  createInspection,
  inspectionDocName,
  setInspector,
  type InspectionMethod,
  type InspectionOrigin,
} from '@anguan/model';
import type { Role, User } from '$lib/api';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';

/** Which kind of record each role starts (DESIGN "Roles"). */
export const ORIGIN_BY_ROLE: Record<Role, InspectionOrigin> = {
  enterprise: 'enterprise',
  inspector: 'enterprise',
  project: 'self',
  supervisor: 'spot',
};

/**
 * Creates an inspection on this device: a fresh UUID, the document written to IndexedDB, and its registration
 * queued in the outbox — so it works with no network, and syncs once the server has registered it.
 */
export async function createInspectionOnDevice(
  user: User,
  input: { projectId: string; method: InspectionMethod; date: string },
): Promise<string> {
  const id = crypto.randomUUID();
  const name = inspectionDocName(id);
  const origin = ORIGIN_BY_ROLE[user.role];
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  createInspection(doc, { ...input, origin, createdBy: user.id });
  setInspector(doc, { userId: user.id, name: user.displayName });
  // The writes above are queued IndexedDB transactions; the page's own session opens after them and reads them.
  await outboxManager.register({
    name,
    kind: 'inspection',
    projectId: input.projectId,
    method: input.method,
    origin,
  });
  await persistence.destroy();
  doc.destroy();
  return id;
}
