/**
 * Where photos and scans wait on the device: SHA-256 addressed, kept until the server has them (and after,
 * so the doc that references them still shows them offline).
 *
 * @module
 */

/** One photo or scan held on the device. */
export interface StoredBlob {
  /** Lower-case hex SHA-256 of `data`: the blob's name everywhere (docs hold only this). */
  hash: string;
  /** Sniffed-on-server, declared-here MIME type: image/jpeg, image/png, image/webp or application/pdf. */
  type: string;
  /** Bytes. */
  size: number;
  data: Blob;
  /** The doc that first referenced it; the server authorizes reads through docs. */
  docName: string;
  /** ms since epoch. */
  createdAt: number;
  /** When the server confirmed it; `null` while it still has to go up. */
  uploadedAt: number | null;
  /** Set when the server refused it for good (wrong type, too big): it will not be retried. */
  rejected: string | null;
}

/** The storage the upload queue needs; IndexedDB in the app, a Map in unit tests. */
export interface BlobStore {
  put(blob: StoredBlob): Promise<void>;
  get(hash: string): Promise<StoredBlob | undefined>;
  /** Blobs not yet uploaded and not rejected, oldest first. */
  pending(): Promise<StoredBlob[]>;
  update(hash: string, patch: Partial<Pick<StoredBlob, 'uploadedAt' | 'rejected'>>): Promise<void>;
}

/** A {@link BlobStore} in memory: for tests, and as the fallback when IndexedDB is unavailable. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, StoredBlob>();

  put(blob: StoredBlob): Promise<void> {
    if (!this.blobs.has(blob.hash)) this.blobs.set(blob.hash, blob);
    return Promise.resolve();
  }

  get(hash: string): Promise<StoredBlob | undefined> {
    return Promise.resolve(this.blobs.get(hash));
  }

  pending(): Promise<StoredBlob[]> {
    const waiting = [...this.blobs.values()].filter((b) => b.uploadedAt === null && b.rejected === null);
    return Promise.resolve(waiting.sort((a, b) => a.createdAt - b.createdAt));
  }

  update(hash: string, patch: Partial<Pick<StoredBlob, 'uploadedAt' | 'rejected'>>): Promise<void> {
    const blob = this.blobs.get(hash);
    if (blob) this.blobs.set(hash, { ...blob, ...patch });
    return Promise.resolve();
  }
}
