/**
 * What this device keeps of the signed-in user's work, and how to remove it at logout (a site phone may be
 * handed to the next inspector). Work the server has not received is never removed.
 *
 * @module
 */
import { done } from '$lib/idb/idb';
import { API_CACHE_DATABASE } from '$lib/cache/idb-answer-store';
import { UNSYNCED_KEY } from './doc-keys';

/** y-indexeddb names each database after its document. */
const DOC_DATABASE = /^(inspection|rectification|project):/;
const OUTBOX_DATABASES = [
  { name: 'anguan-outbox', store: 'registrations', sentField: 'registeredAt' },
  { name: 'anguan-blobs', store: 'blobs', sentField: 'uploadedAt' },
] as const;
const LOCAL_STORAGE_KEYS = ['anguan.projects', 'anguan.monthlyUploads'];

async function databaseNames(): Promise<string[]> {
  const databases = await indexedDB.databases();
  return databases.map((d) => d.name).filter((name): name is string => typeof name === 'string');
}

async function readAll(database: string, store: string): Promise<unknown[]> {
  const db = await done(indexedDB.open(database));
  try {
    if (!db.objectStoreNames.contains(store)) return [];
    return await done(db.transaction(store, 'readonly').objectStore(store).getAll());
  } finally {
    db.close();
  }
}

async function docIsUnsynced(database: string): Promise<boolean> {
  const db = await done(indexedDB.open(database));
  try {
    if (!db.objectStoreNames.contains('custom')) return false;
    return (await done(db.transaction('custom', 'readonly').objectStore('custom').get(UNSYNCED_KEY))) === 1;
  } finally {
    db.close();
  }
}

/** Documents on this device holding edits the server has not received (offline edits, then closed or logged out). */
export async function unsyncedDocNames(): Promise<string[]> {
  const names = (await databaseNames()).filter((n) => DOC_DATABASE.test(n));
  const unsynced: string[] = [];
  for (const name of names) if (await docIsUnsynced(name)) unsynced.push(name);
  return unsynced;
}

/** How many documents, registrations and files on this device the server has not received yet. */
export async function countUnsentWork(): Promise<number> {
  const names = await databaseNames();
  let unsent = 0;
  for (const { name, store, sentField } of OUTBOX_DATABASES) {
    if (!names.includes(name)) continue;
    const rows = (await readAll(name, store)) as Record<string, unknown>[];
    unsent += rows.filter((row) => row[sentField] === null && row.rejected === null).length;
  }
  return unsent + (await unsyncedDocNames()).length;
}

/** Removes every document, outbox entry and cached API answer of anguan from this device. */
export async function clearDeviceData(): Promise<void> {
  const names = await databaseNames();
  const ours = names.filter(
    (n) => DOC_DATABASE.test(n) || n === API_CACHE_DATABASE || OUTBOX_DATABASES.some((d) => d.name === n),
  );
  await Promise.all(ours.map(deleteDatabase));
  for (const key of LOCAL_STORAGE_KEYS) localStorage.removeItem(key);
}

/** Resolves once deleted, or once deletion is queued behind a connection still open (it completes when that closes). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}
