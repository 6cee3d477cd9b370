import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { blobRefs, blobUploads, blobs } from '../db/schema/index.js';

export type BlobRow = typeof blobs.$inferSelect;

export function findBlob(db: Db, sha256: string): BlobRow | undefined {
  return db.select().from(blobs).where(eq(blobs.sha256, sha256)).get();
}

/** Inserts the blob row (if new) and records the user as an uploader, in one transaction. */
export function recordUpload(db: Db, row: BlobRow): void {
  db.transaction((tx) => {
    tx.insert(blobs).values(row).onConflictDoNothing().run();
    tx.insert(blobUploads)
      .values({ sha256: row.sha256, userId: row.uploaderUserId, at: row.createdAt })
      .onConflictDoNothing()
      .run();
  });
}

export function hasUploaded(db: Db, sha256: string, userId: string): boolean {
  return !!db
    .select({ sha256: blobUploads.sha256 })
    .from(blobUploads)
    .where(and(eq(blobUploads.sha256, sha256), eq(blobUploads.userId, userId)))
    .get();
}

/** Names of the documents that reference a blob. */
export function referencingDocs(db: Db, sha256: string): string[] {
  return db
    .select({ docName: blobRefs.docName })
    .from(blobRefs)
    .where(eq(blobRefs.sha256, sha256))
    .all()
    .map((r) => r.docName);
}

/** Replaces the set of blobs a document references (from its latest JSON). */
export function replaceDocRefs(db: Db, docName: string, hashes: readonly string[]): void {
  db.transaction((tx) => {
    const current = new Set(
      tx
        .select({ sha256: blobRefs.sha256 })
        .from(blobRefs)
        .where(eq(blobRefs.docName, docName))
        .all()
        .map((r) => r.sha256),
    );
    const next = new Set(hashes);
    const stale = [...current].filter((h) => !next.has(h));
    if (stale.length > 0) {
      tx.delete(blobRefs)
        .where(and(eq(blobRefs.docName, docName), inArray(blobRefs.sha256, stale)))
        .run();
    }
    const added = [...next].filter((h) => !current.has(h)).map((sha256) => ({ sha256, docName }));
    if (added.length > 0) tx.insert(blobRefs).values(added).onConflictDoNothing().run();
  });
}

export function addDocRef(db: Db, docName: string, sha256: string): void {
  db.insert(blobRefs).values({ sha256, docName }).onConflictDoNothing().run();
}
