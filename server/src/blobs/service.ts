import { createHash } from 'node:crypto';
import { MAX_BLOB_BYTES, documentBlobRefs, documentToJSON, isSha256Hex, parseDocName } from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { documentAccess } from '../documents/access.js';
import { findDocumentWithProject } from '../documents/queries.js';
import { addDocRef, findBlob, hasUploaded, recordUpload, referencingDocs, type BlobRow } from './queries.js';
import { checkUploadQuota } from './quota.js';
import { sniffMediaType } from './sniff.js';

/** The blob metadata the API returns. */
export interface BlobView {
  sha256: string;
  size: number;
  mediaType: string;
}

const toView = (row: BlobRow): BlobView => ({ sha256: row.sha256, size: row.size, mediaType: row.mediaType });

export function requireHash(value: string): string {
  if (!isSha256Hex(value)) throw badRequest('invalid_hash', '文件标识必须是小写十六进制 SHA-256');
  return value;
}

/**
 * Stores an uploaded blob after checking its hash, size and sniffed type. Idempotent: uploading stored bytes
 * again only records the uploader (`created: false`).
 */
export async function storeBlob(
  deps: ServerDeps,
  user: SessionUser,
  sha256: string,
  bytes: Uint8Array,
): Promise<{ blob: BlobView; created: boolean }> {
  if (bytes.length > MAX_BLOB_BYTES) throw tooLarge();
  if (bytes.length === 0) throw badRequest('empty_blob', '文件为空');
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw badRequest('hash_mismatch', '文件内容与标识不符（SHA-256 校验失败）');
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new AppError(415, 'unsupported_blob_type', '只支持 JPEG、PNG、WebP 图片和 PDF 文件');
  const { db } = deps.database;
  await checkUploadQuota(deps, user.id, sha256, bytes.length);
  const existing = findBlob(db, sha256);
  if (!existing || !deps.blobStore.has(sha256)) deps.blobStore.write(sha256, bytes);
  const row: BlobRow = existing ?? {
    sha256,
    size: bytes.length,
    mediaType,
    uploaderUserId: user.id,
    createdAt: deps.now(),
  };
  recordUpload(db, { ...row, uploaderUserId: user.id, createdAt: deps.now() });
  return { blob: toView(row), created: !existing };
}

const blobNotFound = () => notFound('文件不存在');

export const tooLarge = () => new AppError(413, 'blob_too_large', '文件不能超过 20 MB');

/**
 * Metadata of a blob this user uploaded, or null (HEAD: lets a client skip a re-upload). Only the uploader hears
 * "stored": anyone else must upload the bytes themselves, which is what ties them to their documents.
 */
export function blobInfo(deps: ServerDeps, user: SessionUser, sha256: string): BlobView | null {
  const row = findBlob(deps.database.db, sha256);
  return row && hasUploaded(deps.database.db, sha256, user.id) ? toView(row) : null;
}

/**
 * The blob, if the user may read it: they uploaded it, or they may read a document that holds a granted reference
 * to it (see `grants.ts`). The references are recorded when documents are materialized; `hintDoc` covers the
 * seconds before that: when the user may read the named document, it references the blob now and the reference
 * may be granted, it is recorded and access follows. Unknown and unreadable blobs get the same 404.
 */
export function authorizeBlobRead(
  deps: ServerDeps,
  user: SessionUser,
  sha256: string,
  hintDoc?: string,
): BlobView {
  const { db } = deps.database;
  const row = findBlob(db, sha256);
  if (!row) throw blobNotFound();
  if (hasUploaded(db, sha256, user.id)) return toView(row);
  for (const docName of referencingDocs(db, sha256)) if (mayRead(deps, user, docName)) return toView(row);
  if (hintDoc && mayRead(deps, user, hintDoc) && docReferences(deps, hintDoc, sha256)) {
    if (addDocRef(db, hintDoc, sha256)) return toView(row);
  }
  throw blobNotFound();
}

function mayRead(deps: ServerDeps, user: SessionUser, docName: string): boolean {
  const found = findDocumentWithProject(deps.database, docName);
  return !!found && documentAccess(user, found.doc, found.project) !== 'none';
}

function docReferences(deps: ServerDeps, docName: string, sha256: string): boolean {
  const { kind } = parseDocName(docName);
  const json = deps.sync.withDoc(docName, (doc) => documentToJSON(kind, doc));
  return documentBlobRefs(json).includes(sha256);
}
