import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { blobRefs, blobUploads, blobs, documents, projects } from '../db/schema/index.js';
import { audit } from '../audit/log.js';
import { grantWaitingRefs, mayReference } from './grants.js';

export type BlobRow = typeof blobs.$inferSelect;

export function findBlob(db: Db, sha256: string): BlobRow | undefined {
  return db.select().from(blobs).where(eq(blobs.sha256, sha256)).get();
}

/**
 * Inserts the blob row (if new) and records the user as an uploader (refreshing the time of a repeated upload),
 * then grants the document references that were waiting for someone entitled to upload these bytes.
 */
export function recordUpload(db: Db, row: BlobRow): void {
  db.transaction((tx) => {
    tx.insert(blobs).values(row).onConflictDoNothing().run();
    tx.insert(blobUploads)
      .values({ sha256: row.sha256, userId: row.uploaderUserId, at: row.createdAt })
      .onConflictDoUpdate({ target: [blobUploads.sha256, blobUploads.userId], set: { at: row.createdAt } })
      .run();
    grantWaitingRefs(tx as unknown as Db, row.sha256);
  });
}

export function hasUploaded(db: Db, sha256: string, userId: string): boolean {
  return !!db
    .select({ sha256: blobUploads.sha256 })
    .from(blobUploads)
    .where(and(eq(blobUploads.sha256, sha256), eq(blobUploads.userId, userId)))
    .get();
}

/** Names of the documents that reference a blob with a granted reference (readers of those may read it). */
export function referencingDocs(db: Db, sha256: string): string[] {
  return db
    .select({ docName: blobRefs.docName })
    .from(blobRefs)
    .where(and(eq(blobRefs.sha256, sha256), eq(blobRefs.granted, true)))
    .all()
    .map((r) => r.docName);
}

/**
 * Replaces the set of blobs a document references (from its latest JSON). New references are granted only when
 * {@link mayReference} allows; refused ones are kept ungranted (an upload by a writer may grant them later).
 * A reference that disappeared from a granted file is a deletion: it goes to the audit log.
 */
export function replaceDocRefs(db: Db, docName: string, hashes: readonly string[], now = new Date()): void {
  db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    const current = tx.select().from(blobRefs).where(eq(blobRefs.docName, docName)).all();
    const next = new Set(hashes);
    const stale = current.filter((r) => !next.has(r.sha256));
    if (stale.length > 0) {
      tx.delete(blobRefs)
        .where(
          and(
            eq(blobRefs.docName, docName),
            inArray(
              blobRefs.sha256,
              stale.map((r) => r.sha256),
            ),
          ),
        )
        .run();
      auditRemovals(
        txDb,
        docName,
        stale.filter((r) => r.granted).map((r) => r.sha256),
        now,
      );
    }
    for (const ref of current) {
      if (next.has(ref.sha256) && !ref.granted && mayReference(txDb, docName, ref.sha256)) {
        setGranted(txDb, docName, ref.sha256);
      }
    }
    const known = new Set(current.map((r) => r.sha256));
    for (const sha256 of next) {
      if (known.has(sha256)) continue;
      const granted = mayReference(txDb, docName, sha256);
      tx.insert(blobRefs).values({ sha256, docName, granted }).onConflictDoNothing().run();
    }
  });
}

/** Records a reference the client just proved (`?doc=`), granted only when {@link mayReference} allows. */
export function addDocRef(db: Db, docName: string, sha256: string): boolean {
  const granted = mayReference(db, docName, sha256);
  db.insert(blobRefs).values({ sha256, docName, granted }).onConflictDoNothing().run();
  if (granted) setGranted(db, docName, sha256);
  return granted;
}

function setGranted(db: Db, docName: string, sha256: string): void {
  db.update(blobRefs)
    .set({ granted: true })
    .where(and(eq(blobRefs.docName, docName), eq(blobRefs.sha256, sha256)))
    .run();
}

function auditRemovals(db: Db, docName: string, removed: readonly string[], now: Date): void {
  if (removed.length === 0) return;
  const scope = db
    .select({ projectId: documents.projectId, enterpriseId: projects.enterpriseId })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(documents.name, docName))
    .get();
  for (const sha256 of removed) {
    audit(db, {
      event: 'document.file_removed',
      at: now,
      ip: null,
      target: docName,
      projectId: scope?.projectId ?? null,
      enterpriseId: scope?.enterpriseId ?? null,
      detail: { docName, sha256 },
    });
  }
}
