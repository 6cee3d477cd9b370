import type { DocSession } from './doc-session';

const open = new Set<DocSession>();

/** Any open document holds edits that have not reached the server. */
export function hasUnsyncedChanges(): boolean {
  return [...open].some((session) => session.status.unsyncedChanges);
}

let listening = false;

/**
 * Warns before the tab closes while an open document has edits the server lacks. Closing is safe (IndexedDB
 * keeps them) but the user should know they have not left the phone. Returns the untrack function.
 */
export function trackUnsynced(session: DocSession): () => void {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('beforeunload', (event) => {
      if (hasUnsyncedChanges()) event.preventDefault();
    });
  }
  open.add(session);
  return () => open.delete(session);
}
