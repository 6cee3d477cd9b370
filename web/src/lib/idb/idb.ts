/**
 * The few IndexedDB helpers the device stores share (blobs, the registration outbox). Yjs documents use
 * y-indexeddb's own databases.
 *
 * @module
 */

/** Promise of an IndexedDB request. */
export function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens a database holding one object store keyed by `keyPath`, with an optional `createdAt` index. */
export function openStore(database: string, store: string, keyPath: string): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | undefined;
  return () => {
    db ??= (() => {
      const request = indexedDB.open(database, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(store, { keyPath }).createIndex('createdAt', 'createdAt');
      };
      return done(request);
    })();
    return db;
  };
}
