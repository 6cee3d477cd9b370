import * as Y from 'yjs';

/**
 * Which root types an update writes (rectify, issue 9): documents whose parts belong to different sides (a
 * rectification: the project department's `replies`, the inspecting side's `reviews`) are guarded per connection
 * by root, before the update is applied. Items whose parent is not encoded (they continue an existing item) are
 * resolved through their origin, in the update or in the document; deletions are resolved in the document.
 */

type Lookup = (id: Y.ID) => string | null;

/** The root name an item of `doc` hangs under directly, or null (nested, or unknown to `doc`). */
function rootOfDocItem(doc: Y.Doc, id: Y.ID): string | null {
  let item: Y.Item | Y.GC;
  try {
    item = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  } catch {
    return null;
  }
  if (!(item instanceof Y.Item)) return null;
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (!parent || parent._item !== null) return null;
  try {
    return Y.findRootTypeKey(parent);
  } catch {
    return null;
  }
}

/** The root of one decoded item: its encoded parent name, else the root of its origin. */
function rootOfDecoded(item: Y.Item, lookup: Lookup): string | null {
  if (typeof item.parent === 'string') return item.parent;
  if (item.parent !== null) return null; // a nested type's child
  const origin = item.origin ?? item.rightOrigin;
  return origin ? lookup(origin) : null;
}

/**
 * True when every insertion and deletion of `update` is a plain-value entry of one of `roots` (root types of `doc`)
 * itself; false for anything else (nested types, other roots, references `doc` cannot resolve). Throws on a
 * malformed update.
 */
export function writesOnlyRoots(doc: Y.Doc, update: Uint8Array, roots: readonly string[]): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const decoded = new Map<number, Array<{ clock: number; end: number; root: string | null }>>();
  const lookup: Lookup = (id) => {
    const local = decoded.get(id.client)?.find((r) => id.clock >= r.clock && id.clock < r.end);
    return local ? local.root : rootOfDocItem(doc, id);
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC / Skip carry no content
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue; // known: a resync
    if (struct.content instanceof Y.ContentType) return false; // guarded documents hold plain values only
    const root = rootOfDecoded(struct, lookup);
    if (root === null || !roots.includes(root)) return false;
    const ranges = decoded.get(struct.id.client) ?? [];
    ranges.push({ clock: struct.id.clock, end: struct.id.clock + struct.length, root });
    decoded.set(struct.id.client, ranges);
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      for (let at = clock; at < clock + len;) {
        const local = decoded.get(client)?.find((r) => at >= r.clock && at < r.end);
        if (local) {
          if (local.root === null || !roots.includes(local.root)) return false;
          at = local.end;
          continue;
        }
        // A sync step 2 carries the sender's whole delete set: what the document already deleted is no write.
        const known = knownStruct(doc, client, at);
        if (known === null) return false;
        if (!known.deleted && !roots.includes(rootOfDocItem(doc, known.id) ?? '')) return false;
        at = known.id.clock + known.length;
      }
    }
  }
  return true;
}

/** The document's struct that holds `clock` of `client`, or null when the document has none. */
function knownStruct(doc: Y.Doc, client: number, clock: number): Y.Item | Y.GC | null {
  try {
    return Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
  } catch {
    return null;
  }
}
