import type * as Y from 'yjs';
import { ROOTS, TERM_TEXT_PREFIXES, key } from './schema.js';

/** Called after each transaction that changed what an observer watches, with that transaction's origin. */
export type ChangeListener = (origin: unknown) => void;

/**
 * Calls `listener` after every transaction that changed the inspection (any part). Returns the unsubscribe
 * function. Use it for whole-document views and the Svelte adapter's `createSubscriber`.
 */
export function observeInspection(doc: Y.Doc, listener: ChangeListener): () => void {
  const onUpdate = (_update: Uint8Array, origin: unknown) => listener(origin);
  doc.on('update', onUpdate);
  return () => doc.off('update', onUpdate);
}

/**
 * Calls `listener` only when something of one sheet changed (its record, flags, item flags or deductions), so a
 * sheet view does not re-render for edits elsewhere. Returns the unsubscribe function.
 */
export function observeSheet(doc: Y.Doc, sheetId: string, listener: ChangeListener): () => void {
  const prefix = key(sheetId, '');
  return observeKeys(
    doc,
    [ROOTS.sheetFlags, ROOTS.itemFlags, ROOTS.deductions],
    (k) => k.startsWith(prefix),
    listener,
    (k) => k === sheetId,
  );
}

/** Calls `listener` when the selected terms, their photos or any term note or location changed. */
export function observeTerms(doc: Y.Doc, listener: ChangeListener): () => void {
  const onAfter = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      const name = rootNameOf(doc, type);
      if (
        name === ROOTS.terms ||
        name === ROOTS.termPhotos ||
        TERM_TEXT_PREFIXES.some((prefix) => name?.startsWith(prefix))
      ) {
        listener(transaction.origin);
        return;
      }
    }
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}

function observeKeys(
  doc: Y.Doc,
  roots: readonly string[],
  matches: (k: string) => boolean,
  listener: ChangeListener,
  matchesSheet: (k: string) => boolean,
): () => void {
  const watched = new Set<unknown>(roots.map((r) => doc.getMap(r)));
  const sheets: unknown = doc.getMap(ROOTS.sheets);
  const onAfter = (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      const relevant =
        (watched.has(type) && [...keys].some((k) => k !== null && matches(k))) ||
        (type === sheets && [...keys].some((k) => k !== null && matchesSheet(k)));
      if (relevant) {
        listener(transaction.origin);
        return;
      }
    }
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}

function rootNameOf(doc: Y.Doc, type: unknown): string | null {
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}
