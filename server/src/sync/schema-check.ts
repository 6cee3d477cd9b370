import * as Y from 'yjs';
import { isAllowedRoot, schemaChangeViolation, type DocKind } from '@anguan/model';
import { MalformedMessageError, SchemaViolationError } from './errors.js';
import { UpdateRoots, type Struct } from './update-roots.js';

const META = 'meta';

/** The delete set of a decoded update (Yjs does not export its type). */
interface DeleteSet {
  readonly clients: Map<number, ReadonlyArray<{ readonly clock: number; readonly len: number }>>;
}

/**
 * Refuses (throws {@link SchemaViolationError}) an update that would add an unknown root or break `meta` (see
 * `schemaChangeViolation` in `@anguan/model`), before anything of it is applied. Cheap on the hot path: the update
 * is decoded and each item's root found from its parent name, or through its origin in the update or in `doc`;
 * only when an item may land in `meta`, a deletion hits one of its current values, or updates already wait for
 * missing dependencies (their integration is invisible in the update) is it applied to a scratch copy and the
 * result compared.
 */
export function checkUpdateSchema(kind: DocKind, doc: Y.Doc, update: Uint8Array): void {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  } catch (error) {
    throw new MalformedMessageError(`bad update: ${(error as Error).message}`);
  }
  const roots = new UpdateRoots(doc, decoded.structs);
  let scratch = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { root } = roots.of(struct); // nested or not: the root decides what is allowed
    if (root === null || root === META) scratch = true;
    else if (!isAllowedRoot(kind, root) && !doc.share.has(root)) {
      throw new SchemaViolationError(`unknown root "${root.slice(0, 64)}"`);
    }
  }
  if (scratch || deletesMeta(doc, decoded.ds)) checkOnScratch(kind, doc, update);
}

function checkOnScratch(kind: DocKind, doc: Y.Doc, update: Uint8Array): void {
  const scratch = new Y.Doc({ gc: false });
  try {
    // encodeStateAsUpdate carries the updates waiting in `doc` too, so their integration is checked here.
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
  } catch (error) {
    scratch.destroy();
    throw new MalformedMessageError(`bad update: ${(error as Error).message}`);
  }
  const violation = schemaChangeViolation(kind, doc, scratch);
  scratch.destroy();
  if (violation) throw new SchemaViolationError(violation);
}

/** Whether the delete set removes a current value of `meta` (an overwritten one changes nothing). */
function deletesMeta(doc: Y.Doc, ds: DeleteSet): boolean {
  if (ds.clients.size === 0 || !doc.share.has(META)) return false;
  for (const item of doc.getMap(META)._map.values()) {
    const ranges = ds.clients.get(item.id.client);
    if (!ranges) continue;
    const start = item.id.clock;
    const end = start + item.length;
    if (ranges.some((r) => r.clock < end && start < r.clock + r.len)) return true;
  }
  return false;
}
