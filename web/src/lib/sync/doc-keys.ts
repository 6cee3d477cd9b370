/**
 * Keys anguan keeps in each document's y-indexeddb `custom` store. A module of their own, free of Yjs, so the
 * signed-in shell (logout, unsent counts) can read them without loading Yjs on pages that open no document.
 *
 * @module
 */

/** Remembers, across app restarts, that the device holds edits the server lacks (value `1`). */
export const UNSYNCED_KEY = 'anguan:unsynced';

/** The server's last access answer (`read` / `write`), so a doc opened offline shows the right controls. */
export const ACCESS_KEY = 'anguan:access';
