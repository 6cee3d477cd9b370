import * as Y from 'yjs';
import { createInspection, type NewInspection } from '../src/inspection/write.js';
import { initProjectDoc } from '../src/project/write.js';
import { createRectification } from '../src/rectification/write.js';
import type { RandomSource } from './random.js';

export const newInspectionInput = (overrides: Partial<NewInspection> = {}): NewInspection => ({
  projectId: 'p-320102-0001',
  origin: 'enterprise',
  method: 'jgj59',
  date: '2026-03-15',
  createdBy: 'u-director',
  catalogVersion: 'JGJ59-2011',
  ...overrides,
});

/** A Y.Doc holding a freshly created inspection (client id fixed when given, for reproducible runs). */
export function inspectionDoc(overrides: Partial<NewInspection> = {}, clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  createInspection(doc, newInspectionInput(overrides), { now: () => new Date('2026-03-15T01:00:00Z') });
  return doc;
}

/** The inspection a {@link rectificationDoc} belongs to. */
export const RECTIFIED_INSPECTION_ID = '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';

/** A Y.Doc holding a freshly created rectification of {@link RECTIFIED_INSPECTION_ID}. */
export function rectificationDoc(clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  createRectification(
    doc,
    { inspectionId: RECTIFIED_INSPECTION_ID, projectId: 'p-320102-0001', createdBy: 'u-director' },
    { now: () => new Date('2026-03-15T01:00:00Z') },
  );
  return doc;
}

/** A Y.Doc on which one device has initialised the project document of `p-320102-0001`. */
export function projectDoc(clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  initProjectDoc(doc, 'p-320102-0001');
  return doc;
}

/** `current` with one random character inserted or (sometimes) removed, as a person typing would leave it. */
export function editText(current: string, r: RandomSource): string {
  const position = r.int(current.length + 1);
  if (current.length > 0 && r.chance(0.3)) return current.slice(0, position) + current.slice(position + 1);
  return current.slice(0, position) + r.pick(['整', '改', 'a', '1', '，']) + current.slice(position);
}

/** A fixed clock for writers. */
export const at = (iso: string) => () => new Date(iso);
