import type * as Y from 'yjs';

/**
 * Named transaction origins (STYLE.md rule 4). Every write through `@anguan/model` carries one, so observers can tell
 * a local edit from a remote one, persistence layers can skip their own writes, and the materializer's reads never
 * look like user edits. Providers (y-websocket, y-indexeddb) use their own instance as origin for what they apply;
 * {@link isLocalOrigin} treats anything that is not one of ours as remote.
 */
export const ORIGINS = Object.freeze({
  /** A person editing on this device (the default for every writer). */
  localUser: 'anguan:local-user',
  /** State loaded from IndexedDB on this device. */
  indexeddbLoad: 'anguan:indexeddb-load',
  /** An update received from the server or another peer. */
  remote: 'anguan:remote',
  /** The server applying an update it received on a sync connection. */
  serverSync: 'anguan:server-sync',
  /** The server loading a document from its update log. */
  serverLoad: 'anguan:server-load',
  /** The server's materializer (reads only; it never writes documents). */
  serverMaterializer: 'anguan:server-materializer',
  /** A schema migration (see `migrate.ts`). */
  migration: 'anguan:migration',
} as const);

export type Origin = (typeof ORIGINS)[keyof typeof ORIGINS];

const ORIGIN_VALUES = new Set<unknown>(Object.values(ORIGINS));

/** True for one of anguan's named origins. */
export const isNamedOrigin = (origin: unknown): origin is Origin => ORIGIN_VALUES.has(origin);

/** True when a transaction was made by a person on this device (or by a migration run here). */
export const isLocalOrigin = (origin: unknown): boolean =>
  origin === ORIGINS.localUser || origin === ORIGINS.migration;

/**
 * Development aid (STYLE.md rule 4): calls `warn` when a local write starts while a remote update is being applied,
 * which usually means an observer reacts to remote changes by writing (an echo loop or a silent overwrite).
 * Returns the unsubscribe function.
 */
export function warnOnLocalWriteDuringRemoteApply(
  doc: Y.Doc,
  warn: (message: string) => void = (message) => console.warn(message),
): () => void {
  let applyingRemote = false;
  const before = (transaction: Y.Transaction) => {
    if (applyingRemote && isLocalOrigin(transaction.origin)) {
      warn(`[model] local write (${String(transaction.origin)}) while applying a remote update`);
    }
    if (!isLocalOrigin(transaction.origin)) applyingRemote = true;
  };
  const afterAll = () => {
    applyingRemote = false;
  };
  doc.on('beforeTransaction', before);
  doc.on('afterAllTransactions', afterAll);
  return () => {
    doc.off('beforeTransaction', before);
    doc.off('afterAllTransactions', afterAll);
  };
}
