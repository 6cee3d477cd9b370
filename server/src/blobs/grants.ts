import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { blobRefs, blobUploads, documents, projects, users } from '../db/schema/index.js';
import { documentAccess } from '../documents/access.js';

/**
 * Whether `docName` may take a reference to the blob (issue 12 item 3): someone who may write the document
 * uploaded these bytes, or the blob already belongs (by a granted reference) to another document of the same
 * project. Knowing a hash is not enough: another enterprise adding it to its own inspection gains nothing.
 * Write access is judged as if unsealed: sealing freezes the content, it does not disown its photos.
 */
export function mayReference(db: Db, docName: string, sha256: string): boolean {
  const found = db
    .select({ doc: documents, project: projects })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(documents.name, docName))
    .get();
  if (!found) return false;
  const uploaders = db
    .select({ user: users })
    .from(blobUploads)
    .innerJoin(users, eq(users.id, blobUploads.userId))
    .where(eq(blobUploads.sha256, sha256))
    .all();
  const unsealed = { ...found.doc, sealedAt: null };
  if (uploaders.some(({ user }) => documentAccess(user, unsealed, found.project) === 'write')) return true;
  return !!db
    .select({ docName: blobRefs.docName })
    .from(blobRefs)
    .innerJoin(documents, eq(documents.name, blobRefs.docName))
    .where(
      and(
        eq(blobRefs.sha256, sha256),
        eq(blobRefs.granted, true),
        ne(blobRefs.docName, docName),
        eq(documents.projectId, found.doc.projectId),
      ),
    )
    .get();
}

/** After an upload: references that were waiting for these bytes (the document synced first) are granted now. */
export function grantWaitingRefs(db: Db, sha256: string): void {
  const waiting = db
    .select({ docName: blobRefs.docName })
    .from(blobRefs)
    .where(and(eq(blobRefs.sha256, sha256), eq(blobRefs.granted, false)))
    .all();
  for (const { docName } of waiting) {
    if (!mayReference(db, docName, sha256)) continue;
    db.update(blobRefs)
      .set({ granted: true })
      .where(and(eq(blobRefs.sha256, sha256), eq(blobRefs.docName, docName)))
      .run();
  }
}
