/**
 * Edits made offline on a document that was then closed (or whose user logged out) stay on the device; this sends
 * them up in the background once someone who may write the document is signed in and online, so
 * 重新登录后继续上传 holds without reopening each inspection. Yjs loads only when such a document exists.
 *
 * @module
 */
import type { SyncStatus } from './sync-status';
import { unsyncedDocNames } from './device-data';
import { outboxManager } from './outbox-manager.svelte';

/** How long one document may take to register, connect and hand its edits over before the next round. */
const DOC_TIMEOUT_MS = 60_000;

let running: Promise<number> | null = null;

/**
 * Sends every unsynced document on this device that the signed-in user may write; returns how many went up.
 * Concurrent calls share one run. Documents the user may only read, or not see, keep their edits on the device
 * for the account that made them.
 */
export function uploadUnsyncedDocs(): Promise<number> {
  running ??= uploadAll().finally(() => (running = null));
  return running;
}

async function uploadAll(): Promise<number> {
  const names = await unsyncedDocNames();
  if (names.length === 0) return 0;
  const [{ DocSession }, { fetchDocumentAccess }, { syncServerUrl }] = await Promise.all([
    import('./doc-session'),
    import('./document-access'),
    import('./server-url'),
  ]);
  let uploaded = 0;
  for (const docName of names) {
    // A document made offline goes up after its registration (the server refuses a socket for an unknown doc).
    if (!(await withTimeout(outboxManager.whenRegistered(docName).then(() => true)))) continue;
    const session = new DocSession({
      docName,
      serverUrl: syncServerUrl(window.location),
      checkAccess: fetchDocumentAccess,
      connect: false,
    });
    try {
      // The device copy first, so the handshake carries the offline edits.
      await session.whenLocalLoaded;
      session.connect();
      if (await withTimeout(handedOver(session))) uploaded++;
    } finally {
      await session.destroy();
    }
  }
  return uploaded;
}

/** True once the server has every local edit; false as soon as it is clear it never will under this account. */
function handedOver(session: {
  status: SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}): Promise<boolean> {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const check = (status: SyncStatus) => {
      const refused = status.access !== 'unknown' && status.access !== 'write';
      const done = status.serverSynced && !status.unsyncedChanges && status.access === 'write';
      if (!refused && !done && status.lastError === null) return;
      unsubscribe();
      resolve(done);
    };
    unsubscribe = session.subscribe(check);
    check(session.status);
  });
}

function withTimeout(promise: Promise<boolean>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), DOC_TIMEOUT_MS);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
