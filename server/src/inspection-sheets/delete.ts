import { inspectionToJSON } from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../auth/audit.js';
import { mayDeleteInspection } from '../documents/access.js';
import { AppError, conflict, forbidden } from '../http/errors.js';
import { readableInspection } from './access.js';
import { softDeleteFile, softDeleteInspection } from './queries.js';

/**
 * Soft deletion of internal-standard inspection records and their files (issue 9): kept on the server, hidden
 * from every list, sheet and statistic, and recorded in the audit log with who, when and from where.
 */

async function deletable(deps: ServerDeps, user: SessionUser, id: string) {
  const found = await readableInspection(deps, user, id);
  if (!mayDeleteInspection(user, found.doc, found.project)) throw forbidden('没有权限删除该检查记录');
  return found;
}

/** Soft-deletes a whole internal-standard inspection record. */
export async function deleteInspection(
  deps: ServerDeps,
  user: SessionUser,
  id: string,
  ip: string,
): Promise<void> {
  const { doc, row } = await deletable(deps, user, id);
  if (!row) throw conflict('not_materialized', '检查记录仍在处理中，请稍后再删除');
  const at = deps.now();
  await softDeleteInspection(deps.database.db, doc.id, user.id, at);
  audit(deps.database.db, {
    event: 'inspection.deleted',
    at,
    ip,
    actorUserId: user.id,
    detail: { inspectionId: doc.id, projectId: doc.projectId, origin: doc.origin, method: doc.method },
  });
}

/**
 * Soft-deletes one file of a sealed internal-standard inspection. A draft's files are removed in the document
 * (`removeFile`, the model's `deletedAt`); a sealed document accepts no update, so the deletion is kept beside it.
 */
export async function deleteInspectionFile(
  deps: ServerDeps,
  user: SessionUser,
  id: string,
  sha256: string,
  ip: string,
): Promise<void> {
  const { doc } = await deletable(deps, user, id);
  if (!doc.sealedAt) throw conflict('not_sealed', '检查尚未保存，请在检查页面直接移除文件');
  const files = deps.sync.withDoc(doc.name, (ydoc) => inspectionToJSON(ydoc).files);
  const file = files.find((f) => f.sha256 === sha256.toLowerCase() && f.deletedAt === null);
  if (!file) throw new AppError(404, 'file_not_found', '文件不存在');
  const at = deps.now();
  const deleted = await softDeleteFile(deps.database.db, {
    inspectionId: doc.id,
    sha256: file.sha256,
    deletedAt: at,
    deletedByUserId: user.id,
  });
  if (!deleted) throw new AppError(404, 'file_not_found', '文件不存在');
  audit(deps.database.db, {
    event: 'inspection.file_deleted',
    at,
    ip,
    actorUserId: user.id,
    detail: { inspectionId: doc.id, projectId: doc.projectId, sha256: file.sha256, name: file.name },
  });
}
