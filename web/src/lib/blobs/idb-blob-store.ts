import type { BlobStore, StoredBlob } from './blob-store';

const DB_NAME = 'anguan-blobs';
const DB_VERSION = 1;
const STORE = 'blobs';

/** Promise of an IndexedDB request. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function open(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore(STORE, { keyPath: 'hash' });
    store.createIndex('createdAt', 'createdAt');
  };
  return done(request);
}

/** {@link BlobStore} in IndexedDB: survives reloads, app restarts and days offline. */
export class IdbBlobStore implements BlobStore {
  private db: Promise<IDBDatabase> | undefined;

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    this.db ??= open();
    return (await this.db).transaction(STORE, mode).objectStore(STORE);
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

  async update(hash: string, patch: Partial<Pick<StoredBlob, 'uploadedAt' | 'rejected'>>): Promise<void> {
    const store = await this.store('readwrite');
    const blob = (await done(store.get(hash))) as StoredBlob | undefined;
    if (blob) await done(store.put({ ...blob, ...patch }));
  }
}
