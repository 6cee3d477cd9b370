import type * as Y from 'yjs';
import { KEY_SEPARATOR, ROOTS, TEXTS } from './schema.js';

/** What one transaction changed of an inspection, as far as a score-sheet view cares. */
export interface InspectionPartsChange {
  /** Sheets whose record, flags, item flags or deductions changed (added, edited or removed). */
  readonly sheetIds: ReadonlySet<string>;
  readonly meta: boolean;
  readonly inspectors: boolean;
  /** 评语. */
  readonly comment: boolean;
  readonly origin: unknown;
}

const SHEET_ROOTS = new Set<string>([ROOTS.sheets, ROOTS.sheetFlags, ROOTS.itemFlags, ROOTS.deductions]);

/**
 * Calls `listener` after each transaction that changed the inspection, saying which sheets and which other parts
 * changed, so a view can re-read one sheet instead of the whole document on every tap (a sheet's keys in the
 * flag and deduction roots all start with its id). Returns the unsubscribe function.
 */
export function observeInspectionParts(doc: Y.Doc, listener: (change: InspectionPartsChange) => void): () => void {
  const names = new Map<unknown, string>();
  const nameOf = (root: unknown): string | undefined => {
    if (!names.has(root)) for (const [name, type] of doc.share) names.set(type, name);
    return names.get(root);
  };
  const onAfter = (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0) return;
    const sheetIds = new Set<string>();
    const parts = new Set<string>();
    for (const [type, keys] of transaction.changed) {
      const { root, rootKey } = rootOf(type);
      const name = nameOf(root);
      if (name === undefined) continue;
      parts.add(name);
      if (!SHEET_ROOTS.has(name)) continue;
      for (const k of rootKey === undefined ? keys : [rootKey]) {
        if (typeof k === 'string') sheetIds.add(k.split(KEY_SEPARATOR, 1)[0]!);
      }
    }
    if (parts.size === 0) return;
    listener({
      sheetIds,
      meta: parts.has(ROOTS.meta),
      inspectors: parts.has(ROOTS.inspectors),
      comment: parts.has(TEXTS.comment),
      origin: transaction.origin,
    });
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}

/** What `rootOf` needs of a Yjs type: the item that holds it in its parent (null for a root type). */
interface Nested {
  readonly _item: { readonly parentSub: string | null; readonly parent: unknown } | null;
}

/** The root type a (possibly nested) changed type lives in, and its key in that root when nested. */
function rootOf(type: Nested): { root: unknown; rootKey: string | null | undefined } {
  let current = type;
  let rootKey: string | null | undefined = undefined;
  while (current._item) {
    rootKey = current._item.parentSub;
    current = current._item.parent as Nested;
  }
  return { root: current, rootKey };
}
