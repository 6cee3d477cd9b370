import { done, openStore } from '$lib/idb/idb';
import { settled, type BlobStore, type StoredBlob } from './blob-store';

const STORE = 'blobs';
const database = openStore('anguan-blobs', STORE, 'hash');

/** {@link BlobStore} in IndexedDB: survives reloads, app restarts and days offline. */
export class IdbBlobStore implements BlobStore {
  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await database()).transaction(STORE, mode).objectStore(STORE);
  }

  async put(blob: StoredBlob): Promise<void> {
    const store = await this.store('readwrite');
    // Same hash, same bytes: keep the first record (and its upload state).
    if ((await done(store.getKey(blob.hash))) === undefined) await done(store.add(blob));
  }

  async get(hash: string): Promise<StoredBlob | undefined> {
    return (await done((await this.store('readonly')).get(hash))) as StoredBlob | undefined;
  }

  async pending(): Promise<StoredBlob[]> {
    const all = (await done((await this.store('readonly')).index('createdAt').getAll())) as StoredBlob[];
    return all.filter((b) => b.uploadedAt === null && b.rejected === null);
  }

  async settle(blob: StoredBlob, outcome: { sentAt: number } | { rejected: string }): Promise<void> {
    const store = await this.store('readwrite');
    const current = (await done(store.get(blob.hash))) as StoredBlob | undefined;
    if (current) await done(store.put(settled(current, outcome)));
  }
}
