/**
 * The app's {@link AnswerStore}: one IndexedDB database, removed with the rest of the device data at logout.
 *
 * @module
 */
import { done } from '$lib/idb/idb';
import type { AnswerStore, CachedAnswer } from './api-cache';

/** Database name; `device-data.ts` lists it so logout clears it. */
export const API_CACHE_DATABASE = 'anguan-api-cache';
const STORE = 'answers';

let database: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  database ??= (() => {
    const request = indexedDB.open(API_CACHE_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    return done(request).then((db) => {
      // Logout deletes the database; let it, and reopen on the next read.
      db.onversionchange = () => {
        db.close();
        database = undefined;
      };
      return db;
    });
  })();
  return database;
}

export class IdbAnswerStore implements AnswerStore {
  async get(key: string): Promise<CachedAnswer | undefined> {
    const db = await open();
    return (await done(db.transaction(STORE, 'readonly').objectStore(STORE).get(key))) as CachedAnswer | undefined;
  }

  async put(answer: CachedAnswer): Promise<void> {
    const db = await open();
    await done(db.transaction(STORE, 'readwrite').objectStore(STORE).put(answer));
  }
}

export const answerStore: AnswerStore = new IdbAnswerStore();
