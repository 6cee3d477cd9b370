import {
  INSPECTION_METHOD_LABELS,
  INSPECTION_ORIGIN_LABELS,
  inspectionToJSON,
  type InspectionMethod,
  type InspectionOrigin,
} from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { documentAccess } from '../documents/access.js';
import { findDocumentWithProject } from '../documents/queries.js';
import { AppError } from '../http/errors.js';
import { findInspectionRow, findSealedByHash } from './queries.js';

/** What /verify/<hash> answers for a printed 检查单 that matches. */
export interface VerifiedSheet {
  id: string;
  projectId: string;
  projectName: string;
  filingNumber: string;
  origin: InspectionOrigin;
  originLabel: string;
  method: InspectionMethod;
  methodLabel: string;
  date: string | null;
  sealedAt: string;
  sealedHash: string;
}

/** One answer for "no such sheet", "not yours" and "deleted", so the check reveals nothing to outsiders. */
const noMatch = () => new AppError(404, 'no_match', '未找到与该校验码一致的检查单，或您无权查看');

/**
 * Whether `hash` is the sealed-state hash of an inspection the user may read (and that is not deleted): the
 * check behind the QR code printed on a 检查单.
 */
export async function verifySealedHash(
  deps: ServerDeps,
  user: SessionUser,
  hash: string,
): Promise<VerifiedSheet> {
  const normalized = hash.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normalized)) throw noMatch();
  for (const candidate of await findSealedByHash(deps.database.db, normalized)) {
    const found = findDocumentWithProject(deps.database, candidate.name);
    if (!found || documentAccess(user, found.doc, found.project) === 'none') continue;
    if ((await findInspectionRow(deps.database.db, found.doc.id))?.deletedAt) continue;
    const { doc, project } = found;
    if (!doc.origin || !doc.method || !doc.sealedAt) continue;
    const date = deps.sync.withDoc(doc.name, (ydoc) => inspectionToJSON(ydoc).meta?.date ?? null);
    return {
      id: doc.id,
      projectId: project.id,
      projectName: project.name,
      filingNumber: project.filingNumber,
      origin: doc.origin,
      originLabel: INSPECTION_ORIGIN_LABELS[doc.origin],
      method: doc.method,
      methodLabel: INSPECTION_METHOD_LABELS[doc.method],
      date,
      sealedAt: doc.sealedAt.toISOString(),
      sealedHash: normalized,
    };
  }
  throw noMatch();
}
