/**
 * Where photos and scans wait on the device: SHA-256 addressed, kept until the server has them (and after,
 * so the doc that references them still shows them offline).
 *
 * @module
 */
import type { OutboxStore } from '$lib/outbox/outbox-queue';

/** One photo or scan held on the device. */
export interface StoredBlob {
  /** Lower-case hex SHA-256 of `data`: the blob's name everywhere (docs hold only this). */
  hash: string;
  /** Declared MIME type (the server sniffs the bytes): image/jpeg, image/png, image/webp or application/pdf. */
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
export interface BlobStore extends OutboxStore<StoredBlob> {
  put(blob: StoredBlob): Promise<void>;
  get(hash: string): Promise<StoredBlob | undefined>;
}

/** The record after the queue settled it. */
export function settled(blob: StoredBlob, outcome: { sentAt: number } | { rejected: string }): StoredBlob {
  return 'sentAt' in outcome ? { ...blob, uploadedAt: outcome.sentAt } : { ...blob, rejected: outcome.rejected };
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

  settle(blob: StoredBlob, outcome: { sentAt: number } | { rejected: string }): Promise<void> {
    const current = this.blobs.get(blob.hash);
    if (current) this.blobs.set(blob.hash, settled(current, outcome));
    return Promise.resolve();
  }
}
