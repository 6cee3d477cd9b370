import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import {
  INSPECTION_METHODS,
  INSPECTION_ORIGINS,
  inspectionToJSON,
  inspectionDocName,
  tryParseDocName,
  type InspectionMethod,
  type InspectionOrigin,
} from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors.js';
import { openRectificationForSealedInspection } from '../rectifications/open.js';
import { documentAccess, mayCreateDocument, maySealDocument, partyOf, type Access } from './access.js';
import { assertSealable } from '../inspections/seal-check.js';
import { registryFacts } from '../inspections/service.js';
import {
  findDocument,
  findDocumentWithProject,
  findProject,
  insertDocument,
  listProjectDocuments,
  setSealed,
  type DocumentRow,
  type DocumentProject,
} from './queries.js';

/** A registered document as the API returns it. */
export interface DocumentView {
  name: string;
  kind: DocumentRow['kind'];
  id: string;
  projectId: string;
  method: InspectionMethod | null;
  origin: InspectionOrigin | null;
  creatorUserId: string;
  /** ISO 8601. */
  createdAt: string;
  sealedAt: string | null;
  sealedHash: string | null;
  /** What the signed-in user may do with it: `read` or `write` (sealed documents are `read` for everyone). */
  access: Exclude<Access, 'none'>;
}

export interface RegisterInput {
  name: string;
  kind: string;
  projectId: string;
  method?: string | null;
  origin?: string | null;
}

export function toView(doc: DocumentRow, access: Exclude<Access, 'none'>): DocumentView {
  return {
    name: doc.name,
    kind: doc.kind,
    id: doc.id,
    projectId: doc.projectId,
    method: doc.method,
    origin: doc.origin,
    creatorUserId: doc.creatorUserId,
    createdAt: doc.createdAt.toISOString(),
    sealedAt: doc.sealedAt?.toISOString() ?? null,
    sealedHash: doc.sealedHash,
    access,
  };
}

/**
 * Registers a document the client created (possibly offline, with its own UUID). Idempotent: the same creator
 * registering the same document again gets the existing row (`created: false`); the shared `project:<id>`
 * document is returned to anyone who may write it.
 */
export function registerDocument(
  deps: ServerDeps,
  user: SessionUser,
  input: RegisterInput,
): { document: DocumentView; created: boolean } {
  const { db } = deps.database;
  const row = buildRow(db, user, input, deps.now());
  const project = findProject(db, row.projectId);
  if (!project) throw new AppError(404, 'project_not_found', '项目不存在', { field: 'projectId' });
  if (!mayCreateDocument(user, row, project)) throw forbidden('没有权限在该项目创建此类文档');
  const existing = findDocument(db, row.name);
  if (existing) {
    const same =
      existing.kind === row.kind &&
      existing.projectId === row.projectId &&
      existing.method === row.method &&
      existing.origin === row.origin &&
      (existing.creatorUserId === user.id || existing.kind === 'project');
    if (!same) throw conflict('document_exists', '该文档已由他人登记');
    const access = documentAccess(user, existing, project);
    if (access === 'none') throw forbidden();
    return { document: toView(existing, access), created: false };
  }
  insertDocument(db, row);
  return { document: toView(row, 'write'), created: true };
}

function buildRow(
  db: ServerDeps['database']['db'],
  user: SessionUser,
  input: RegisterInput,
  now: Date,
): DocumentRow {
  const parsed = tryParseDocName(input.name);
  if (!parsed || parsed.kind !== input.kind) {
    throw badRequest('invalid_document_name', '文档名称无效', { field: 'name' });
  }
  const base = {
    name: input.name,
    kind: parsed.kind,
    id: parsed.id,
    projectId: input.projectId,
    creatorUserId: user.id,
    createdAt: now,
    sealedAt: null,
    sealedHash: null,
    sealedByUserId: null,
  };
  switch (parsed.kind) {
    case 'inspection': {
      if (!INSPECTION_METHODS.includes(input.method as never)) {
        throw badRequest('invalid_method', '检查方式无效', { field: 'method' });
      }
      if (!INSPECTION_ORIGINS.includes(input.origin as never)) {
        throw badRequest('invalid_origin', '检查来源无效', { field: 'origin' });
      }
      return { ...base, method: input.method as InspectionMethod, origin: input.origin as InspectionOrigin };
    }
    case 'rectification': {
      const inspection = findDocument(db, inspectionDocName(parsed.id));
      if (!inspection || inspection.projectId !== input.projectId) {
        throw new AppError(404, 'inspection_not_found', '对应的检查记录不存在', { field: 'name' });
      }
      // Rectification answers a sealed 检查单 (issue 9): before sealing there is no request to answer yet, and the
      // seal itself opens the document when the inspection asks for rectification.
      if (!inspection.sealedAt) {
        throw new AppError(409, 'inspection_not_sealed', '检查单生成后才能开始整改', { field: 'name' });
      }
      return { ...base, method: null, origin: inspection.origin };
    }
    case 'project':
      if (parsed.id !== input.projectId) throw badRequest('invalid_document_name', '项目文档名称与项目不符');
      return { ...base, method: null, origin: null };
  }
}

