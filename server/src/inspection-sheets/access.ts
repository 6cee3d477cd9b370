import { isUuid } from '@anguan/model';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { documentAccess } from '../documents/access.js';
import { findDocumentWithProject, type DocumentProject, type DocumentRow } from '../documents/queries.js';
import { AppError } from '../http/errors.js';
import { findInspectionRow, type InspectionRow } from './queries.js';

/** A readable, not deleted inspection: its registry row, project and materialized row (if materialized). */
export interface ReadableInspection {
  doc: DocumentRow;
  project: DocumentProject;
  row: InspectionRow | undefined;
}

/** One 404 for unknown, unreadable and deleted inspections, so none of them reveals that the record exists. */
export const inspectionNotFound = () => new AppError(404, 'inspection_not_found', '检查记录不存在');

/** The inspection `id` if the user may read it and it is not soft-deleted; else a 404. */
export async function readableInspection(
  deps: AppDeps,
  user: SessionUser,
  id: string,
): Promise<ReadableInspection> {
  const found = isUuid(id)
    ? findDocumentWithProject(deps.database, `inspection:${id.toLowerCase()}`)
    : undefined;
  if (!found || documentAccess(user, found.doc, found.project) === 'none') throw inspectionNotFound();
  const row = await findInspectionRow(deps.database.db, found.doc.id);
  if (row?.deletedAt) throw inspectionNotFound();
  return { ...found, row };
}
