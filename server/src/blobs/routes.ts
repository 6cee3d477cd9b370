import { Hono } from 'hono';
import { MAX_BLOB_BYTES } from '@anguan/model';
import type { AppEnv, ServerDeps } from '../deps.js';
import { requireSession } from '../http/session.js';
import { BLOB_POLICY } from '../http/security-headers.js';
import { authorizeBlobRead, blobInfo, requireHash, storeBlob, tooLarge } from './service.js';
import { checkUploadQuota } from './quota.js';

/**
 * /api/blobs: content-addressed photos and scans (DESIGN "Documents"). Same-origin only (CSRF); raw bodies.
 *
 * - `PUT /:sha256` raw bytes → 201 `{blob}` (200 when already stored); 400 invalid_hash / hash_mismatch,
 *   413 blob_too_large, 415 unsupported_blob_type
 *   429 upload_quota_exceeded (UPLOAD_MB_PER_DAY)
 * - `HEAD /:sha256` → 200 with `content-length`/`content-type` when this user uploaded it, else 404
 * - `GET /:sha256[?doc=<doc name>]` → the bytes, for the uploader and readers of a document that may reference
 *   it (`grants.ts`); 404 for unknown and unreadable alike. Sandboxed and never rendered as a page.
 */
export function blobRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>()
    .put('/:sha256', async (c) => {
      const { user } = requireSession(c);
      const sha256 = requireHash(c.req.param('sha256'));
      const declared = Number(c.req.header('content-length') ?? NaN);
      if (declared > MAX_BLOB_BYTES) throw tooLarge();
      // Refused before reading the body when the declared size alone passes the day's quota.
      if (declared > 0) await checkUploadQuota(deps, user.id, sha256, declared);
      const bytes = await readLimited(c.req.raw.body, MAX_BLOB_BYTES);
      const { blob, created } = await storeBlob(deps, user, sha256, bytes);
      return c.json({ blob }, created ? 201 : 200);
    })
    .on('HEAD', '/:sha256', (c) => {
      const { user } = requireSession(c);
      const info = blobInfo(deps, user, requireHash(c.req.param('sha256')));
      if (!info) return c.body(null, 404);
      return c.body(null, 200, { 'content-length': String(info.size), 'content-type': info.mediaType });
    })
    .get('/:sha256', (c) => {
      const { user } = requireSession(c);
      const sha256 = requireHash(c.req.param('sha256'));
      const blob = authorizeBlobRead(deps, user, sha256, c.req.query('doc'));
      return c.body(deps.blobStore.read(sha256), 200, {
        'content-type': blob.mediaType,
        'content-length': String(blob.size),
        // Content-addressed: the bytes behind a hash never change.
        'cache-control': 'private, max-age=31536000, immutable',
        etag: `"${sha256}"`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': BLOB_POLICY,
        'content-disposition': contentDisposition(sha256, blob.mediaType),
      });
    });
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** Images display inline; a PDF downloads, so opening its link never renders a document on our origin. */
function contentDisposition(sha256: string, mediaType: string): string {
  const name = `${sha256}.${EXTENSIONS[mediaType] ?? 'bin'}`;
  return mediaType.startsWith('image/') ? `inline; filename="${name}"` : `attachment; filename="${name}"`;
}

/** Reads a request body, refusing (413) as soon as it passes `limit` bytes. */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