/** The documents of a project the user has a stake in, each with the user's access. */
export function listDocuments(
  deps: ServerDeps,
  user: SessionUser,
  projectId: string,
  kind?: DocumentRow['kind'],
) {
  const project = findProject(deps.database.db, projectId);
  if (!project || partyOf(user, project) === null) throw notFound('项目不存在');
  return listProjectDocuments(deps.database.db, projectId, kind).map((doc) =>
    toView(doc, documentAccess(user, doc, project) as Exclude<Access, 'none'>),
  );
}

/** A document and the user's access to it; 404 when unknown, 403 when the user has no access. */
export function authorizeDocument(
  deps: ServerDeps,
  user: SessionUser,
  name: string,
): { doc: DocumentRow; project: DocumentProject; access: Exclude<Access, 'none'> } {
  const found = tryParseDocName(name) ? findDocumentWithProject(deps.database, name) : undefined;
  if (!found) throw new AppError(404, 'document_not_found', '文档不存在或尚未登记');
  const access = documentAccess(user, found.doc, found.project);
  if (access === 'none') throw forbidden('没有权限访问该文档');
  return { ...found, access };
}

/**
 * Seals an inspection (立即生成 / 保存汇总): checks on the final state that the user may seal it (its own
 * inspectors may), that the server has everything the client has (when it sends its state vector), that it is
 * ready (评语, every sheet saved or 缺项, …) and that the engine scores it; records the hash of the final stored
 * state, and from then on the sync layer refuses every update (4423). Synchronous from check to mark, so no update
 * can slip in between. Answers after the final materialization ran, so the inspection reads `completed`;
 * then, when the inspection requires it, opens its rectification.
 */
export async function sealDocument(
  deps: ServerDeps,
  user: SessionUser,
  name: string,
  options: { stateVector?: Uint8Array } = {},
): Promise<DocumentView> {
  const { doc, project } = authorizeDocument(deps, user, name);
  if (doc.sealedAt) throw conflict('already_sealed', '该检查已生成检查单，不能重复生成');
  if (doc.kind !== 'inspection') throw forbidden('没有权限生成该检查单');
  const state = deps.sync.prepareSeal(name, (ydoc) => {
    const json = inspectionToJSON(ydoc);
    const inspectorIds = json.inspectors.flatMap((i) => (i.userId ? [i.userId] : []));
    if (!maySealDocument(user, doc, project, inspectorIds)) throw forbidden('没有权限生成该检查单');
    if (options.stateVector && !covers(Y.encodeStateVector(ydoc), options.stateVector)) {
      throw conflict('not_synced', '本机还有未同步的修改，请联网同步后再生成');
    }
    assertSealable(json, registryFacts(doc), deps.now());
  });
  const sealed = {
    sealedAt: deps.now(),
    sealedHash: createHash('sha256').update(state).digest('hex'),
    sealedByUserId: user.id,
  };
  setSealed(deps.database.db, name, sealed);
  deps.sync.markSealed(name);
  await deps.materializeScheduler.runNow(name);
  await openRectificationForSealedInspection(deps, user, { ...doc, ...sealed }); // rectify (issue 9)
  return toView({ ...doc, ...sealed }, 'read');
}

/** Whether state vector `server` has every clock of `client`. */
function covers(server: Uint8Array, client: Uint8Array): boolean {
  let clientClocks: Map<number, number>;
  try {
    clientClocks = Y.decodeStateVector(client);
  } catch {
    throw badRequest('invalid_state_vector', '状态向量无效', { field: 'stateVector' });
  }
  const serverClocks = Y.decodeStateVector(server);
  for (const [clientId, clock] of clientClocks) if ((serverClocks.get(clientId) ?? 0) < clock) return false;
  return true;
}
