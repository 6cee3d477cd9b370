import {
  inspectionDocName,
  inspectionToJSON,
  rectificationDocName,
  rectificationToJSON,
  type RectificationRequest,
} from '@anguan/model';
import type { Db } from '../db/client.js';
import type { SyncService } from '../sync/sync-service.js';
import { findDocument, type DocumentRow } from '../documents/queries.js';
import { findRectificationRow, upsertRectification } from './queries.js';
import { calendarDaysBetween, progressOf, type RectificationState } from './state.js';

/** What writing a rectification row needs. */
export interface RowDeps {
  readonly db: Db;
  readonly sync: Pick<SyncService, 'withDoc'>;
  readonly now: () => Date;
}

/**
 * The rectification request of a sealed inspection that requires rectification, or null (not sealed, not
 * required, or incomplete — sealing refuses an incomplete request, so that only happens to a broken document).
 * A sealed document never changes, so reading it again always gives the same request.
 */
export function sealedRequest(
  sync: Pick<SyncService, 'withDoc'>,
  inspection: DocumentRow,
): (RectificationRequest & { deadline: string }) | null {
  if (inspection.kind !== 'inspection' || inspection.sealedAt === null) return null;
  const request = sync.withDoc(inspection.name, (doc) => inspectionToJSON(doc).rectification);
  if (!request.required || request.deadline === null) return null;
  return { ...request, deadline: request.deadline };
}

/**
 * Writes the row of the rectification of inspection `inspectionId` from the sealed inspection's request and the
 * rectification document's current state. Idempotent; does nothing unless the inspection is sealed and requires
 * rectification. The only writer of `rectifications` rows (the materializer and the seal path both call it).
 */
export async function writeRectificationRow(deps: RowDeps, inspectionId: string): Promise<boolean> {
  const inspection = findDocument(deps.db, inspectionDocName(inspectionId));
  const request = inspection ? sealedRequest(deps.sync, inspection) : null;
  if (!inspection || !request || !inspection.sealedAt || !inspection.origin) return false;
  const docName = rectificationDocName(inspectionId);
  const progress = progressOf(deps.sync.withDoc(docName, (doc) => rectificationToJSON(doc)));
  const openedAt = inspection.sealedAt;
  const closedAt = await closingInstant(deps, inspectionId, progress.state);
  await upsertRectification(deps.db, {
    inspectionId,
    docName,
    projectId: inspection.projectId,
    origin: inspection.origin,
    state: progress.state,
    deadline: request.deadline,
    requirement: request.requirement,
    rectifierName: request.rectifier?.name ?? '',
    rectifierUserId: request.rectifier?.userId ?? null,
    rounds: progress.rounds,
    openedAt,
    closedAt,
    daysToClose: closedAt ? Math.max(0, calendarDaysBetween(openedAt, closedAt)) : null,
    lastReplyAt: progress.lastReplyAt,
    lastReviewAt: progress.lastReviewAt,
    materializedAt: deps.now(),
  });
  return true;
}

/**
 * When the rectification closed: the server's clock when it first materialized the passed state, kept while it
 * stays passed. Statistics read it (days to close), so it is never the reviewer's device clock (DESIGN: figures
 * statistics use are the server's).
 */
async function closingInstant(
  deps: RowDeps,
  inspectionId: string,
  state: RectificationState,
): Promise<Date | null> {
  if (state !== 'passed') return null;
  const existing = await findRectificationRow(deps.db, inspectionId);
  return existing?.state === 'passed' && existing.closedAt ? existing.closedAt : deps.now();
}
