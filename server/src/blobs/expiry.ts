import { and, eq, gte, inArray, lt, notExists } from 'drizzle-orm';
import type { ServerDeps } from '../deps.js';
import { blobRefs, blobUploads, blobs, users } from '../db/schema/index.js';
import { audit } from '../audit/log.js';

/**
 * Deletes blobs that no document references (no granted reference) and that nobody uploaded within the grace
 * period (`UNREFERENCED_BLOB_GRACE_HOURS`): photos taken and then dropped, or uploads made only to fill the disk
 * (issue 12 item 9). Rows go first, then the files (a crash between leaves a file the next upload overwrites); the
 * grace period covers an upload whose document has not synced yet. Returns the deleted hashes.
 */
export async function sweepUnreferencedBlobs(deps: ServerDeps): Promise<string[]> {
  const { db } = deps.database;
  const now = deps.now();
  const cutoff = new Date(now.getTime() - deps.config.limits.unreferencedBlobGraceMs);
  const candidates = await db
    .select({ sha256: blobs.sha256, uploaderUserId: blobs.uploaderUserId })
    .from(blobs)
    .where(
      and(
        lt(blobs.createdAt, cutoff),
        notExists(
          db
            .select({ one: blobRefs.sha256 })
            .from(blobRefs)
            .where(and(eq(blobRefs.sha256, blobs.sha256), eq(blobRefs.granted, true))),
        ),
        notExists(
          db
            .select({ one: blobUploads.sha256 })
            .from(blobUploads)
            .where(and(eq(blobUploads.sha256, blobs.sha256), gte(blobUploads.at, cutoff))),
        ),
      ),
    );
  if (candidates.length === 0) return [];
  const hashes = candidates.map((c) => c.sha256);
  // Ungranted references stay: they name documents that may yet be granted the bytes if someone uploads them.
  await db.delete(blobs).where(inArray(blobs.sha256, hashes));
  await db.delete(blobUploads).where(inArray(blobUploads.sha256, hashes));
  for (const { sha256, uploaderUserId } of candidates) {
    deps.blobStore.remove(sha256);
    const uploader = await db
      .select({ enterpriseId: users.enterpriseId, projectId: users.projectId })
      .from(users)
      .where(eq(users.id, uploaderUserId));
    audit(db, {
      event: 'blob.expired',
      at: now,
      ip: null,
      target: sha256,
      enterpriseId: uploader[0]?.enterpriseId ?? null,
      projectId: uploader[0]?.projectId ?? null,
      detail: { sha256, uploaderUserId },
    });
  }
  return hashes;
}
