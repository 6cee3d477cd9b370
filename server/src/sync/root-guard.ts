import * as Y from 'yjs';
import { UpdateRoots, type ItemRoot } from './update-roots.js';

/**
 * Which root types an update writes (rectify, issue 9): documents whose parts belong to different sides (a
 * rectification: the project department's `replies`, the inspecting side's `reviews`) are guarded per connection
 * by root, before the update is applied. Roots are found as the schema guard finds them (update-roots.ts);
 * deletions of items the update does not carry are resolved in the document.
 */

/**
 * True when every insertion and deletion of `update` is a plain-value entry of one of `roots` (root types of `doc`)
 * itself; false for anything else (nested types, other roots, references `doc` cannot resolve). Throws on a
 * malformed update.
 */
export function writesOnlyRoots(doc: Y.Doc, update: Uint8Array, roots: readonly string[]): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const finder = new UpdateRoots(doc, structs);
  const allowed = ({ root, nested }: ItemRoot) => !nested && root !== null && roots.includes(root);
  const written = new Map<number, Array<{ clock: number; end: number }>>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC / Skip carry no content
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue; // known: a resync
    if (struct.content instanceof Y.ContentType) return false; // guarded documents hold plain values only
    if (!allowed(finder.of(struct))) return false;
    const ranges = written.get(struct.id.client) ?? [];
    ranges.push({ clock: struct.id.clock, end: struct.id.clock + struct.length });
    written.set(struct.id.client, ranges);
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      for (let at = clock; at < clock + len;) {
        const local = written.get(client)?.find((r) => at >= r.clock && at < r.end);
        if (local) {
          at = local.end; // an item of this update, already checked
          continue;
        }
        // A sync step 2 carries the sender's whole delete set: what the document already deleted is no write.
        const known = knownStruct(doc, client, at);
        if (known === null) return false;
        if (!known.deleted && !(known instanceof Y.Item && allowed(finder.of(known)))) return false;
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
